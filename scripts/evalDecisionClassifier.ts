/**
 * `npm run eval:decision-reader`: how the trained decision reader (src/importer/decisionReader.ts,
 * wink-naive-bayes-text-classifier) changes the importer's choice of skips, measured honestly,
 * and the figures its weight (`trainedWeight` in decisionEvidence.ts) was chosen by.
 *
 * Each labelled set in tests/fixtures/import-eval/ but those reserved for honest scoring is
 * scored by the importer's own `inferDecisions` with a reader trained on the other sets only
 * (leave one set out), at each weight below; weight 0 is the reading without the reader.
 * The totals keep apart the evaluation sets (quotes.json, heldout…) and the training sets
 * (train1, …, written for the reader by one hand, after heldout11), so that neither hides
 * the other. "written before" trains only on the sets written before the one scored, as the reader
 * would have fared had it been adopted then. The reserved sets are scored with the reader
 * trained on every other set, as shipped.
 */
import type { SkipOdds } from '../src/importer/decisionReader.ts'

import { defaultPanel } from '../src/catalog/defaultPanel.ts'
import { trainDecisionReader } from '../src/importer/decisionReader.ts'
import { trainedWeight } from '../src/importer/decisionEvidence.ts'
import { evaluateDecisions } from '../src/importer/evaluateImport.ts'
import { isTrainingSet, labelledQuotes, loadSet, reservedSets, setNames } from './lib/evalSets.ts'

const weights = [0, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5]
const names = setNames()
const open = names.filter((name) => !reservedSets.includes(name))
const sets = new Map(names.map((name) => [name, loadSet(name)]))
const quotes = new Map(names.map((name) => [name, labelledQuotes(sets.get(name)!)]))
const readerWithout = (excluded: (name: string) => boolean): SkipOdds =>
  trainDecisionReader(open.filter((name) => !excluded(name)).flatMap((name) => quotes.get(name)!)).odds

type Figure = [number, number]
const figure = ([right, total]: Figure) => `${right}/${total} (${((100 * right) / Math.max(1, total)).toFixed(1)}%)`
const scored = (name: string, reader: SkipOdds, weight: number): Figure => {
  const tally = evaluateDecisions(sets.get(name)!, defaultPanel, { reader, trainedWeight: weight })
  return [tally.correct, tally.total]
}

process.stdout.write(
  `leave one set out (trained on the other ${open.length - 1} open sets), by weight of the reader:\n`,
)
process.stdout.write(`${'set'.padEnd(15)}${weights.map((weight) => `w=${weight}`.padEnd(17)).join('')}\n`)
/** The evaluation sets apart from the training sets (train1, …), which one hand wrote for the reader. */
const groups: Array<[string, (name: string) => boolean]> = [
  ['evaluation', (name) => !isTrainingSet(name)],
  ['training', isTrainingSet],
  ['all', () => true],
]
const totals = groups.map(() => weights.map((): Figure => [0, 0]))
for (const name of open) {
  const reader = readerWithout((other) => other === name)
  const row = weights.map((weight, index) => {
    const result = scored(name, reader, weight)
    groups.forEach(([, member], group) => {
      if (member(name)) {
        totals[group][index][0] += result[0]
        totals[group][index][1] += result[1]
      }
    })
    return figure(result)
  })
  process.stdout.write(`${name.padEnd(15)}${row.map((cell) => cell.padEnd(17)).join('')}\n`)
}
groups.forEach(([label], group) =>
  process.stdout.write(`${label.padEnd(15)}${totals[group].map((cell) => figure(cell).padEnd(17)).join('')}\n`),
)
process.stdout.write('\n')

process.stdout.write(
  `written before (trained only on the sets written earlier), at trainedWeight = ${trainedWeight}:\n`,
)
const before: Figure = [0, 0]
const reading: Figure = [0, 0]
for (const [index, name] of open.entries()) {
  if (index === 0) {
    continue
  }
  const earlier = new Set(open.slice(0, index))
  const result = scored(
    name,
    readerWithout((other) => !earlier.has(other)),
    trainedWeight,
  )
  const without = scored(
    name,
    readerWithout(() => false),
    0,
  )
  before[0] += result[0]
  before[1] += result[1]
  reading[0] += without[0]
  reading[1] += without[1]
  process.stdout.write(`${name.padEnd(15)}${figure(result).padEnd(17)}(without the reader ${figure(without)})\n`)
}
process.stdout.write(`${'all'.padEnd(15)}${figure(before).padEnd(17)}(without the reader ${figure(reading)})\n`)

const reserved = reservedSets.filter((name) => sets.has(name))
if (reserved.length > 0) {
  process.stdout.write(
    `\nreserved sets, with the reader trained on every open set (as shipped), at ${trainedWeight}:\n`,
  )
  const shipped = readerWithout(() => false)
  for (const name of reserved) {
    process.stdout.write(
      `${name.padEnd(15)}${figure(scored(name, shipped, trainedWeight)).padEnd(17)}(without the reader ${figure(scored(name, shipped, 0))})\n`,
    )
  }
}
