/**
 * Reads a published comparison page in its plain-text form (one element per line, as in
 * the publication's exports) into a structured page. Every element keeps its line number,
 * so later steps can name the line they object to. Blank lines are ignored.
 *
 * ```
 * AI tool comparison                     kicker
 * <Left> vs <Right>                      title
 * <one line>                             standfirst (not imported)
 * then, for the left and the right tool:
 *   <category> <name> <tagline> <NN% | —> Panel ship <NN% | —> Community <pricing> Entry <description>
 * Reviewer scorecard
 * “<quote>”                              one line per quote, grouped by persona
 * Weekly AI Tool Verdicts                newsletter footer: it and everything after it is ignored
 * ```
 */

import { slugify } from '../catalog/slugify.ts'

export type Located<T> = { line: number; value: T }

export type PageTool = {
  category: Located<string>
  community: Located<null | number>
  description: Located<string>
  /** The printed "Entry" price label, e.g. "Free". */
  entry: Located<string>
  name: Located<string>
  panel: Located<null | number>
  tagline: Located<string>
}

export type PageQuote = { line: number; text: string }

export type ParsedPage = {
  file: string
  quotes: PageQuote[]
  title: Located<string>
  tools: [PageTool, PageTool]
}

/** A page the importer cannot use, with the file and line to look at. */
export class PageError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`)
    this.name = 'PageError'
  }
}

export const pageLabels = {
  community: 'Community',
  entry: 'Entry',
  footer: 'Weekly AI Tool Verdicts',
  kicker: 'AI tool comparison',
  panel: 'Panel ship',
  scorecard: 'Reviewer scorecard',
} as const

const noFigure = /^[—–-]$/
const percentPattern = /^(\d{1,3})\s*%$/
const quotePairs: Array<[string, string]> = [
  ['“', '”'],
  ['"', '"'],
]

/** "75%" → 75, "—" → null; anything else is not a printed percentage. */
export function parsePrintedPercent(text: string): null | number | undefined {
  if (noFigure.test(text)) {
    return null
  }
  const match = percentPattern.exec(text)
  if (!match) {
    return undefined
  }
  const value = Number(match[1])
  return value <= 100 ? value : undefined
}

/** "Left vs Right", as pages print a title and the app derives one. */
export function matchupTitle(left: string, right: string): string {
  return `${left} vs ${right}`
}

export function parsePage(text: string, file: string): ParsedPage {
  const lines = text
    .split(/\r?\n/)
    .map((content, index) => ({ line: index + 1, value: content.trim() }))
    .filter((entry) => entry.value !== '')
  let cursor = 0
  const lastLine = text.split(/\r?\n/).length

  const fail = (line: number, reason: string): never => {
    throw new PageError(file, line, reason)
  }
  const next = (what: string): Located<string> => {
    const entry = lines[cursor]
    if (!entry) {
      return fail(lastLine, `the page ends where ${what} was expected`)
    }
    cursor += 1
    return entry
  }
  const expectLabel = (label: string, after: string) => {
    const entry = next(`"${label}"`)
    if (entry.value.toLowerCase() !== label.toLowerCase()) {
      fail(entry.line, `expected "${label}" after ${after}, found "${clip(entry.value)}"`)
    }
  }
  const percent = (what: string): Located<null | number> => {
    const entry = next(what)
    const value = parsePrintedPercent(entry.value)
    if (value === undefined) {
      return fail(entry.line, `expected ${what} ("75%" or "—"), found "${clip(entry.value)}"`)
    }
    return { line: entry.line, value }
  }
  const tool = (): PageTool => {
    const category = next("a tool's category")
    const name = next("a tool's name")
    const tagline = next("a tool's tagline")
    const panel = percent('the panel percentage')
    expectLabel(pageLabels.panel, 'the panel percentage')
    const community = percent('the community percentage')
    expectLabel(pageLabels.community, 'the community percentage')
    const entry = next('the pricing label')
    expectLabel(pageLabels.entry, 'the pricing label')
    const description = next("a tool's description")
    return { category, community, description, entry, name, panel, tagline }
  }

  const kicker = next(`"${pageLabels.kicker}"`)
  if (kicker.value.toLowerCase() !== pageLabels.kicker.toLowerCase()) {
    fail(kicker.line, `expected the page to start with "${pageLabels.kicker}", found "${clip(kicker.value)}"`)
  }
  const title = next('the title')
  next('the standfirst under the title')
  const left = tool()
  const right = tool()
  expectLabel(pageLabels.scorecard, "the right tool's description")

  const quotes: PageQuote[] = []
  while (cursor < lines.length) {
    const entry = lines[cursor]
    cursor += 1
    if (entry.value.toLowerCase() === pageLabels.footer.toLowerCase()) {
      break
    }
    const pair = quotePairs.find(
      ([open, close]) => entry.value.length > 1 && entry.value.startsWith(open) && entry.value.endsWith(close),
    )
    if (!pair) {
      fail(entry.line, `expected a quote in “…” (or the "${pageLabels.footer}" footer), found "${clip(entry.value)}"`)
    }
    const quote = entry.value.slice(pair![0].length, -pair![1].length).trim()
    if (!quote) {
      fail(entry.line, 'the quote is empty')
    }
    quotes.push({ line: entry.line, text: quote })
  }

  const expectedTitle = matchupTitle(left.name.value, right.name.value)
  if (title.value !== expectedTitle) {
    fail(title.line, `the title "${clip(title.value)}" should name the two tools as "${expectedTitle}"`)
  }
  if (slugify(left.name.value) === slugify(right.name.value)) {
    fail(right.name.line, `both sides of the page are the same tool ("${right.name.value}")`)
  }
  return { file, quotes, title, tools: [left, right] }
}

function clip(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}
