/**
 * `npm run eval:import`: prints how well the importer attributes lone quotes and infers
 * decisions on the labelled evaluation set (tests/fixtures/import-eval/quotes.json) with
 * the publication's sample pages (../shared/seeds, when present), then on each held-out set
 * (heldout*.json; README, "How well it infers", says which were scored only once).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { EvalSet } from '../src/importer/evaluateImport.ts'

import { evaluateImport, formatEvalFigures } from '../src/importer/evaluateImport.ts'
import { defaultPanel } from '../src/catalog/defaultPanel.ts'

const root = path.resolve(import.meta.dirname, '..')
const load = (name: string) =>
  JSON.parse(readFileSync(path.join(root, 'tests/fixtures/import-eval', name), 'utf8')) as EvalSet
const set = load('quotes.json')
const heldOutSets = readdirSync(path.join(root, 'tests/fixtures/import-eval'))
  .filter((name) => /^heldout\d*\.json$/.test(name))
  .sort()
const seedsDir = path.resolve(root, '../shared/seeds')
const seeds = existsSync(seedsDir)
  ? readdirSync(seedsDir)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => ({ name, text: readFileSync(path.join(seedsDir, name), 'utf8') }))
  : []
const count = (labelled: EvalSet) => labelled.matchups.reduce((sum, matchup) => sum + matchup.quotes.length, 0)
process.stdout.write(
  `quotes.json: ${count(set)} labelled quotes in ${set.matchups.length} matchups; ${seeds.length} sample page(s)\n\n`,
)
process.stdout.write(`${formatEvalFigures(evaluateImport(set, seeds, defaultPanel))}\n\n`)
for (const name of heldOutSets) {
  const heldOut = load(name)
  process.stdout.write(`\n${name}: ${count(heldOut)} labelled quotes in ${heldOut.matchups.length} matchups\n\n`)
  process.stdout.write(`${formatEvalFigures(evaluateImport(heldOut, [], defaultPanel))}\n`)
}
