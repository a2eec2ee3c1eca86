/**
 * The trained decision reader: a naive Bayes text classifier (wink-naive-bayes-text-classifier,
 * of wink-nlp's family) over the words of quotes whose ship or skip is known, used as one tier
 * of the evidence `decisionEvidence` weighs. It reads what hand-written rules miss — the
 * arguments that lean one way with no feeling word ("the rivals have the customers") — by
 * how such words fell in the labelled evaluation sets.
 *
 * Its tokens are prepared here (`definePrepTasks`) from wink-nlp, so they carry what the
 * importer already knows of a quote: Porter stems without stop words, each marked `not:`
 * when wink-nlp finds it negated and `rival:` when its clause is about a rival rather than
 * the tool (`clauseTarget`); the words of the closing sentence count once more, marked
 * `end:`, as the close is where a panellist gives the verdict; the panel's voice markers
 * ("the primitive", "direct competitors", "onboarding") are left out, as the argument
 * reading leaves them out: they say which panellist speaks, not what was decided, and a
 * reader that learnt them would skip one panellist's quotes more than another's. Each of
 * these was chosen by leave-one-set-out (README, "How well it infers"). The model is
 * trained by `npm run train:import`
 * (scripts/trainDecisionReader.ts) on every labelled set but the ones kept for honest
 * scoring, and shipped as `decisionModel.json`; it is read once, on first use.
 */
import type { ItemSentence, ItsFunction } from 'wink-nlp'

import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier'

import type { ToolNames } from './clauseTarget.ts'

import { newTargetState, sentenceTargets } from './clauseTarget.ts'
import decisionModel from './decisionModel.json'
import { escapeRegExp } from './phrases.ts'
import { textModel } from './textModel.ts'

/**
 * A quote, the forms its page calls the tool by (so that a clause about a rival reads as one)
 * and the panel's voice markers (`frames`, left out).
 */
export type ReaderInput = { frames: string[]; names: ToolNames; text: string }

/** A quote's lean towards skipping as the reader sees it: log2 odds of skip over ship, 0 when it knows no word. */
export type SkipOdds = (input: ReaderInput) => number

/** The quote with the panel's voice markers cut out wherever it prints them, in any case. */
function withoutFrames(text: string, frames: string[]): string {
  return frames
    .map((frame) => frame.trim())
    .filter(Boolean)
    .reduce((result, frame) => result.replace(new RegExp(escapeRegExp(frame), 'gi'), ' '), text)
}

/** The quote's tokens as the reader learns and reads them (each once: presence, not counts). */
export function readerTokens({ frames, names, text }: ReaderInput): string[] {
  const nlp = textModel()
  const { its } = nlp
  const found: string[] = []
  const state = newTargetState()
  const sentences = nlp.readDoc(withoutFrames(text.replace(/[’‘]/g, "'"), frames)).sentences()
  const closing = sentences.length() - 1
  sentences.each((sentence: ItemSentence, position: number) => {
    const targets = sentenceTargets(sentence, names, state)
    const tokens = sentence.tokens()
    // wink-nlp's own typings give `its.stem` a signature `out` does not accept; it works.
    const stems = tokens.out(its.stem as unknown as ItsFunction<string>) as string[]
    const types = tokens.out(its.type) as string[]
    const stop = tokens.out(its.stopWordFlag) as unknown as boolean[]
    const negated = tokens.out(its.negationFlag) as unknown as boolean[]
    stems.forEach((stem, index) => {
      if (types[index] === 'word' && !stop[index]) {
        const token = `${targets[index] === 'rival' ? 'rival:' : ''}${negated[index] ? 'not:' : ''}${stem}`
        found.push(token)
        if (position === closing && closing > 0) {
          found.push(`end:${token}`)
        }
      }
    })
  })
  return [...new Set(found)]
}

function classifier() {
  const reader = naiveBayesTextClassifier()
  reader.definePrepTasks([readerTokens])
  return reader
}

/** What the reader says of a quote, from a consolidated classifier. */
function oddsOf(reader: ReturnType<typeof classifier>): SkipOdds {
  return (input) => {
    // computeOdds ranks the labels; "unknown" when none of the quote's tokens was ever seen.
    const odds = reader.computeOdds(input)
    const skip = odds.find(([label]) => label === 'skip')
    const ship = odds.find(([label]) => label === 'ship')
    return skip ? skip[1] : ship ? -ship[1] : 0
  }
}

export type LabelledQuote = ReaderInput & { decision: 'ship' | 'skip' }

/**
 * A reader trained on these quotes. Binarized (a word counts once per quote), with the
 * library's default add-one smoothing: nothing is tuned on the sets it is scored on.
 */
export function trainDecisionReader(quotes: LabelledQuote[]): { odds: SkipOdds; toJSON: () => string } {
  const reader = classifier()
  reader.defineConfig({ considerOnlyPresence: true, smoothingFactor: 1 })
  for (const quote of quotes) {
    reader.learn({ frames: quote.frames, names: quote.names, text: quote.text }, quote.decision)
  }
  reader.consolidate()
  return { odds: oddsOf(reader), toJSON: () => reader.exportJSON() }
}

let shipped: null | SkipOdds = null

/** The reader `npm run train:import` wrote to decisionModel.json, loaded once. */
export function shippedDecisionReader(): SkipOdds {
  if (!shipped) {
    const reader = classifier()
    reader.importJSON(JSON.stringify(decisionModel))
    reader.consolidate()
    shipped = oddsOf(reader)
  }
  return shipped
}
