/**
 * The polarity of an argument, read the way a careful reader weighs it: clause by clause,
 * with what answers a concession counting over the concession, and the close counting most.
 *
 * - Each word leans by wink-nlp's sentiment lexicon (AFINN-based) or, where the importer's
 *   domain lexicon lists it, by that (`argumentLexicon`: the words of a product argument a
 *   general lexicon misses or misreads).
 * - Negation turns a word around, by wink-nlp's negation detection ("no lock-in", "never
 *   crashed", "without waiting") with its scope ending at the next punctuation, and by the
 *   negative pronouns wink-nlp does not count ("nothing", "nobody"); "less" and "fewer" turn
 *   the next word around ("less fragile"). Two negations cancel. A negation about this tool
 *   with no feeling word in its scope is a shortfall all the same ("there is no API", "not
 *   there yet", "the job it promised to remove"): what is missing need not be a feeling word.
 * - A contrast moves the weight to what answers it: in "A, but B" and "Although A, B" the
 *   conceded A counts `conceded` of B; a sentence that opens with "But", "Still" or "Even so"
 *   concedes every sentence before it.
 * - A hedged clause ("might", "could", "perhaps") counts `hedged`: a possibility is not a finding.
 * - Sentence i (from 1) weighs i: the closing sentence carries the verdict.
 * - The panel's voice markers are left out of the lean: they are the form of a persona's
 *   every quote, shipping or skipping ("what kills it in 12 months" opens the skeptic's
 *   ships too). They still count for who a clause is about ("direct competitors are …").
 * - A word in a clause about a rival (`clauseTarget`) counts turned around: praise of a
 *   rival is a case against this tool. About a rival, `rivalLexicon` gives a word's lean
 *   as the rival's strength ("added", "free"), and a negation with no feeling word after it
 *   is the rival falling short ("the marketplaces cannot show agreement").
 *   `names`: the forms the page calls this tool by, so that its own clauses stay its own.
 *
 * The settings were chosen on the evaluation sets (README, "Importing pages"). The result is
 * positive for an argument that leans towards shipping, negative towards skipping; about
 * -1..1 for an ordinary quote.
 */
import type { ItemSentence, ItsFunction } from 'wink-nlp'

import type { ToolNames } from './clauseTarget.ts'

import { argumentLexicon, rivalLexicon } from './argumentLexicon.ts'
import { newTargetState, sentenceTargets } from './clauseTarget.ts'
import { textModel } from './textModel.ts'

/** What a conceded clause or sentence counts, against 1 for the one that answers it. */
const conceded = 0.35
/** What a hedged clause counts. */
const hedged = 0.5
/** What a word about a rival weighs, turned around, against 1 for a word about this tool. */
const rivalWeight = 1
/** A domain lexicon value (-2..2) is divided by this to sit on wink-nlp's scale. */
const domainScale = 2

/** Contrast inside a sentence: what comes before it is conceded ("yet" only opening a clause). */
const turning = new Set(['but', 'however', 'nevertheless', 'nonetheless', 'yet'])
/** Concession inside a sentence: the clause these open is conceded, up to its comma. */
const conceding = new Set(['although', 'though', 'whereas', 'albeit'])
/** A sentence that opens with one of these concedes the sentences before it. */
const sentenceTurns = /^(?:but|still|yet|however|even so|that said|nevertheless|nonetheless|all the same)\b/i
/** Possibility rather than finding. */
const hedges = new Set(['may', 'might', 'could', 'perhaps', 'maybe', 'possibly'])
/** Negative pronouns outside wink-nlp's negation model; their scope runs to the next punctuation. */
const negators = new Set(['nothing', 'nobody', 'nowhere'])
/**
 * "meant to", "supposed to", "expected it to": what was expected and did not happen; the
 * scope runs like a negation's.
 */
const counterfactuals = new Set(['meant', 'supposed', 'intended', 'promised', 'expected'])
/** How far after a counterfactual verb its "to" may come ("expected it to fumble"). */
const counterfactualReach = 3
/** Downtoners that turn the next word around. */
const reversers = new Set(['less', 'fewer'])

/**
 * Words that, about a rival, say it falls short even with no feeling word after them ("the
 * marketplaces cannot show agreement", "neither of them tests a restore").
 */
const lacking = new Set(['not', "n't", 'no', 'never', 'cannot', 'nothing', 'none', 'neither', 'nobody'])
/** "at no charge", "no cost": about a rival, "no" before these is "free", a strength. */
const costs = new Set(['charge', 'cost', 'fee', 'price', 'extra'])

const generalCache = new Map<string, number>()
let domainByStem: Map<string, number> | null = null
let rivalByStem: Map<string, number> | null = null

/** A word's lean in wink-nlp's sentiment lexicon, read once per word. */
function generalLean(word: string): number {
  let lean = generalCache.get(word)
  if (lean === undefined) {
    const nlp = textModel()
    lean = Number(nlp.readDoc(word).out(nlp.its.sentiment)) || 0
    generalCache.set(word, lean)
  }
  return lean
}

function byStem(lexicon: Record<string, number>): Map<string, number> {
  const nlp = textModel()
  const stemOf = (word: string) =>
    nlp
      .readDoc(word)
      .tokens()
      .out(nlp.its.stem as unknown as ItsFunction<string>)[0] ?? word
  return new Map(Object.entries(lexicon).map(([word, lean]) => [stemOf(word), lean]))
}

/** The domain lexicon keyed by wink-nlp's stem of each word (built on first use). */
function domainLean(stem: string): number | undefined {
  domainByStem ??= byStem(argumentLexicon)
  return domainByStem.get(stem)
}

/**
 * A word's lean as a rival's strength (`rivalLexicon`): by the word as written, then by stem
 * (built on first use), so that a listed form the stemmer would merge with another word
 * ("added", stemmed "ad" like "ads") matches only itself.
 */
function rivalLean(word: string, stem: string): number | undefined {
  rivalByStem ??= byStem(rivalLexicon)
  return Object.hasOwn(rivalLexicon, word) ? rivalLexicon[word] : rivalByStem.get(stem)
}

/** The frame phrases as token sequences (wink-nlp normals), so that they match as the quote is tokenized. */
function frameTokens(frames: string[]): string[][] {
  const { its, readDoc } = textModel()
  return frames
    .map((frame) => frame.trim())
    .filter(Boolean)
    .map((frame) => readDoc(frame).tokens().out(its.normal) as string[])
}

/** Per token of a sentence: whether it belongs to a frame phrase (left out of the lean, not of the reading). */
function frameMask(words: string[], frames: string[][]): boolean[] {
  const mask = words.map(() => false)
  for (const frame of frames) {
    for (let index = 0; index + frame.length <= words.length; index += 1) {
      if (frame.every((word, offset) => words[index + offset] === word)) {
        frame.forEach((_, offset) => (mask[index + offset] = true))
      }
    }
  }
  return mask
}

type Clause = { hedged: boolean; score: number; weight: number }

/**
 * Negators that, about this tool, say it falls short even with no feeling word after them
 * ("there is no API", "the votes cannot be read", "the runtime is not there"): what is
 * missing is a shortfall whatever the missing thing is called. Not "never" or "without",
 * which about a tool mostly deny a failure ("it never rewrote text", "without waiting").
 */
const selfLacking = new Set(['not', "n't", 'no', 'nothing', 'none'])
/** What a negation about this tool with no feeling word in its scope leans (a rival's: `rivalWeight / domainScale`). */
const bareNegation = 0.5

/** A sentence's lean: the sum of its clauses' word leans, each clause weighted. */
function sentenceLean(sentence: ItemSentence, frames: string[][], targets: Array<'rival' | 'self'>): number {
  const { its } = textModel()
  const tokens = sentence.tokens()
  const words = tokens.out(its.normal) as string[]
  const stems = tokens.out(its.stem as unknown as ItsFunction<string>) as string[]
  const types = tokens.out(its.type) as string[]
  const winkNegated = tokens.out(its.negationFlag) as unknown as boolean[]
  const framed = frameMask(words, frames)

  const clauses: Clause[] = [{ hedged: false, score: 0, weight: 1 }]
  let inConcession = false
  // A negation about this tool whose scope has shown no feeling word yet: a shortfall if none comes.
  let bareScope = false
  // …and whether a word has followed it yet: "It is not: …" answers what came before.
  let bareNamed = false
  const closeBareScope = (clause: Clause) => {
    if (bareScope && bareNamed) {
      clause.score -= bareNegation
    }
    bareScope = false
    bareNamed = false
  }
  // wink-nlp's scope runs to the end of the sentence; here it ends at the next punctuation.
  let winkScope = false
  let pronounScope = false
  let reverseNext = false
  for (const [index, word] of words.entries()) {
    const clause = clauses[clauses.length - 1]
    if (framed[index]) {
      continue
    }
    if (types[index] === 'punctuation') {
      closeBareScope(clause)
      winkScope = false
      pronounScope = false
      if (inConcession && word === ',') {
        inConcession = false
        clauses.push({ hedged: false, score: 0, weight: 1 })
      }
      continue
    }
    // A word wink-nlp leaves alone, followed by one it negates, is a negator ("not", "no").
    if (!winkNegated[index] && winkNegated[index + 1] && types[index + 1] !== 'punctuation') {
      winkScope = true
    }
    if (turning.has(word) && (word !== 'yet' || index === 0 || types[index - 1] === 'punctuation')) {
      closeBareScope(clause)
      for (const earlier of clauses) {
        earlier.weight *= conceded
      }
      clauses.push({ hedged: false, score: 0, weight: 1 })
      winkScope = false
      pronounScope = false
      continue
    }
    if (conceding.has(word)) {
      inConcession = true
      clauses.push({ hedged: false, score: 0, weight: conceded })
      continue
    }
    if (hedges.has(word)) {
      clause.hedged = true
    }
    const aboutRival = targets[index] === 'rival'
    if (aboutRival && lacking.has(word)) {
      // A rival that cannot, or has none, falls short; one with "no charge" is free.
      clause.score += (costs.has(words[index + 1]) ? -1 : 1) * (rivalWeight / domainScale)
    }
    if (!aboutRival && selfLacking.has(word)) {
      bareScope = true
      bareNamed = false
    } else if (bareScope) {
      bareNamed = true
    }
    const counterfactual =
      counterfactuals.has(word) && words.slice(index + 1, index + 1 + counterfactualReach).includes('to')
    if (negators.has(word) || counterfactual) {
      // What the tool was meant to do and did not is a shortfall, named in feeling words or
      // not; what the reviewer expected ("I expected it to fumble") was a fear, not a claim.
      bareScope ||= counterfactual && word !== 'expected' && !aboutRival
      pronounScope = true
      continue
    }
    const reversed = reverseNext
    reverseNext = reversers.has(word)
    if (reverseNext) {
      continue
    }
    const domain = (aboutRival ? rivalLean(word, stems[index]) : undefined) ?? domainLean(stems[index])
    const lean = domain !== undefined ? domain / domainScale : generalLean(word)
    if (lean !== 0) {
      bareScope = false
      const flips =
        Number(winkNegated[index] && winkScope) +
        Number(pronounScope) +
        Number(reversed) +
        Number(targets[index] === 'rival')
      clause.score += (flips % 2 === 1 ? -lean : lean) * (targets[index] === 'rival' ? rivalWeight : 1)
    }
  }
  closeBareScope(clauses[clauses.length - 1])
  return clauses.reduce((sum, clause) => sum + clause.weight * (clause.hedged ? hedged : 1) * clause.score, 0)
}

/**
 * Positive leans towards shipping, negative towards skipping. `frames`: the panel's voice
 * markers, left out of the reading.
 */
export function argumentPolarity(text: string, frames: string[] = [], names: ToolNames = []): number {
  const nlp = textModel()
  const sentences: Array<{ lean: number; position: number; weight: number }> = []
  const frameWords = frameTokens(frames)
  const state = newTargetState()
  nlp
    .readDoc(text.replace(/[’‘]/g, "'"))
    .sentences()
    .each((sentence: ItemSentence) => {
      if (sentenceTurns.test(sentence.out().trim())) {
        for (const earlier of sentences) {
          earlier.weight *= conceded
        }
      }
      const position = sentences.length + 1
      const targets = sentenceTargets(sentence, names, state)
      sentences.push({ lean: Math.tanh(sentenceLean(sentence, frameWords, targets)), position, weight: position })
    })
  // Divided by the plain position weights: a conceded sentence counts less, it does not make
  // the others count more.
  const total = sentences.reduce((sum, sentence) => sum + sentence.position, 0)
  return total === 0 ? 0 : sentences.reduce((sum, sentence) => sum + sentence.weight * sentence.lean, 0) / total
}
