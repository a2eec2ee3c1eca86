/**
 * `npm run train:import`: trains the importer's decision reader (src/importer/decisionReader.ts)
 * on every labelled set in tests/fixtures/import-eval/ except those reserved for honest
 * scoring, and writes it to src/importer/decisionModel.json, which is committed and shipped.
 * Run it after adding or correcting a labelled set, then `npm run eval:import`.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { trainDecisionReader } from '../src/importer/decisionReader.ts'
import { labelledQuotes, loadSet, reservedSets, setNames } from './lib/evalSets.ts'

const training = setNames().filter((name) => !reservedSets.includes(name))
const quotes = training.flatMap((name) => labelledQuotes(loadSet(name)))
const model = trainDecisionReader(quotes).toJSON()
const file = path.resolve(import.meta.dirname, '../src/importer/decisionModel.json')
writeFileSync(file, `${model}\n`)
process.stdout.write(
  `decision reader: trained on ${quotes.length} quotes of ${training.join(', ')}; written to ${path.relative(process.cwd(), file)}\n`,
)
