import { describe, expect, it } from '@jest/globals'
import path from 'node:path'

import { accuracy, evaluateImport } from '../../src/importer/evaluateImport.ts'
import { defaultPanel } from '../../src/catalog/defaultPanel.ts'
import { loadSet } from '../../scripts/lib/evalSets.ts'
import { seedPages } from '../helpers/importPages.ts'

const set = loadSet('quotes.json')
const seeds = seedPages().map((file) => ({ name: path.basename(file.path), text: file.text }))
const figures = evaluateImport(set, seeds, defaultPanel)
const heldOut = evaluateImport(loadSet('heldout.json'), [], defaultPanel)
/** Written before a change to the inference and first scored after it (README, "How well it infers"). */
const laterHeldOut = [
  'heldout2.json',
  'heldout3.json',
  'heldout4.json',
  'heldout5.json',
  'heldout6.json',
  'heldout7.json',
].map((name) => evaluateImport(loadSet(name), [], defaultPanel))
/** Written after the last change to the inference and scored once after it: the honest figures. */
const latestHeldOut = evaluateImport(loadSet('heldout8.json'), [], defaultPanel)
const newestHeldOut = evaluateImport(loadSet('heldout9.json'), [], defaultPanel)
/** Written blind by another hand, kept out of the decision reader's training, scored once. */
const blindHeldOut = ['heldout10.json', 'heldout11.json'].map((name) => evaluateImport(loadSet(name), [], defaultPanel))
/**
 * Written blind by a third hand while the reader's fifth round was being built, kept out of
 * its training, scored once with the code before that round and once with it.
 */
const laterBlindHeldOut = ['heldout12.json', 'heldout13.json'].map((name) =>
  evaluateImport(loadSet(name), [], defaultPanel),
)

/** Every lone quote the margin accepts goes to the right tool, as printed and with names taken out, on at least `coverage` of them. */
function expectAttributionsRight(evaluated: ReturnType<typeof evaluateImport>, coverage: number): void {
  for (const tally of [evaluated.attribution.asPrinted, evaluated.attribution.contentOnly]) {
    expect(tally.mistakes).toEqual([])
    expect(accuracy.coverage(tally)).toBeGreaterThanOrEqual(coverage)
  }
}

/**
 * Floors at the figures `npm run eval:import` gave when this was written (README,
 * "Importing pages"): a change to the importer may raise them, never lower them. The decision
 * floors are in-sample: the shipped decision reader was trained on these sets (its honest,
 * leave-one-set-out figures are `npm run eval:decision-reader`'s).
 */
describe('the importer on its labelled evaluation set', () => {
  it('holds at least 40 quotes across the five lenses, ship and skip', () => {
    const quotes = set.matchups.flatMap((matchup) => matchup.quotes)
    expect(quotes.length).toBeGreaterThanOrEqual(40)
    expect(new Set(quotes.map((quote) => quote.lens))).toEqual(
      new Set(['buyer', 'developer', 'futurist', 'product', 'skeptic']),
    )
    expect(new Set(quotes.map((quote) => quote.decision))).toEqual(new Set(['ship', 'skip']))
  })

  it('attributes every lone quote the margin accepts to the right tool, and accepts nearly all', () => {
    for (const tally of [figures.attribution.asPrinted, figures.attribution.contentOnly]) {
      expect(tally.mistakes).toEqual([])
      expect(accuracy.attribution(tally)).toBe(1)
      expect(accuracy.coverage(tally)).toBeGreaterThanOrEqual(0.95)
    }
  })

  it('infers decisions at least as well as when measured (in-sample: the weights were chosen on it)', () => {
    expect(figures.decisions.evalSet.total).toBe(44)
    expect(figures.decisions.evalSet.correct).toBe(44)
  })

  it('infers every decision the sample pages imply', () => {
    expect(figures.decisions.seedPages.total).toBe(set.seedPages.decisions.length)
    expect(accuracy.decisions(figures.decisions.seedPages)).toBe(1)
  })

  it('keeps its figures on the first held-out set (used since to choose two weights)', () => {
    expectAttributionsRight(heldOut, 0.92)
    expect(heldOut.decisions.evalSet.total).toBe(25)
    expect(heldOut.decisions.evalSet.correct).toBeGreaterThanOrEqual(25)
  })

  it('keeps its figures on the later held-out sets: every attribution right, decisions at their floors', () => {
    for (const set of laterHeldOut) {
      expectAttributionsRight(set, 0.95)
    }
    expect(laterHeldOut.map((set) => set.decisions.evalSet.total)).toEqual([33, 33, 32, 39, 40, 46])
    const floors = [33, 33, 32, 39, 40, 46]
    laterHeldOut.forEach((set, index) => expect(set.decisions.evalSet.correct).toBeGreaterThanOrEqual(floors[index]))
  })

  it('keeps its figures on heldout9, written after heldout8 was scored with the inference unchanged', () => {
    expectAttributionsRight(newestHeldOut, 0.95)
    expect(newestHeldOut.decisions.evalSet.total).toBe(40)
    expect(newestHeldOut.decisions.evalSet.correct).toBeGreaterThanOrEqual(38)
  })

  it('keeps its figures on heldout8: every attribution the margin accepts right', () => {
    // Before lone quotes were compared with the page's placed quotes too, one went to the
    // wrong tool here by more than the margin (README, "How well it infers").
    expectAttributionsRight(latestHeldOut, 0.95)
    expect(latestHeldOut.decisions.evalSet.total).toBe(47)
    expect(latestHeldOut.decisions.evalSet.correct).toBeGreaterThanOrEqual(47)
  })

  it('keeps its first scores on the blind sets heldout10 and heldout11: every attribution right', () => {
    for (const set of blindHeldOut) {
      expectAttributionsRight(set, 1)
    }
    expect(blindHeldOut.map((set) => set.decisions.evalSet.total)).toEqual([50, 50])
    // First scored 38 and 34 (72/100); with the reader's fifth round, scored once after it
    // was final, 34 and 38: the same 72 of 100, two arguments read differently on each set
    // (README, "How well it infers"). The floors hold the total and each set where it is now.
    const floors = [34, 38]
    blindHeldOut.forEach((set, index) => expect(set.decisions.evalSet.correct).toBeGreaterThanOrEqual(floors[index]))
    expect(blindHeldOut.reduce((sum, set) => sum + set.decisions.evalSet.correct, 0)).toBeGreaterThanOrEqual(72)
  })

  it('keeps its first scores on the blind sets heldout12 and heldout13: every attribution the margin accepts right', () => {
    for (const set of laterBlindHeldOut) {
      expectAttributionsRight(set, 0.96)
    }
    expect(laterBlindHeldOut.map((set) => set.decisions.evalSet.total)).toEqual([50, 47])
    // With the code before the fifth round 36 and 37 (73/97); with it 40 and 37 (77/97).
    const floors = [40, 37]
    laterBlindHeldOut.forEach((set, index) =>
      expect(set.decisions.evalSet.correct).toBeGreaterThanOrEqual(floors[index]),
    )
  })
})
