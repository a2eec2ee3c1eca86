/**
 * Which of a page's two tools a quote is about, read from what it says rather than from a
 * name: the quote is compared with a document per tool (its name and the name's forms, its
 * vendor, its tagline and description as the page prints them, and the tool's verdicts
 * already in the database) by BM25-weighted bag-of-words cosine similarity, from wink-nlp.
 *
 * BM25 rather than raw counts because what tells two tools apart is the words only one of
 * them uses ("committer", "ledger"), not the words every quote uses ("model", "team"): the
 * page's other quotes join the corpus so that such common words weigh little. wink-nlp's
 * vectorizer and cosine are used as published, over wink-nlp's stems with stop words out.
 *
 * A tool's document also holds the quotes the same page already places on it (by row order,
 * or because they name it: `withPlacedQuotes`), so a lone quote is compared with what the page
 * itself says about each tool, not only with its name, tagline and description: the other
 * panelists' words about a tool are the nearest thing to a quote about it.
 *
 * The answer is a side only when one tool is closer by at least the margin; otherwise it
 * is null and the caller must ask a person (`--assign`). Nothing is guessed.
 */
import type { Bow } from 'wink-nlp'

import bm25Vectorizer from 'wink-nlp/utilities/bm25-vectorizer.js'
import similarity from 'wink-nlp/utilities/similarity.js'

import type { Side } from './attributeQuotes.ts'

import { contentStems, textModel } from './textModel.ts'

export type ToolDocument = {
  description: string
  name: string
  tagline: string
  /** Quotes of the tool's verdicts already in the database. */
  verdicts: string[]
}

export type ContentScores = Record<Side, number>

export type ContentAttribution = {
  /** The two readings each gave a side, and not the same one. */
  conflict?: boolean
  /** With placed quotes: each reading's scores (see `attributeByContent`). */
  readings?: { page: ContentScores; profile: ContentScores }
  /** Cosine similarity of the quote with each tool's document, 0 to 1, three decimals (the reading that decided). */
  scores: ContentScores
  /** The clearly closer tool, or null when the two are within the margin. */
  side: null | Side
}

/**
 * How much closer (in cosine points) one tool must be for the importer to attribute a quote
 * by its content. Chosen before the evaluation set was scored (see "Importing pages" in the
 * README for the figures it gives); within it the page asks a person (`--assign`).
 */
export const defaultAttributionMargin = 0.05

/** The vendor a page names in a tool's tagline ("Acme's fast model…") or description ("…from Acme"). */
export function vendorsOf(tool: Pick<ToolDocument, 'description' | 'tagline'>): string[] {
  const capitalised = String.raw`[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}`
  const found = [
    tool.tagline.match(new RegExp(String.raw`^(${capitalised})['’]s\b`))?.[1],
    tool.description.match(new RegExp(String.raw`\bfrom (${capitalised})`))?.[1],
    tool.description.match(new RegExp(String.raw`^(${capitalised})['’]s\b`))?.[1],
  ]
  return [...new Set(found.filter((vendor): vendor is string => Boolean(vendor)))]
}

/** A tool's name as a page may write it: in full, and without a trailing "(…)". */
function nameForms(name: string): string[] {
  const stem = name.replace(/\s*\([^)]*\)\s*$/, '').trim()
  return stem && stem !== name ? [name, stem] : [name]
}

/** Every form a page calls a tool by: its name's forms and its vendor. */
export function toolNames(tool: Pick<ToolDocument, 'description' | 'name' | 'tagline'>): string[] {
  return [...nameForms(tool.name), ...vendorsOf(tool)]
}

/** The text a quote is compared with; the names and vendor count twice, as what identifies a tool most. */
export function toolDocumentText(tool: ToolDocument): string {
  const identity = toolNames(tool)
  return [...identity, ...identity, tool.tagline, tool.description, ...tool.verdicts].join('\n')
}

/** A quote of the page whose tool is already known, and which side that is. */
export type PlacedQuote = { side: Side; text: string }

/**
 * The two documents with the page's placed quotes added to their tool's verdicts. Only
 * quotes placed by stronger evidence than content belong here (row order, a name, an
 * existing verdict, `--assign`), so one inference never feeds another.
 */
export function withPlacedQuotes(
  documents: [ToolDocument, ToolDocument],
  placed: PlacedQuote[],
): [ToolDocument, ToolDocument] {
  const add = (document: ToolDocument, side: Side): ToolDocument => ({
    ...document,
    verdicts: [...document.verdicts, ...placed.filter((quote) => quote.side === side).map((quote) => quote.text)],
  })
  return [add(documents[0], 'left'), add(documents[1], 'right')]
}

const round = (value: number) => Math.round(value * 1000) / 1000

/** One comparison: the quote against the two documents, the background weighing common words down. */
function compare(quote: string, tools: [ToolDocument, ToolDocument], background: string[], margin: number) {
  const { its } = textModel()
  const vectorizer = bm25Vectorizer()
  for (const text of [...tools.map(toolDocumentText), ...background]) {
    vectorizer.learn(contentStems(text))
  }
  const query = vectorizer.bowOf(contentStems(quote))
  const [left, right] = [0, 1].map((index) =>
    round(similarity.bow.cosine(query, vectorizer.doc(index).out(its.bow) as Bow)),
  )
  const side: null | Side =
    Math.abs(left - right) >= margin && Math.max(left, right) > 0 ? (left > right ? 'left' : 'right') : null
  return { scores: { left, right }, side }
}

/**
 * Two readings, each held to the margin: the quote against each tool's profile (names,
 * vendor, tagline, description, stored verdicts; the page's other quotes as background), and,
 * when the page places other quotes, against the profile plus those quotes (the quotes not
 * placed as background). A side is given when one reading gives it and the other does not
 * contradict it: the profile alone can be swayed by one shared word, the placed quotes alone
 * by a phrase two personas share, and a quote the two readings put on different tools is one
 * a person must place.
 *
 * @param background other texts of the page (its other quotes), so that words every quote
 *   uses weigh little; they are never candidates.
 * @param placed the page's quotes whose tool other evidence gives (`withPlacedQuotes`).
 */
export function attributeByContent(
  quote: string,
  tools: [ToolDocument, ToolDocument],
  background: string[] = [],
  margin = defaultAttributionMargin,
  placed: PlacedQuote[] = [],
): ContentAttribution {
  const profile = compare(quote, tools, background, margin)
  if (placed.length === 0) {
    return profile
  }
  const placedTexts = new Set(placed.map((other) => other.text))
  const page = compare(
    quote,
    withPlacedQuotes(tools, placed),
    background.filter((text) => !placedTexts.has(text)),
    margin,
  )
  const readings = { page: page.scores, profile: profile.scores }
  if (profile.side && page.side && profile.side !== page.side) {
    return { conflict: true, readings, scores: page.scores, side: null }
  }
  const decided = page.side ? page : profile.side ? profile : page
  return { readings, scores: decided.scores, side: decided.side }
}
