/**
 * An experiment, not part of the importer: how a trained classifier would choose the skips,
 * measured honestly. Multinomial naive Bayes over wink-nlp stems without stop words, each
 * stem marked when wink-nlp negates it and when its clause is about a rival (`clauseTarget`),
 * stems seen in fewer than two training quotes left out, add-one smoothing; a quote's skip
 * score is its log-odds. The printed percentage still fixes how many skip, as in
 * `inferDecisions`; the quotes with the highest score skip.
 *
 * Two honest evaluations over `tests/fixtures/import-eval/` (README, "How well it infers"):
 * - leave one set out: trained on every other set, scored on the one left out;
 * - written before: trained only on the sets written before the one scored (quotes.json,
 *   then heldout, heldout2, …), as it would have fared had it been adopted then.
 * Each line also gives the importer's own reading (`decisionEvidence`) on the same set.
 *
 * `node --conditions=production scripts/runTs.mjs scripts/evalDecisionClassifier.ts`
 */
import type { ItemSentence, ItsFunction } from 'wink-nlp'

import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { EvalSet } from '../src/importer/evaluateImport.ts'

import { defaultPanel } from '../src/catalog/defaultPanel.ts'
import { toolNames } from '../src/importer/attributeByContent.ts'
import { newTargetState, sentenceTargets } from '../src/importer/clauseTarget.ts'
import { decisionEvidence, totalLean } from '../src/importer/decisionEvidence.ts'
import { skipLean } from '../src/importer/inferDecisions.ts'
import { textModel } from '../src/importer/textModel.ts'

type Labelled = { decision: 'ship' | 'skip'; features: string[]; reading: number; set: string; tool: string }
type Scorer = (quote: Labelled) => number

const folder = path.resolve(import.meta.dirname, '../tests/fixtures/import-eval')
/** In the order the sets were written. */
const sets = [
  'quotes.json',
  ...readdirSync(folder)
    .filter((name) => /^heldout\d*\.json$/.test(name))
    .sort((a, b) => Number(a.match(/\d+/)?.[0] ?? 1) - Number(b.match(/\d+/)?.[0] ?? 1)),
]
const frames = defaultPanel.flatMap((persona) => persona.voiceMarkers)

function features(text: string, names: string[]): string[] {
  const nlp = textModel()
  const { its } = nlp
  const found: string[] = []
  const state = newTargetState()
  nlp
    .readDoc(text.replace(/[’‘]/g, "'"))
    .sentences()
    .each((sentence: ItemSentence) => {
      const targets = sentenceTargets(sentence, names, state)
      const tokens = sentence.tokens()
      const stems = tokens.out(its.stem as unknown as ItsFunction<string>) as string[]
      const types = tokens.out(its.type) as string[]
      const stop = tokens.out(its.stopWordFlag) as unknown as boolean[]
      const negated = tokens.out(its.negationFlag) as unknown as boolean[]
      stems.forEach((stem, index) => {
        if (types[index] === 'word' && !stop[index]) {
          found.push(`${targets[index] === 'rival' ? 'rival:' : ''}${negated[index] ? 'not:' : ''}${stem}`)
        }
      })
    })
  return [...new Set(found)]
}

const quotes: Labelled[] = sets.flatMap((set) => {
  const labelled = JSON.parse(readFileSync(path.join(folder, set), 'utf8')) as EvalSet
  return labelled.matchups.flatMap((matchup, index) =>
    matchup.quotes.map((quote) => {
      const names = toolNames(matchup.tools[quote.side === 'left' ? 0 : 1])
      return {
        decision: quote.decision,
        features: features(quote.text, names),
        reading: totalLean(decisionEvidence(quote.text, skipLean(quote.text), frames, names)),
        set,
        tool: `${set}#${index}:${quote.side}`,
      }
    }),
  )
})

function train(training: Labelled[]): Scorer {
  const counts = { ship: new Map<string, number>(), skip: new Map<string, number>() }
  const totals = { ship: 0, skip: 0 }
  const seen = new Map<string, number>()
  for (const quote of training) {
    for (const feature of quote.features) {
      counts[quote.decision].set(feature, (counts[quote.decision].get(feature) ?? 0) + 1)
      totals[quote.decision] += 1
      seen.set(feature, (seen.get(feature) ?? 0) + 1)
    }
  }
  const vocabulary = seen.size
  const logShare = (decision: 'ship' | 'skip', feature: string) =>
    Math.log(((counts[decision].get(feature) ?? 0) + 1) / (totals[decision] + vocabulary))
  return (quote) =>
    quote.features
      .filter((feature) => (seen.get(feature) ?? 0) >= 2)
      .reduce((sum, feature) => sum + logShare('skip', feature) - logShare('ship', feature), 0)
}

/** Decisions right, per the printed-percentage rule: the highest scores skip; on a tie, the later quote. */
function score(set: string, skipScore: Scorer): [number, number] {
  const byTool = new Map<string, Labelled[]>()
  for (const quote of quotes.filter((candidate) => candidate.set === set)) {
    byTool.set(quote.tool, [...(byTool.get(quote.tool) ?? []), quote])
  }
  let right = 0
  let total = 0
  for (const ofTool of byTool.values()) {
    const ships = ofTool.filter((quote) => quote.decision === 'ship').length
    if (ships === 0 || ships === ofTool.length) {
      continue
    }
    const order = ofTool.map((_, index) => index).sort((a, b) => skipScore(ofTool[b]) - skipScore(ofTool[a]) || b - a)
    const skips = new Set(order.slice(0, ofTool.length - ships))
    ofTool.forEach((quote, index) => {
      total += 1
      right += (skips.has(index) ? 'skip' : 'ship') === quote.decision ? 1 : 0
    })
  }
  return [right, total]
}

const sum = { before: [0, 0], left: [0, 0], reading: [0, 0] }
const figure = ([right, total]: number[]) => `${right}/${total} (${((100 * right) / Math.max(1, total)).toFixed(1)}%)`
const add = (into: number[], [right, total]: number[]) => {
  into[0] += right
  into[1] += total
}
process.stdout.write('set            reading          leave one out    written before\n')
for (const [index, set] of sets.entries()) {
  const reading = score(set, (quote) => quote.reading)
  const leftOut = score(set, train(quotes.filter((quote) => quote.set !== set)))
  const earlier = sets.slice(0, index)
  const before = index === 0 ? null : score(set, train(quotes.filter((quote) => earlier.includes(quote.set))))
  add(sum.reading, reading)
  add(sum.left, leftOut)
  if (before) {
    add(sum.before, before)
  }
  process.stdout.write(
    `${set.padEnd(15)}${figure(reading).padEnd(17)}${figure(leftOut).padEnd(17)}${before ? figure(before) : '—'}\n`,
  )
}
process.stdout.write(
  `${'all'.padEnd(15)}${figure(sum.reading).padEnd(17)}${figure(sum.left).padEnd(17)}${figure(sum.before)}\n`,
)
