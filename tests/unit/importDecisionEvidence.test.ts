import { describe, expect, it } from '@jest/globals'
import type { ItemSentence } from 'wink-nlp'

import { argumentPolarity } from '../../src/importer/argumentPolarity.ts'
import { newTargetState, sentenceTargets } from '../../src/importer/clauseTarget.ts'
import { textModel } from '../../src/importer/textModel.ts'
import { compareSkipLean, decisionEvidence, totalLean, verdictPhrases } from '../../src/importer/decisionEvidence.ts'
import { toolNames } from '../../src/importer/attributeByContent.ts'
import { attributeQuotes } from '../../src/importer/attributeQuotes.ts'
import { inferDecisions, panelFrames, skipLean } from '../../src/importer/inferDecisions.ts'
import { parsePage } from '../../src/importer/parsePage.ts'
import { defaultPanel } from '../../src/catalog/defaultPanel.ts'
import { fixturePage } from '../helpers/importPages.ts'

const said = (text: string) => verdictPhrases(text).map((phrase) => `${phrase.decision}: ${phrase.phrase}`)

describe('verdictPhrases: the explicit verdict grammar', () => {
  it.each([
    ['What earns the ship is the price.', ['ship: the ship']],
    ['Ship it now, while it is cheap.', ['ship: ship it']],
    ['It is still a ship because the weights are free.', ['ship: a ship']],
    ['What saves this from a skip: the licence.', ['ship: saves this from a skip']],
    ["I'd skip it.", ["skip: i'd skip"]],
    ['Not a ship.', ['skip: not a ship']],
    ['It isn’t a skip for me.', ["ship: n't a skip"]],
    ["I wouldn't ship it yet.", ["skip: i wouldn't ship"]],
    ['It stops short of a ship.', ['skip: stops short of a ship']],
    ['I would not build on it.', ['skip: i would not build on']],
    ['I would wire it in today.', ['ship: i would wire']],
    ["I'd wait for the next release.", ["skip: i'd wait"]],
    ['Hard to recommend.', ['skip: hard to recommend']],
    ['It does not yet feel finished enough to recommend.', ['skip: not yet feel finished enough to recommend']],
    ['On balance it is worth adopting.', ['ship: worth adopting']],
    ['It is not worth the switch.', ['skip: not worth the switch']],
    ['That earns it a place in the stack.', ['ship: earns it a place']],
    ['Not something I would hand to a busy team.', ['skip: not something i would hand']],
    ["I can't recommend it.", ["skip: i can't recommend"]],
    ['I cannot make the budget case.', ['skip: i cannot make the budget case']],
    ['We can make the case for it.', ['ship: we can make the case']],
    ['I would keep it on.', ['ship: i would keep it']],
    ["We wouldn't keep paying for it.", ["skip: we wouldn't keep paying"]],
    ['Hard to justify at this price.', ['skip: hard to justify']],
    ['Easy to justify.', ['ship: easy to justify']],
    ['Paying twice is hard to defend.', ['skip: hard to defend']],
    ['Hard to see it surviving the renewal.', ['skip: hard to see']],
    ['For a clinic that size it is an easy yes.', ['ship: easy yes']],
    ['A hard sell to finance.', ['skip: hard sell']],
    ['I doubt the standalone version lasts.', ['skip: i doubt']],
    ['The second-order effect I worry about is lock-in.', ['skip: i worry']],
    ['It is a change I would welcome.', ['ship: i would welcome']],
  ])('%s', (text, phrases) => {
    expect(said(text)).toEqual(phrases)
  })

  it('does not read a product that ships as a verdict', () => {
    expect(said('The model ships with function calling, and vendors ship this inside their SDKs.')).toEqual([])
    expect(said('We keep hitting timeouts.')).toEqual([])
  })

  it('weighs a later phrase more: the conclusion is the verdict', () => {
    const turned = decisionEvidence('Some would call it a skip. After a month I would ship it.', 0)
    expect(turned.phrases.map((phrase) => phrase.decision)).toEqual(['skip', 'ship'])
    expect(turned.verdict).toBeLessThan(0)
  })
})

describe('argumentPolarity', () => {
  it("reads an argument's lean from wink-nlp sentiment and the domain lexicon, later sentences weighing more", () => {
    expect(
      argumentPolarity('Setup was awful. In the end it unlocks a great workflow for the whole team.'),
    ).toBeGreaterThan(0)
    expect(
      argumentPolarity(
        'The demo is great. Then the vendor bundles the same thing for free and this becomes redundant.',
      ),
    ).toBeLessThan(0)
    // The domain lexicon overrides the general one: in software, a default is no debt in arrears.
    expect(argumentPolarity('It becomes the default.')).toBeGreaterThan(0)
  })

  it('turns a word around inside a negation, whose scope ends at the next punctuation', () => {
    expect(argumentPolarity('There is no lock-in.')).toBeGreaterThan(argumentPolarity('There is lock-in.'))
    // wink-nlp alone would also negate "reliable", to the end of the sentence.
    expect(argumentPolarity('There is no lock-in, and the results are reliable.')).toBeGreaterThan(0)
    // Two negations cancel: everything can be had bundled elsewhere.
    expect(argumentPolarity('There is nothing here a team cannot get bundled elsewhere.')).toBeLessThan(0)
    expect(argumentPolarity('It is less fragile than the others.')).toBeGreaterThan(0)
    // What was meant to happen did not.
    expect(argumentPolarity('The hour it was meant to save goes into editing.')).toBeLessThan(0)
    expect(argumentPolarity('It saves an hour.')).toBeGreaterThan(0)
    // What the reviewer expected and did not happen: a fear disproved.
    expect(argumentPolarity('It handled the cases I expected it to fail on.')).toBeGreaterThan(0)
  })

  it('reads a negation about the tool with no feeling word after it as a shortfall', () => {
    expect(argumentPolarity('There is no API, so every file goes through the browser.')).toBeLessThan(0)
    expect(argumentPolarity('The export cannot be opened.')).toBeLessThan(0)
    expect(argumentPolarity('Not there yet.')).toBeLessThan(0)
    expect(argumentPolarity('A note needs a read, which is the job it promised to remove.')).toBeLessThan(0)
    // A rival's shortfall still argues for the tool, and a bare "not" that answers what came
    // before names nothing missing.
    expect(
      argumentPolarity('Direct competitors are the big suites. None of them can export the file.', [], ['Wrenfold']),
    ).toBeGreaterThan(0)
    expect(argumentPolarity('It is not: the hand-off carries a summary.')).toBe(0)
  })

  it('moves the weight to what answers a contrast or a concession', () => {
    expect(argumentPolarity('It is great, but it crashed.')).toBeLessThan(0)
    expect(argumentPolarity('It crashed once, but it is great.')).toBeGreaterThan(0)
    expect(argumentPolarity('Although the docs are great, the tool crashed.')).toBeLessThan(0)
    expect(argumentPolarity('Although the tool crashed once, the docs are great.')).toBeGreaterThan(0)
    expect(argumentPolarity('It crashed twice and the bill is high. Still, it unlocks our workflow.')).toBeGreaterThan(
      0,
    )
  })

  it('counts a hedged clause for less than a finding', () => {
    expect(argumentPolarity('It might crash.')).toBeLessThan(0)
    expect(argumentPolarity('It might crash.')).toBeGreaterThan(argumentPolarity('It crashed.'))
  })

  it("leaves the panel's voice markers out: they open a persona's ships as well as its skips", () => {
    const text = 'What kills it is the price.'
    expect(argumentPolarity(text)).toBeLessThan(0)
    expect(argumentPolarity(text, ['what kills'])).toBe(0)
  })
})

describe('argumentPolarity: who each clause is about (clauseTarget)', () => {
  const frames = panelFrames(defaultPanel)
  const names = ['Wrenfold', 'Wrenfold Labs']
  const targetsOf = (text: string) => {
    const nlp = textModel()
    const state = newTargetState()
    const marked: string[] = []
    nlp
      .readDoc(text)
      .sentences()
      .each((sentence: ItemSentence) => {
        const targets = sentenceTargets(sentence, names, state)
        const words = sentence.tokens().out(nlp.its.value) as string[]
        marked.push(...words.filter((word, index) => targets[index] === 'rival' && /\w/.test(word)))
      })
    return marked.join(' ')
  }

  it('reads praise of a rival as a case against this tool, and a rival falling short as one for it', () => {
    const rivalsStrong =
      'Direct competitors are the video platforms, which already added the same feature for free. They are excellent and reliable.'
    const rivalsWeak =
      'Direct competitors are the video platforms. They are slow and unreliable, and none of them can export the file.'
    expect(argumentPolarity(rivalsStrong, frames, names)).toBeLessThan(0)
    expect(argumentPolarity(rivalsWeak, frames, names)).toBeGreaterThan(0)
  })

  it('keeps a clause about this tool as it reads, by name or pronoun, next to one about a rival', () => {
    expect(
      argumentPolarity('Rivals are clunky and slow, but Wrenfold is fast and reliable.', frames, names),
    ).toBeGreaterThan(0)
    expect(argumentPolarity("Figma's plugin is good at this; it is awful.", frames, names)).toBeLessThan(0)
    expect(argumentPolarity('It is excellent.', frames, names)).toBeGreaterThan(0)
  })

  it('finds the rivals by rival nouns, names, "everyone else", a list named earlier and "they" after it', () => {
    expect(targetsOf('The incumbents are slow.')).toBe('The incumbents are slow')
    expect(targetsOf('Everyone else is slow.')).toBe('Everyone else is slow')
    expect(targetsOf("Adobe's converter keeps the layout. Wrenfold keeps the rules.")).toBe(
      "Adobe 's converter keeps the layout",
    )
    expect(
      targetsOf(
        'Direct competitors are the device clouds and the old test recorders. The recorders break weekly. It never breaks.',
      ),
    ).toBe('Direct competitors are the device clouds and the old test recorders The recorders break weekly')
    expect(targetsOf('Direct competitors are the big suites. They charge more.')).toContain('They charge more')
    // An item named again by the word that told it apart, in the stemmer's other form.
    expect(
      targetsOf('Direct competitors are the stenography services. The stenographers take two weeks. It takes a day.'),
    ).toBe('Direct competitors are the stenography services The stenographers take two weeks')
  })

  it('does not take an acronym, a product it plugs into, or "they" with no rivals named for a rival', () => {
    expect(targetsOf('The API is clean, and the Slack threads link back.')).toBe('')
    expect(targetsOf('Our analysts like it. They use it daily.')).toBe('')
  })

  it('reads "What kills it is <rival> …" as about the rival', () => {
    expect(
      targetsOf(
        'Direct competitors are the device clouds. What kills it is the device cloud bundling a good-enough version.',
      ),
    ).toContain('the device cloud bundling')
  })
})

describe('the whole evidence as one lean', () => {
  it('ranks an explicit verdict before any polarity, and polarity before cue phrases', () => {
    const explicit = decisionEvidence('A wonderful, brilliant tool. Still, not a ship.', 0)
    const negative = decisionEvidence('It crashed, misread the input and failed twice.', 0)
    expect(compareSkipLean(explicit, negative)).toBeGreaterThan(0)
    expect(compareSkipLean(decisionEvidence('A fine tool.', 1), decisionEvidence('A fine tool.', 0))).toBeGreaterThan(0)
  })

  it('lets a clear argument outweigh a lone cue phrase: the ranking uses the whole score', () => {
    const negativeWithShipCue = decisionEvidence('It crashed, misread the input and failed twice.', -1)
    expect(totalLean(negativeWithShipCue)).toBeGreaterThan(totalLean(decisionEvidence('A fine tool.', 0)))
  })

  it('leaves two contradicting verdict phrases to the argument', () => {
    const contradicting = decisionEvidence("Some call it a skip; I'd ship it. It crashed and failed twice.", 0)
    expect(Math.abs(contradicting.verdict)).toBeLessThan(0.2)
    expect(totalLean(contradicting)).toBeGreaterThan(0)
  })
})

describe('the page whose skips are argued without cue phrases (issue 20)', () => {
  const page = parsePage(fixturePage('argued-skips.txt').text, 'argued-skips.txt')
  const quotes = attributeQuotes(page, defaultPanel, []).quotes.filter((quote) => quote.side === 'left')

  it('prints 50% of four quotes for the tool', () => {
    expect(page.tools[0].panel.value).toBe(50)
    expect(quotes.map((quote) => quote.persona)).toEqual(['builder', 'skeptic', 'buyer', 'product-lead'])
  })

  it("the cue phrases alone, the importer's old rule, would skip the wrong two", () => {
    const lean = quotes.map((quote) => skipLean(quote.text))
    const byCues = quotes.map((_, index) => index).sort((a, b) => lean[b] - lean[a] || b - a)
    expect(
      byCues
        .slice(0, 2)
        .map((index) => quotes[index].persona)
        .sort(),
    ).toEqual(['buyer', 'skeptic'])
  })

  it('the arguments decide now: the quotes that argue a skip skip, the ones that end on what it gives ship', () => {
    // As the importer reads the page: the panel's voice markers as frames, the tool's names
    // to tell its clauses from its rivals', the shipped decision reader at its weight.
    const tool = page.tools[0]
    const names = toolNames({ description: tool.description.value, name: tool.name.value, tagline: tool.tagline.value })
    const frames = panelFrames(defaultPanel)
    expect(inferDecisions(50, quotes, frames, names).decisions).toEqual(['ship', 'ship', 'skip', 'skip'])
    // Without the reader too: the argument reading alone gets this page right.
    expect(inferDecisions(50, quotes, frames, names, { trainedWeight: 0 }).decisions).toEqual([
      'ship',
      'ship',
      'skip',
      'skip',
    ])
  })
})
