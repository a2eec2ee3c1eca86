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
  /** Cosine similarity of the quote with each tool's document, 0 to 1, three decimals. */
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

const round = (value: number) => Math.round(value * 1000) / 1000

/**
 * @param background other texts of the page (its other quotes), so that words every quote
 *   uses weigh little; they are never candidates.
 */
export function attributeByContent(
  quote: string,
  tools: [ToolDocument, ToolDocument],
  background: string[] = [],
  margin = defaultAttributionMargin,
): ContentAttribution {
  const { its } = textModel()
  const vectorizer = bm25Vectorizer()
  for (const text of [...tools.map(toolDocumentText), ...background]) {
    vectorizer.learn(contentStems(text))
  }
  const query = vectorizer.bowOf(contentStems(quote))
  const [left, right] = [0, 1].map((index) =>
    round(similarity.bow.cosine(query, vectorizer.doc(index).out(its.bow) as Bow)),
  )
  const scores = { left, right }
  const side: null | Side =
    Math.abs(left - right) >= margin && Math.max(left, right) > 0 ? (left > right ? 'left' : 'right') : null
  return { scores, side }
}
