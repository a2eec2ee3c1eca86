/**
 * The labelled evaluation sets (tests/fixtures/import-eval/), in the order they were written,
 * for the scripts that train and score the decision reader.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { EvalSet } from '../../src/importer/evaluateImport.ts'
import type { LabelledQuote } from '../../src/importer/decisionReader.ts'

import { defaultPanel } from '../../src/catalog/defaultPanel.ts'
import { toolNames } from '../../src/importer/attributeByContent.ts'
import { panelFrames } from '../../src/importer/inferDecisions.ts'

export const evalFolder = path.resolve(import.meta.dirname, '../../tests/fixtures/import-eval')

/**
 * Kept out of the decision reader's training so that their scores stay honest: written blind
 * after the reader was built, scored once (README, "How well it infers").
 */
export const reservedSets = ['heldout10.json', 'heldout11.json', 'heldout12.json', 'heldout13.json']

const numbered = (pattern: RegExp) =>
  readdirSync(evalFolder)
    .filter((name) => pattern.test(name))
    .sort((a, b) => Number(a.match(/\d+/)?.[0] ?? 1) - Number(b.match(/\d+/)?.[0] ?? 1))

/** A set written to train the reader (train1.json, …) rather than to evaluate the importer. */
export const isTrainingSet = (name: string): boolean => /^train\d+\.json$/.test(name)

/**
 * quotes.json, then heldout, heldout2, …, then the training sets train1, train2, … (written
 * for the reader after heldout11), in the order they were written.
 */
export const setNames = (): string[] => [
  'quotes.json',
  ...numbered(/^heldout\d*\.json$/),
  ...numbered(/^train\d+\.json$/),
]

export const loadSet = (name: string) => JSON.parse(readFileSync(path.join(evalFolder, name), 'utf8')) as EvalSet

const defaultFrames = panelFrames(defaultPanel)

/**
 * A set's quotes as the reader learns them, each with the forms its page calls its tool by
 * and the default panel's voice markers (the panel the sets are written for).
 */
export const labelledQuotes = (set: EvalSet): LabelledQuote[] =>
  set.matchups.flatMap((matchup) =>
    matchup.quotes.map((quote) => ({
      decision: quote.decision,
      frames: defaultFrames,
      names: toolNames(matchup.tools[quote.side === 'left' ? 0 : 1]),
      text: quote.text,
    })),
  )
