import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { LabelledQuote } from '../../src/importer/decisionReader.ts'

import { decisionEvidence, trainedWeight } from '../../src/importer/decisionEvidence.ts'
import { readerTokens, shippedDecisionReader, trainDecisionReader } from '../../src/importer/decisionReader.ts'
import { inferDecisions } from '../../src/importer/inferDecisions.ts'
import { labelledQuotes, loadSet, reservedSets, setNames } from '../../scripts/lib/evalSets.ts'

const names = ['Acme Notes']
const labelled: LabelledQuote[] = [
  { decision: 'skip', names, text: 'The rivals have the customers and the margins are gone.' },
  { decision: 'skip', names, text: 'Adoption died in the first week; nobody opened it twice.' },
  { decision: 'skip', names, text: 'The customers stayed with the rivals, and the team gave up on it.' },
  { decision: 'ship', names, text: 'It unlocks a weekly report nobody had time to write.' },
  { decision: 'ship', names, text: 'The team kept it open all week and the report writes itself.' },
  { decision: 'ship', names, text: 'It unlocks the archive, and every clerk now finds a file in seconds.' },
]

describe('the decision reader (wink-naive-bayes-text-classifier over wink-nlp tokens)', () => {
  it('reads stems, marks negated words and the words of a clause about a rival', () => {
    const tokens = readerTokens({ names, text: 'Acme Notes does not sync. Rival apps like Zed Pad sync instantly.' })
    expect(tokens).toContain('not:sync')
    expect(tokens.some((token) => token.startsWith('rival:'))).toBe(true)
    expect(tokens).not.toContain('the')
  })

  it('leans a quote towards the decision its words took in training, and knows nothing of unseen words', () => {
    const reader = trainDecisionReader(labelled)
    expect(reader.odds({ names, text: 'The rivals kept the customers.' })).toBeGreaterThan(0)
    expect(reader.odds({ names, text: 'It unlocks the weekly report.' })).toBeLessThan(0)
    expect(reader.odds({ names, text: 'Quixotic zebra.' })).toBe(0)
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
    const probe = { names: ['Some Tool'], text: 'The rivals have the customers.' }
    expect(shippedDecisionReader()(probe)).toBeCloseTo(fresh.odds(probe), 10)
  })
})
