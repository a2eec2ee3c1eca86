/**
 * `npm run eval:import`: prints how well the importer attributes lone quotes and infers
 * decisions on the labelled evaluation set (tests/fixtures/import-eval) and the
 * publication's sample pages (../shared/seeds, when present).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { EvalSet } from '../src/importer/evaluateImport'

import { evaluateImport, formatEvalFigures } from '../src/importer/evaluateImport'
import { defaultPanel } from '../src/panel/defaultPanel'

const root = path.resolve(import.meta.dirname, '..')
const set = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/import-eval/quotes.json'), 'utf8')) as EvalSet
const seedsDir = path.resolve(root, '../shared/seeds')
const seeds = existsSync(seedsDir)
  ? readdirSync(seedsDir)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => ({ name, text: readFileSync(path.join(seedsDir, name), 'utf8') }))
  : []
const quotes = set.matchups.reduce((count, matchup) => count + matchup.quotes.length, 0)
process.stdout.write(`${quotes} labelled quotes in ${set.matchups.length} matchups; ${seeds.length} sample page(s)\n\n`)
process.stdout.write(`${formatEvalFigures(evaluateImport(set, seeds, defaultPanel))}\n`)
