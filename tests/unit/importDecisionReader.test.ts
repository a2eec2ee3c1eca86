import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { LabelledQuote } from '../../src/importer/decisionReader.ts'

import { defaultPanel } from '../../src/catalog/defaultPanel.ts'
import { decisionEvidence, trainedWeight } from '../../src/importer/decisionEvidence.ts'
import { readerTokens, shippedDecisionReader, trainDecisionReader } from '../../src/importer/decisionReader.ts'
import { inferDecisions, panelFrames } from '../../src/importer/inferDecisions.ts'
import { labelledQuotes, loadSet, reservedSets, setNames } from '../../scripts/lib/evalSets.ts'

const names = ['Acme Notes']
const frames: string[] = []
const labelled: LabelledQuote[] = [
  { decision: 'skip', frames, names, text: 'The rivals have the customers and the margins are gone.' },
  { decision: 'skip', frames, names, text: 'Adoption died in the first week; nobody opened it twice.' },
  { decision: 'skip', frames, names, text: 'The customers stayed with the rivals, and the team gave up on it.' },
  { decision: 'ship', frames, names, text: 'It unlocks a weekly report nobody had time to write.' },
  { decision: 'ship', frames, names, text: 'The team kept it open all week and the report writes itself.' },
  { decision: 'ship', frames, names, text: 'It unlocks the archive, and every clerk now finds a file in seconds.' },
]

describe('the decision reader (wink-naive-bayes-text-classifier over wink-nlp tokens)', () => {
  it('reads stems, marks negated words and the words of a clause about a rival', () => {
    const tokens = readerTokens({
      frames,
      names,
      text: 'Acme Notes does not sync. Rival apps like Zed Pad sync instantly.',
    })
    expect(tokens).toContain('not:sync')
    expect(tokens.some((token) => token.startsWith('rival:'))).toBe(true)
    expect(tokens).not.toContain('the')
  })

  it('counts the closing sentence once more, where the verdict is given', () => {
    const tokens = readerTokens({ frames, names, text: 'Setup was slow. The archive search unlocks every old file.' })
    expect(tokens).toEqual(expect.arrayContaining(['slow', 'unlock', 'end:unlock']))
    expect(tokens).not.toContain('end:slow')
    // A one-sentence quote has no close apart from its argument.
    expect(readerTokens({ frames, names, text: 'It unlocks every old file.' })).not.toContain('end:unlock')
  })

  it("leaves out the panel's voice markers: they say who speaks, not what was decided", () => {
    const text = 'Direct competitors are the incumbents. Onboarding took a week.'
    const markers = panelFrames(defaultPanel)
    const marked = (tokens: string[]) => tokens.filter((token) => /competitor|onboard/.test(token))
    expect(marked(readerTokens({ frames, names, text }))).not.toEqual([])
    const tokens = readerTokens({ frames: markers, names, text })
    expect(marked(tokens)).toEqual([])
    expect(tokens).toEqual(expect.arrayContaining(['week', 'end:week']))
  })

  it('leans a quote towards the decision its words took in training, and knows nothing of unseen words', () => {
    const reader = trainDecisionReader(labelled)
    expect(reader.odds({ frames, names, text: 'The rivals kept the customers.' })).toBeGreaterThan(0)
    expect(reader.odds({ frames, names, text: 'It unlocks the weekly report.' })).toBeLessThan(0)
    expect(reader.odds({ frames, names, text: 'Quixotic zebra.' })).toBe(0)
  })

  it('breaks what the argument reading cannot tell, but never outweighs an explicit verdict phrase', () => {
    const reader = trainDecisionReader(labelled).odds
    // No feeling word either way: the reading alone keeps the page order (the later quote skips).
    const flat = [{ text: 'The rivals have the customers.' }, { text: 'Every clerk finds the archive.' }]
    expect(inferDecisions(50, flat, [], names, { trainedWeight: 0 }).decisions).toEqual(['ship', 'skip'])
    expect(inferDecisions(50, flat, [], names, { reader }).decisions).toEqual(['skip', 'ship'])
    // "I'd ship it" is a verdict; the reader's strongest lean stays below it.
    const said = [
      { text: "The rivals have the customers, and I'd ship it." },
      { text: 'Every clerk finds the archive.' },
    ]
    expect(inferDecisions(50, said, [], names, { reader }).decisions).toEqual(['ship', 'skip'])
    expect(decisionEvidence(said[0].text, 0, [], names, reader).trained).toBeGreaterThan(0)
    expect(trainedWeight).toBeLessThan(3 * 0.5)
  })

  it('ships the model `npm run train:import` writes from the open labelled sets, none of the reserved', () => {
    const open = setNames().filter((name) => !reservedSets.includes(name))
    const fresh = trainDecisionReader(open.flatMap((name) => labelledQuotes(loadSet(name))))
    const file = path.resolve(import.meta.dirname, '../../src/importer/decisionModel.json')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(fresh.toJSON()))
    const probe = { frames, names: ['Some Tool'], text: 'The rivals have the customers.' }
    expect(shippedDecisionReader()(probe)).toBeCloseTo(fresh.odds(probe), 10)
  })
})
