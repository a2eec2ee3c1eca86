import { describe, expect, it } from '@jest/globals'

import type { VoicePersona } from '../../src/importer/attributeQuotes.ts'
import type { ParsedPage } from '../../src/importer/parsePage.ts'

import { attributeQuotes, personaByVoice, sideNamed } from '../../src/importer/attributeQuotes.ts'
import { PageError, parsePage } from '../../src/importer/parsePage.ts'
import { defaultPanel } from '../../src/catalog/defaultPanel.ts'
import { seedPages } from '../helpers/importPages.ts'

const panel: VoicePersona[] = [
  { name: 'The Builder', position: 1, slug: 'builder', voiceMarkers: ['the primitive', 'the DX bet'] },
  { name: 'The Skeptic', position: 2, slug: 'skeptic', voiceMarkers: ['direct competitor', 'where this breaks'] },
  { name: 'The Buyer', position: 3, slug: 'buyer', voiceMarkers: ['the buyer', 'the moat'] },
]

/** A page with the given quotes (one per line, from line 30 on) between Left Tool and Right Tool. */
function page(quotes: string[], names: [string, string] = ['Left Tool', 'Right Tool']): ParsedPage {
  const located = <T>(value: T, line = 1) => ({ line, value })
  const tool = (name: string) => ({
    category: located('Tools'),
    community: located<null | number>(null),
    description: located('Text.'),
    entry: located('Free'),
    name: located(name),
    panel: located<null | number>(100),
    tagline: located('Line.'),
  })
  return {
    file: 'page.txt',
    quotes: quotes.map((text, index) => ({ line: 30 + index, text })),
    title: located(`${names[0]} vs ${names[1]}`),
    tools: [tool(names[0]), tool(names[1])],
  }
}

function attributionError(quotes: string[], existing: Parameters<typeof attributeQuotes>[2] = []): PageError {
  try {
    attributeQuotes(page(quotes), panel, existing)
  } catch (error) {
    if (error instanceof PageError) {
      return error
    }
    throw error
  }
  throw new Error('expected the attribution to fail')
}

const summary = (quotes: string[], existing: Parameters<typeof attributeQuotes>[2] = []) =>
  attributeQuotes(page(quotes), panel, existing).quotes.map(
    (quote) => `${quote.persona ?? '?'}:${quote.side}:${quote.toolEvidence}`,
  )

describe('personaByVoice', () => {
  it('picks the persona with the most markers in the quote, whatever the case', () => {
    expect(personaByVoice('THE PRIMITIVE is small, and the DX bet pays.', panel)).toBe('builder')
    expect(personaByVoice('Its direct competitors are cheaper, and the moat is thin.', panel)).toBeNull()
    expect(personaByVoice('Direct competitors abound; where this breaks is scale; the moat is thin.', panel)).toBe(
      'skeptic',
    )
  })

  it('matches markers at word starts only, and typographic apostrophes as plain ones', () => {
    expect(personaByVoice('Read the moats list.', panel)).toBe('buyer')
    expect(personaByVoice('Nothe buyer here.', panel)).toBeNull()
    expect(
      personaByVoice('The buyer’s view.', [{ name: 'X', position: 1, slug: 'x', voiceMarkers: ["buyer's view"] }]),
    ).toBe('x')
  })

  it('never guesses: no marker or a tie gives no persona', () => {
    expect(personaByVoice("A quote in nobody's voice.", panel)).toBeNull()
    expect(personaByVoice('The primitive has direct competitors.', panel)).toBeNull()
  })
})

describe('sideNamed', () => {
  it('finds the one tool a quote names', () => {
    expect(sideNamed('Only Right Tool does this.', 'Left Tool', 'Right Tool')).toBe('right')
    expect(sideNamed('Left Tool beats Right Tool.', 'Left Tool', 'Right Tool')).toBeNull()
    expect(sideNamed('Neither is named.', 'Left Tool', 'Right Tool')).toBeNull()
  })

  it('tells two products that share a name stem apart, and does not guess from the bare stem', () => {
    const [small, large] = ['Code Llama 4', 'Code Llama 4 (70B & 400B)']
    expect(sideNamed('We ran Code Llama 4 (70B & 400B) on a cluster.', small, large)).toBe('right')
    expect(sideNamed('We ran Code Llama 4 on a laptop.', small, large)).toBeNull()
    expect(sideNamed('Mistral 3 Small answers fast.', 'Mistral 3', 'Mistral 3 Small')).toBe('right')
  })
})

describe('attributeQuotes', () => {
  it("reads a persona's row of two as left then right, in panel order", () => {
    expect(
      summary(['The primitive is a file.', 'The DX bet is a CLI.', 'The buyer is ops.', 'The moat is data.']),
    ).toEqual(['builder:left:row-order', 'builder:right:row-order', 'buyer:left:row-order', 'buyer:right:row-order'])
  })

  it('places a single quote on the tool it names', () => {
    expect(
      summary([
        'The primitive is a file.',
        'The DX bet is a CLI.',
        'Direct competitors beat Right Tool.',
        'The buyer likes Left Tool.',
      ]),
    ).toEqual([
      'builder:left:row-order',
      'builder:right:row-order',
      'skeptic:right:names-the-tool',
      'buyer:left:names-the-tool',
    ])
  })

  it('fails with the line, both content scores and the way out when a single quote names neither tool and its content does not tell', () => {
    const error = attributionError(['The primitive of Left Tool is a file.', 'Direct competitors are many.'])
    expect(error.message).toBe(
      'page.txt:31: cannot tell which tool this quote by The Skeptic is about: it is the only quote in its row, names neither "Left Tool" nor "Right Tool" alone, and its content is about as close to "Left Tool" (0.000) as to "Right Tool" (0.000), within the margin of 0.05; say which with --assign page.txt:31=left or =right',
    )
  })

  it('uses an existing verdict with the same text as evidence for persona and tool', () => {
    const existing = [{ persona: 'skeptic', side: 'right' as const, text: 'Nothing  here names a persona.' }]
    expect(summary(['The primitive of Left Tool is a file.', 'Nothing here names a persona.'], existing)).toEqual([
      'builder:left:names-the-tool',
      'skeptic:right:existing-verdict',
    ])
  })

  it('turns a voice no persona matches into a placeholder row, placed before the next known persona', () => {
    const attribution = attributeQuotes(
      page([
        'The primitive is a file.',
        'The DX bet is a CLI.',
        'Left Tool felt quick.',
        'Right Tool felt slow.',
        'The buyer is ops.',
        'The moat is data.',
      ]),
      panel,
      [],
    )
    expect(attribution.quotes.map((quote) => `${quote.persona ?? `?${quote.placeholderRow}`}:${quote.side}`)).toEqual([
      'builder:left',
      'builder:right',
      '?1:left',
      '?1:right',
      'buyer:left',
      'buyer:right',
    ])
    expect(attribution.placeholders).toEqual([{ beforePersona: 'buyer', lines: [32, 33], row: 1 }])
  })

  it('keeps two unknown voices apart when the tools they name say so', () => {
    const attribution = attributeQuotes(page(['Right Tool felt slow.', 'Left Tool felt quick.']), panel, [])
    expect(attribution.placeholders.map((row) => row.lines)).toEqual([[30], [31]])
    expect(attribution.quotes.map((quote) => quote.side)).toEqual(['right', 'left'])
  })

  it('refuses a persona order the panel contradicts, a persona split in two, and three quotes in a row', () => {
    expect(
      attributionError(['The buyer is ops.', 'The moat is data.', 'The primitive is a file.', 'The DX bet is a CLI.'])
        .message,
    ).toBe(
      "page.txt:32: The Builder comes after The Buyer on the page, but the panel puts The Builder first; check both personas' voice markers and positions",
    )
    expect(
      attributionError([
        'The primitive is a file.',
        'The DX bet is a CLI.',
        'The buyer of Left Tool is ops.',
        'The primitive again.',
      ]).reason,
    ).toBe("The Builder already spoke at line 30, and a persona's quotes stand together; check the voice markers")
    expect(
      attributionError(['The primitive is a file.', 'The DX bet is a CLI.', 'The primitive, once more.']).line,
    ).toBe(32)
  })
})

describe("attributing the publication's sample pages with the default panel", () => {
  it.each(seedPages().map((file) => [file.path, file.text]))(
    '%s: every quote has a persona, rows in panel order, left before right',
    (file, text) => {
      const parsed = parsePage(text, file)
      const { placeholders, quotes } = attributeQuotes(parsed, defaultPanel, [])
      expect(placeholders).toEqual([])
      const positions = quotes.map((quote) => defaultPanel.find((persona) => persona.slug === quote.persona)!.position)
      expect([...positions].sort((a, b) => a - b)).toEqual(positions)
      for (const quote of quotes) {
        const persona = defaultPanel.find((member) => member.slug === quote.persona)!
        expect(persona.voiceMarkers.some((marker) => quote.text.toLowerCase().includes(marker.toLowerCase()))).toBe(
          true,
        )
        const sameRow = quotes.filter((other) => other.persona === quote.persona)
        expect(sameRow.map((other) => other.side)).toEqual(sameRow.length === 2 ? ['left', 'right'] : [quote.side])
      }
    },
  )
})
