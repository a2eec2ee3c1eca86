/**
 * What a quote says about its own verdict, as a careful reader weighs it, strongest first:
 *
 * 1. Explicit verdict phrases, read by a small grammar that knows negation and position:
 *    "earns the ship", "still a ship", "ship it now", "I'd skip", "not a ship", "saves this
 *    from a skip" (a rescue from a skip is a ship), "I wouldn't ship it". A later phrase
 *    weighs more than an earlier one: the conclusion of an argument is its verdict.
 * 2. The argument's polarity (`argumentPolarity`: wink-nlp's sentiment with the domain
 *    lexicon, clause by clause, with negation, contrast, hedges and the close weighing
 *    most), for the quotes that argue their call without ever naming it.
 * 3. The short cue phrases (`decisionCues`, the importer's first rule).
 *
 * Each figure is a lean towards skipping: positive leans skip, negative leans ship. They add
 * up to one lean (`totalLean`), weighted so that the order above holds for ordinary quotes:
 * a verdict phrase weighs `verdictWeight` (more than any ordinary argument's polarity), a cue
 * phrase `cueWeight` (less than a clear argument), yet a strong argument can still outweigh
 * a lone cue, and two phrases that contradict each other leave the argument to decide.
 */
import type { ToolNames } from './clauseTarget.ts'
import type { SkipOdds } from './decisionReader.ts'

import { argumentPolarity } from './argumentPolarity.ts'
import { normalizeText } from './phrases.ts'

export type DecisionEvidence = {
  /** Cue phrases, skip minus ship (`skipLean`). */
  cues: number
  /** The explicit verdict phrases found, in page order, each with the decision it gives. */
  phrases: Array<{ decision: 'ship' | 'skip'; phrase: string }>
  /** Minus `argumentPolarity`: about -1 to 1. */
  polarity: number
  /**
   * The trained decision reader's lean (`decisionReader`): its skip log-odds squashed into
   * -1..1 (`Math.tanh(odds / trainedOddsScale)`), 0 without a reader or when it knows no word.
   */
  trained: number
  /** Explicit phrases, skip +1 / ship -1, each weighted 0.5 (start) to 1 (end). */
  verdict: number
}

/** A rule reads the last captured word of its match and whether the match is negated. */
type Rule = { decision: (word: string, negated: boolean) => 'ship' | 'skip'; pattern: RegExp }

const flip = (word: string): 'ship' | 'skip' => (word === 'ship' ? 'skip' : 'ship')
const asSaid = (word: string, negated: boolean): 'ship' | 'skip' =>
  negated ? flip(word) : word === 'skip' ? 'skip' : 'ship'

/** Words that turn the verdict after them around ("not a ship", "isn't a skip", "never a ship"). */
const negation = String.raw`(?:\bnot|n't|\bnever|\bno longer|\bhardly)`
/** Words that rescue from, or fall short of, the verdict after them: the opposite is meant. */
const rescue = String.raw`(?:(?:saves?|saved|saving|keeps?|kept|rescues?|rescued|spares?|spared|pulls?|pulled)\s+(?:[\w'-]+\s+){0,3}?from|short of|far from|stops? short of|instead of|rather than)`
const qualifier = String.raw`(?:clear|easy|solid|firm|reluctant|cautious|qualified|strong|conditional|narrow|confident|tentative|hard|soft|comfortable)`

/**
 * The grammar, most specific first; each match is masked so that a phrase counts once.
 * A verdict word counts only where it names a verdict: after an article ("a ship", "the
 * skip"), in a first-person call ("I'd skip"), or as a clause-opening imperative ("Ship it
 * now") — never a product that "ships with" a feature.
 */
const recommendation: Record<string, 'ship' | 'skip'> = {
  adopt: 'ship',
  back: 'ship',
  'bet on': 'ship',
  choose: 'ship',
  hand: 'ship',
  pick: 'ship',
  'roll out': 'ship',
  trust: 'ship',
  'build on': 'ship',
  buy: 'ship',
  deploy: 'ship',
  doubt: 'skip',
  'hold off': 'skip',
  pass: 'skip',
  'pay for': 'ship',
  recommend: 'ship',
  use: 'ship',
  wait: 'skip',
  welcome: 'ship',
  wire: 'ship',
  worry: 'skip',
}
/** "not something I would", "never a tool we'd": the recommendation after it is negated. */
const negatedObject = String.raw`(?:\b(not|never|hardly)\s+(?:something|anything|one|a tool|a product|the tool)\s+(?:that\s+)?)?`
const firstPerson = String.raw`${negatedObject}\b(?:i|we)(?:'d|'ll| would| will| can| could| should| ca| wo| do| did)?(n't| not|not)?(?:\s+(?:still|happily|probably|rather|definitely|gladly|only|now|also|certainly))?\s+`

const rules: Rule[] = [
  {
    // "saves this from a skip", "short of a ship", "rather than a skip"
    decision: (word) => flip(word),
    pattern: new RegExp(String.raw`\b${rescue}\s+(?:being\s+)?(?:a|the)\s+(?:${qualifier}\s+)?(ship|skip)\b`, 'g'),
  },
  {
    // "I'd skip", "I would still ship it", "I wouldn't ship", "I would not skip"
    decision: asSaid,
    pattern: new RegExp(
      String.raw`\bi(?:'d|'ll| would| will| can| could)?(?:n't| not)?(?:\s+(?:still|happily|probably|rather|definitely|gladly|only))?\s+(ship|skip)\b`,
      'g',
    ),
  },
  {
    // A first-person recommendation in other words: "I would not build on it", "I would
    // wire it in today", "I'd wait for", "we would recommend it".
    decision: (word, negated) => asSaid(recommendation[word] ?? 'ship', negated),
    pattern: new RegExp(String.raw`${firstPerson}(${Object.keys(recommendation).join('|')})\b`, 'g'),
  },
  {
    // "I would keep it on", "we'll keep paying for it"; "I wouldn't keep it". Only with a
    // modal: "we keep hitting timeouts" is no verdict.
    decision: (_, negated) => (negated ? 'skip' : 'ship'),
    pattern: /\b(?:i|we)(?:'d|'ll| would| will)(n't| not)?\s+(?:still\s+)?(keep)\s+(?:it|this|them|paying|using)\b/g,
  },
  {
    // "I can make the case for it"; "I cannot make the budget case"
    decision: (_, negated) => (negated ? 'skip' : 'ship'),
    pattern: new RegExp(String.raw`${firstPerson}make\s+(?:the|a)\s+(?:[\w-]+\s+)?(case)\b`, 'g'),
  },
  {
    // "hard to recommend", "not yet finished enough to recommend", "hard to justify", "hard to
    // defend", "hard to see it surviving"; "easy to recommend"
    decision: (word) => (word === 'easy' || word === 'easily' ? 'ship' : 'skip'),
    pattern:
      /\b(hard|difficult|impossible|easy|easily|not(?: yet)?(?: [\w'-]+){0,3} enough) to (?:recommend|justify|defend|see)\b/g,
  },
  {
    // "an easy yes", "a hard sell", "an easy no": the buyer's answer, in the buyer's words
    decision: (word) => (word === 'easy yes' || word === 'easy sell' ? 'ship' : 'skip'),
    pattern: /\b(easy (?:yes|no|sell)|hard sell)\b/g,
  },
  {
    // "worth adopting", "not worth the switch", "earns its place", "earns it a place"
    decision: (negation) => (negation.trim() ? 'skip' : 'ship'),
    pattern:
      /(\bnot |n't )?\b(?:(?:well |still )?worth (?:adopting|it|the switch|a look|a try|paying for|the money|the price|benchmarking)|earns (?:it |its |a |the |them )?(?:a )?(?:place|keep|spot|seat))\b/g,
  },
  {
    // "not a ship", "isn't a skip", "earns the ship", "still a ship", "a clear skip"
    decision: asSaid,
    pattern: new RegExp(
      String.raw`(?:(${negation})\s+(?:[\w'-]+\s+){0,2}?)?\b(?:a|the)\s+(?:${qualifier}\s+)?(ship|skip)\b(?!\s*(?:date|of|from|with))`,
      'g',
    ),
  },
  {
    // "Ship it now", "so skip it", "— ship this today"; "don't ship it"
    decision: asSaid,
    pattern: new RegExp(
      String.raw`(?:^|[.:;!?—–]\s*|\b(?:so|just|then|simply)\s+)((?:do|would|should)(?:n't| not)\s+)?(ship|skip)\s+(?:it|this|them)\b`,
      'g',
    ),
  },
]

const capture = (match: RegExpExecArray): { negated: boolean; word: string } => {
  const groups = match.slice(1).filter((group) => group !== undefined)
  const word = groups.at(-1) ?? ''
  const negated = groups.length > 1 || /(?:n't| not)\s/.test(match[0])
  return { negated, word }
}

/** The explicit verdict phrases of a quote, in order, with the decision each gives. */
export function verdictPhrases(text: string): Array<{ decision: 'ship' | 'skip'; offset: number; phrase: string }> {
  let haystack = normalizeText(text)
  const found: Array<{ decision: 'ship' | 'skip'; offset: number; phrase: string }> = []
  for (const rule of rules) {
    for (const match of haystack.matchAll(rule.pattern)) {
      const { negated, word } = capture(match)
      found.push({
        decision: rule.decision(word, negated),
        offset: match.index,
        phrase: match[0].replace(/^[^a-z']+/, '').trim(),
      })
    }
    haystack = haystack.replace(rule.pattern, (matched) => ' '.repeat(matched.length))
  }
  return found.sort((a, b) => a.offset - b.offset)
}

const round = (value: number) => Math.round(value * 100) / 100

/** `names`: the forms the page calls the tool by, to tell its clauses from its rivals'. */
export function decisionEvidence(
  text: string,
  cues: number,
  frames: string[] = [],
  names: ToolNames = [],
  reader: null | SkipOdds = null,
): DecisionEvidence {
  const length = Math.max(1, normalizeText(text).length)
  const phrases = verdictPhrases(text)
  const verdict = phrases.reduce(
    (sum, phrase) => sum + (phrase.decision === 'skip' ? 1 : -1) * (0.5 + (0.5 * phrase.offset) / length),
    0,
  )
  return {
    cues,
    phrases: phrases.map(({ decision, phrase }) => ({ decision, phrase })),
    polarity: -argumentPolarity(text, frames, names),
    trained: reader ? round(Math.tanh(reader({ frames, names, text }) / trainedOddsScale)) : 0,
    verdict: round(verdict),
  }
}

/** Log2-odds that make the trained lean ±0.76 (tanh 1): a few telling words' worth. */
export const trainedOddsScale = 4

/** What an explicit verdict phrase at the close weighs against the polarity (about -1..1). */
export const verdictWeight = 3
/**
 * What one cue phrase weighs against the polarity. The weights were chosen on the evaluation
 * sets among a handful (README, "Importing pages").
 */
export const cueWeight = 1 / 16

/**
 * What the trained reader's lean weighs against the polarity. At most `trainedWeight` either
 * way, below one explicit verdict phrase (`verdictWeight` × 0.5 at least): the phrases stay
 * first. Chosen by leave-one-set-out on the labelled sets (README, "How well it infers"):
 * 0.1 when the reader had learnt from 379 quotes, 0.5 since it learns from 899 and weighs
 * about as much as the argument's polarity.
 */
export const trainedWeight = 0.5

/** The whole evidence as one lean towards skipping. */
export function totalLean(evidence: DecisionEvidence, weight = trainedWeight): number {
  return verdictWeight * evidence.verdict + evidence.polarity + cueWeight * evidence.cues + weight * evidence.trained
}

/** Orders two quotes by how strongly they lean towards skipping (positive: `a` leans more). */
export function compareSkipLean(a: DecisionEvidence, b: DecisionEvidence, weight = trainedWeight): number {
  return totalLean(a, weight) - totalLean(b, weight)
}

/** In words, for the workflow note of an inferred decision: what the quote leans on. */
export function describeDecisionEvidence(text: string, frames: string[] = [], names: ToolNames = []): string {
  const { phrases, polarity } = decisionEvidence(text, 0, frames, names)
  if (phrases.length > 0) {
    return `it says ${phrases.map((phrase) => `"${phrase.phrase}"`).join(', ')}`
  }
  return `its argument reads ${polarity < 0 ? 'positive' : polarity > 0 ? 'negative' : 'neutral'} (sentiment ${(-polarity).toFixed(2)})`
}
