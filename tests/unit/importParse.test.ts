import { describe, expect, it } from '@jest/globals'

import { PageError, pageLabels, parsePage, parsePrintedPercent } from '../../src/importer/parsePage.ts'
import { fixturePage, seedPages } from '../helpers/importPages.ts'

const base = fixturePage('different-panels.txt')
const lines = base.text.split('\n')

/** The error parsePage throws for `text`, or a failure if it parses. */
function parseError(text: string, file = 'page.txt'): PageError {
  try {
    parsePage(text, file)
  } catch (error) {
    if (error instanceof PageError) {
      return error
    }
    throw error
  }
  throw new Error('expected the page to be refused')
}

/** The 1-based line number of the `occurrence`-th line equal to `content`. */
function lineOf(content: string, occurrence = 1): number {
  const found = lines.flatMap((line, index) => (line === content ? [index + 1] : []))
  return found[occurrence - 1]
}

describe("parsePage on the publication's sample pages", () => {
  it.each(seedPages().map((page) => [page.path, page.text]))(
    '%s reads into two tools and a scorecard, each element at its line',
    (file, text) => {
      const page = parsePage(text, file)
      const fileLines = text.split(/\r?\n/)
      const [left, right] = page.tools
      expect(page.title.value).toBe(`${left.name.value} vs ${right.name.value}`)
      for (const tool of page.tools) {
        for (const element of [tool.category, tool.name, tool.tagline, tool.entry, tool.description]) {
          expect(fileLines[element.line - 1].trim()).toBe(element.value)
        }
        expect(fileLines[tool.panel.line].trim()).toBe(pageLabels.panel)
        expect(tool.community.value).toBeNull()
      }
      expect(page.quotes.length).toBeGreaterThan(0)
      for (const quote of page.quotes) {
        expect(fileLines[quote.line - 1]).toContain(quote.text)
        expect(quote.text).not.toMatch(/^[“"]|[”"]$/)
      }
    },
  )
})

describe('parsePage on malformed pages', () => {
  it('reads a well-formed fixture, ignoring blank lines and everything after the footer', () => {
    const page = parsePage(base.text.replace('Reviewer scorecard\n', 'Reviewer scorecard\n\n\n'), 'ok.txt')
    expect(page.tools.map((tool) => [tool.name.value, tool.panel.value, tool.entry.value])).toEqual([
      ['Alpha Coder', 100, 'Free'],
      ['Beta Chat', 67, 'Paid'],
    ])
    expect(page.quotes).toHaveLength(7)
    expect(page.quotes[0].line).toBe(lineOf('Reviewer scorecard') + 3)
  })

  it('names the file and line of a wrong label', () => {
    const error = parseError(
      lines.map((line, index) => (index + 1 === lineOf('Panel ship', 2) ? 'Panel score' : line)).join('\n'),
      'pages/bad.txt',
    )
    expect(error.message).toBe(
      `pages/bad.txt:${lineOf('Panel ship', 2)}: expected "Panel ship" after the panel percentage, found "Panel score"`,
    )
  })

  it('refuses a percentage that is not one', () => {
    const error = parseError(base.text.replace('\n67%\n', '\n6 7 %\n'))
    expect(error.line).toBe(lineOf('67%'))
    expect(error.reason).toContain('expected the panel percentage')
  })

  it('refuses a scorecard line that is not a quote', () => {
    const quoteLine = lineOf('Reviewer scorecard') + 2
    const error = parseError(
      lines.map((line, index) => (index + 1 === quoteLine ? line.replace(/[“”]/g, '') : line)).join('\n'),
    )
    expect(error.line).toBe(quoteLine)
    expect(error.reason).toMatch(/^expected a quote in “…”/)
  })

  it('refuses a page that does not start with the kicker, or whose title does not name its tools', () => {
    expect(parseError(`Something else\n${base.text}`).line).toBe(1)
    const title = parseError(base.text.replace('Alpha Coder vs Beta Chat', 'Alpha vs Beta'))
    expect(title.line).toBe(2)
    expect(title.reason).toContain('"Alpha Coder vs Beta Chat"')
  })

  it('says where a page ends too early', () => {
    const cut = lines.slice(0, lineOf('Paid')).join('\n')
    const error = parseError(cut)
    expect(error.line).toBe(lineOf('Paid'))
    expect(error.reason).toBe('the page ends where "Entry" was expected')
  })

  it('refuses a page with the same tool on both sides', () => {
    const text = base.text.replaceAll('Beta Chat', 'Alpha Coder')
    expect(parseError(text).reason).toContain('both sides of the page are the same tool')
  })
})

describe('parsePrintedPercent', () => {
  it.each([
    ['75%', 75],
    ['100 %', 100],
    ['0%', 0],
    ['—', null],
    ['-', null],
    ['101%', undefined],
    ['75', undefined],
    ['n/a', undefined],
  ])('%s → %p', (text, value) => {
    expect(parsePrintedPercent(text)).toBe(value)
  })
})
