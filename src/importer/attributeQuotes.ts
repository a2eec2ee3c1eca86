/**
 * Who said each quote on a page, and about which tool. Pages print neither: a scorecard
 * is grouped by persona in the panel's order, and within a persona the left tool comes
 * before the right one, with a persona that did not review a tool simply absent.
 *
 * Evidence, strongest first:
 * - persona and tool: an existing verdict with exactly this text on one of the page's
 *   tools (a re-import, or a quote shared with another page);
 * - persona: the voice markers of one persona occur in the quote more than any other's;
 * - tool: a side a person gave with `--assign`; a persona's row of two quotes is left then
 *   right; a row of one quote is the tool the quote names when it names only one of the
 *   two, else the tool whose name, tagline, description, verdicts and quotes already placed
 *   on this page the quote is clearly closer to (`attributeByContent`; such a verdict is
 *   flagged "tool inferred").
 * A quote in no known voice becomes a placeholder persona. Where the evidence runs out the
 * page fails with the line to look at and the way out; nothing is guessed.
 */

import type { ContentScores, PlacedQuote, ToolDocument } from './attributeByContent.ts'
import type { PageQuote, ParsedPage } from './parsePage.ts'

import path from 'node:path'

import { attributeByContent, defaultAttributionMargin } from './attributeByContent.ts'
import { PageError } from './parsePage.ts'
import { labelledOccurrences, phrasesFound, sameText } from './phrases.ts'

export type Side = 'left' | 'right'

export type VoicePersona = {
  name: string
  position: number
  slug: string
  voiceMarkers: string[]
}

/** An existing verdict on one of the page's tools. */
export type ExistingQuote = { persona: string; side: Side; text: string }

export type PersonaEvidence = 'existing-verdict' | 'voice-markers'
export type ToolEvidence = 'assigned' | 'content' | 'existing-verdict' | 'names-the-tool' | 'row-order'

/** What attribution may use beyond the page's quotes and the personas. */
export type AttributionContext = {
  /** Sides a person gave on the command line (`--assign <file>:<line>=left|right`), by line. */
  assignments?: Map<number, Side>
  /** Per side, the tool as the page and the database know it; by default what the page prints. */
  documents?: [ToolDocument, ToolDocument]
  /** See `defaultAttributionMargin`. */
  margin?: number
}

export type AttributedQuote = {
  line: number
  /** A known persona's slug, or null for a voice no persona matched. */
  persona: null | string
  /** Which evidence named the persona; null for a placeholder. */
  personaEvidence: null | PersonaEvidence
  /** Groups the quotes of one placeholder persona (its row number on the page). */
  placeholderRow: null | number
  side: Side
  text: string
  toolEvidence: ToolEvidence
  /** For a tool inferred from content: how close the quote is to each tool. */
  toolScores?: ContentScores
}

export type PlaceholderRow = {
  /** The known persona of the next row on the page, if any: the placeholder goes before it. */
  beforePersona: null | string
  lines: number[]
  row: number
}

export type Attribution = { placeholders: PlaceholderRow[]; quotes: AttributedQuote[] }

type Candidate = PageQuote & {
  persona: null | string
  personaEvidence: null | PersonaEvidence
  sideEvidence: null | { evidence: ToolEvidence; side: Side }
}

/** The persona whose voice markers the quote contains most; null on a tie or no match. */
export function personaByVoice(text: string, personas: VoicePersona[]): null | string {
  let best: null | string = null
  let bestHits = 0
  let tied = false
  for (const persona of personas) {
    const hits = phrasesFound(text, persona.voiceMarkers).length
    if (hits > bestHits) {
      best = persona.slug
      bestHits = hits
      tied = false
    } else if (hits === bestHits && hits > 0) {
      tied = true
    }
  }
  return tied ? null : best
}

/** The names a page may use for a tool: its full name, and the name without a trailing "(…)". */
function nameForms(name: string): string[] {
  const stem = name.replace(/\s*\([^)]*\)\s*$/, '').trim()
  return stem && stem !== name ? [name, stem] : [name]
}

/**
 * The one tool of the two that the quote names, or null when it names both or neither.
 * A form both tools share ("Code Llama 4" is one tool's name and the other's stem) names
 * neither; the longer name is still found ("Code Llama 4 (70B & 400B)").
 */
export function sideNamed(text: string, leftName: string, rightName: string): null | Side {
  const left = nameForms(leftName)
  const right = nameForms(rightName)
  const distinct = (forms: string[], others: string[]) => forms.filter((form) => !others.includes(form))
  const found = labelledOccurrences<Side>(text, [
    ...distinct(left, right).map((phrase) => ({ label: 'left' as const, phrase })),
    ...distinct(right, left).map((phrase) => ({ label: 'right' as const, phrase })),
  ])
  return found.size === 1 ? [...found.keys()][0] : null
}

export function attributeQuotes(
  page: ParsedPage,
  personas: VoicePersona[],
  existing: ExistingQuote[],
  context: AttributionContext = {},
): Attribution {
  const fail = (line: number, reason: string): never => {
    throw new PageError(page.file, line, reason)
  }
  const personaBySlug = new Map(personas.map((persona) => [persona.slug, persona]))
  const nameOf = (slug: string) => personaBySlug.get(slug)?.name ?? slug
  const [leftName, rightName] = page.tools.map((tool) => tool.name.value)
  const assignments = context.assignments ?? new Map<number, Side>()
  for (const line of assignments.keys()) {
    if (!page.quotes.some((quote) => quote.line === line)) {
      fail(line, `--assign names line ${line}, which holds no quote of the scorecard`)
    }
  }
  const printed = (tool: ParsedPage['tools'][number]): ToolDocument => ({
    description: tool.description.value,
    name: tool.name.value,
    tagline: tool.tagline.value,
    verdicts: [],
  })
  const documents = context.documents ?? [printed(page.tools[0]), printed(page.tools[1])]

  const candidates: Candidate[] = page.quotes.map((quote) => {
    const assigned = assignments.get(quote.line)
    const byAssignment = assigned ? { evidence: 'assigned' as const, side: assigned } : null
    const matches = existing.filter((verdict) => sameText(verdict.text, quote.text))
    if (matches.length === 1) {
      return {
        ...quote,
        persona: matches[0].persona,
        personaEvidence: 'existing-verdict',
        sideEvidence: byAssignment ?? { evidence: 'existing-verdict', side: matches[0].side },
      }
    }
    const persona = personaByVoice(quote.text, personas)
    const named = sideNamed(quote.text, leftName, rightName)
    return {
      ...quote,
      persona,
      personaEvidence: persona ? 'voice-markers' : null,
      sideEvidence: byAssignment ?? (named ? { evidence: 'names-the-tool', side: named } : null),
    }
  })
  const byContent = (quote: Candidate): { scores: ContentScores; side: Side } => {
    const others = page.quotes.filter((other) => other.line !== quote.line).map((other) => other.text)
    const { conflict, readings, scores, side } = attributeByContent(
      quote.text,
      documents,
      others,
      context.margin,
      placed,
    )
    if (!side) {
      const who = quote.persona ? nameOf(quote.persona) : 'an unknown voice'
      const pair = (of: ContentScores) => `"${leftName}" ${of.left.toFixed(3)}, "${rightName}" ${of.right.toFixed(3)}`
      const closeness =
        conflict && readings
          ? `its content is closer to one tool by the tools' descriptions (${pair(readings.profile)}) and to the other by this page's other quotes on them (${pair(readings.page)})`
          : `its content is about as close to "${leftName}" (${scores.left.toFixed(3)}) as to "${rightName}" (${scores.right.toFixed(3)}), within the margin of ${context.margin ?? defaultAttributionMargin}${readings && (readings.profile.left !== scores.left || readings.profile.right !== scores.right) ? ` with this page's other quotes (by the tools' descriptions alone: ${pair(readings.profile)})` : ''}`
      fail(
        quote.line,
        `cannot tell which tool this quote by ${who} is about: it is the only quote in its row, names neither "${leftName}" nor "${rightName}" alone, and ${closeness}; say which with --assign ${path.basename(page.file)}:${quote.line}=left or =right`,
      )
    }
    return { scores, side: side! }
  }

  // Rows: runs of quotes by the same known persona; runs of unknown voices are split
  // into placeholder rows of at most two (left then right), as a persona's row would be.
  const rows: Candidate[][] = []
  for (const candidate of candidates) {
    const row = rows.at(-1)
    const joins =
      row &&
      (candidate.persona !== null
        ? row[0].persona === candidate.persona
        : row[0].persona === null &&
          row.length === 1 &&
          row[0].sideEvidence?.side !== 'right' &&
          candidate.sideEvidence?.side !== 'left')
    if (joins) {
      row.push(candidate)
    } else {
      rows.push([candidate])
    }
  }

  // What the page already says about each tool: the quotes whose side other evidence than
  // content gives (rows of two, names, existing verdicts, --assign). A lone quote is compared
  // with these too (`withPlacedQuotes`); a row of more than two fails below.
  const placed: PlacedQuote[] = rows.flatMap((row) =>
    row.length === 2
      ? [
          { side: 'left' as const, text: row[0].text },
          { side: 'right' as const, text: row[1].text },
        ]
      : row.length === 1 && row[0].sideEvidence
        ? [{ side: row[0].sideEvidence.side, text: row[0].text }]
        : [],
  )

  const quotes: AttributedQuote[] = []
  const placeholders: PlaceholderRow[] = []
  const seen = new Map<string, number>()
  let lastKnown: null | VoicePersona = null
  for (const [index, row] of rows.entries()) {
    const [first] = row
    const who = first.persona ? nameOf(first.persona) : 'an unknown voice'
    if (row.length > 2) {
      fail(
        row[2].line,
        `${who} has more than two quotes in a row (lines ${row.map((quote) => quote.line).join(', ')}); a persona has at most one quote per tool`,
      )
    }
    if (first.persona) {
      const earlier = seen.get(first.persona)
      if (earlier !== undefined) {
        fail(
          first.line,
          `${who} already spoke at line ${earlier}, and a persona's quotes stand together; check the voice markers`,
        )
      }
      seen.set(first.persona, first.line)
      const persona = personaBySlug.get(first.persona)!
      if (lastKnown && persona.position <= lastKnown.position) {
        fail(
          first.line,
          `${persona.name} comes after ${lastKnown.name} on the page, but the panel puts ${persona.name} first; check both personas' voice markers and positions`,
        )
      }
      lastKnown = persona
    }
    const inferred = row.length === 1 && !first.sideEvidence ? byContent(first) : null
    const sides: Side[] = row.length === 2 ? ['left', 'right'] : [first.sideEvidence?.side ?? inferred!.side]
    for (const [position, candidate] of row.entries()) {
      const evidence = candidate.sideEvidence
      if (row.length === 2 && evidence?.evidence === 'existing-verdict' && evidence.side !== sides[position]) {
        fail(
          candidate.line,
          `this quote is ${who}'s existing verdict on the ${evidence.side} tool, but it stands in the ${sides[position]} tool's place`,
        )
      }
      if (row.length === 2 && evidence?.evidence === 'assigned' && evidence.side !== sides[position]) {
        fail(
          candidate.line,
          `--assign puts this quote on the ${evidence.side} tool, but it is ${who}'s ${position === 0 ? 'first' : 'second'} of two quotes in a row, which stand left then right`,
        )
      }
      quotes.push({
        line: candidate.line,
        persona: candidate.persona,
        personaEvidence: candidate.personaEvidence,
        placeholderRow: candidate.persona ? null : index,
        side: sides[position],
        text: candidate.text,
        toolEvidence:
          evidence?.evidence === 'existing-verdict' || evidence?.evidence === 'assigned'
            ? evidence.evidence
            : row.length === 2
              ? 'row-order'
              : inferred
                ? 'content'
                : 'names-the-tool',
        ...(inferred ? { toolScores: inferred.scores } : {}),
      })
    }
    if (!first.persona) {
      const next = rows.slice(index + 1).find((later) => later[0].persona !== null)
      placeholders.push({ beforePersona: next?.[0].persona ?? null, lines: row.map((quote) => quote.line), row: index })
    }
  }
  return { placeholders, quotes }
}
