import { describe, expect, it } from '@jest/globals'

import type { ToolDocument } from '../../src/importer/attributeByContent.ts'

import {
  AssignmentError,
  assignmentsFor,
  parseAssignment,
  unmatchedAssignments,
} from '../../src/importer/assignments.ts'
import {
  attributeByContent,
  defaultAttributionMargin,
  toolDocumentText,
  vendorsOf,
} from '../../src/importer/attributeByContent.ts'
import { attributeQuotes } from '../../src/importer/attributeQuotes.ts'
import { PageError, parsePage } from '../../src/importer/parsePage.ts'
import { defaultPanel } from '../../src/catalog/defaultPanel.ts'
import { fixturePage } from '../helpers/importPages.ts'

const ledger: ToolDocument = {
  description:
    'Ledger Bot from Northgate Accounting posts each card transaction to the right account and matches receipts from email.',
  name: 'Ledger Bot',
  tagline: 'Bookkeeping that categorises card transactions as they clear',
  verdicts: [],
}
const forms: ToolDocument = {
  description: 'Form Bot builds a survey, its validation and a results sheet from one typed sentence.',
  name: 'Form Bot (Teams)',
  tagline: 'Surveys from a sentence',
  verdicts: [],
}

function pageError(run: () => unknown): PageError {
  try {
    run()
  } catch (error) {
    if (error instanceof PageError) {
      return error
    }
    throw error
  }
  throw new Error('expected a PageError')
}

describe('attributeByContent', () => {
  it('picks the tool whose tagline and description the quote speaks of, with both scores', () => {
    const result = attributeByContent(
      'Receipts land against the right card transactions, and the month closes itself.',
      [ledger, forms],
    )
    expect(result.side).toBe('left')
    expect(result.scores.left).toBeGreaterThan(result.scores.right + defaultAttributionMargin)
    expect(attributeByContent('A survey with validation, built from a sentence.', [ledger, forms]).side).toBe('right')
  })

  it('gives no side when the quote is about as close to both (never a guess)', () => {
    const result = attributeByContent('Onboarding took an afternoon and it surprised me.', [ledger, forms])
    expect(result).toEqual({ scores: { left: 0, right: 0 }, side: null })
    const wide = attributeByContent('Receipts land against card transactions.', [ledger, forms], [], 2)
    expect(wide.side).toBeNull()
  })

  it("counts the tool's existing verdicts as part of what it is about", () => {
    const quote = 'The offline mode kept working on the train.'
    expect(attributeByContent(quote, [ledger, forms]).side).toBeNull()
    expect(
      attributeByContent(quote, [
        ledger,
        { ...forms, verdicts: ['Its offline mode is the reason we use it on trains.'] },
      ]).side,
    ).toBe('right')
  })

  it("compares a lone quote with the page's quotes already placed on each tool", () => {
    // Neither tool's profile says anything about offline use; the page's other panelists do.
    const quote = 'The offline mode kept working on the train.'
    const placed = [
      { side: 'left' as const, text: 'Every receipt matched the right card.' },
      { side: 'right' as const, text: 'Its offline mode is why the field team uses it on the train.' },
    ]
    expect(attributeByContent(quote, [ledger, forms]).side).toBeNull()
    const result = attributeByContent(quote, [ledger, forms], [], defaultAttributionMargin, placed)
    expect(result.side).toBe('right')
    expect(result.readings!.profile).toEqual({ left: 0, right: 0 })
    expect(result.scores.right - result.scores.left).toBeGreaterThanOrEqual(defaultAttributionMargin)
  })

  it('asks a person when the profiles and the placed quotes point at different tools', () => {
    // The profiles put receipts on the ledger; the page's panelists speak of receipts landing
    // in the survey tool. Two readings that disagree are no answer.
    const quote = 'Receipts land here.'
    const placed = [
      { side: 'left' as const, text: 'The month closes itself.' },
      { side: 'right' as const, text: 'Receipts land in the survey as they come.' },
    ]
    expect(attributeByContent(quote, [ledger, forms]).side).toBe('left')
    const result = attributeByContent(quote, [ledger, forms], [], defaultAttributionMargin, placed)
    expect(result).toMatchObject({ conflict: true, side: null })
    expect(result.readings!.profile.left).toBeGreaterThan(result.readings!.profile.right)
    expect(result.readings!.page.right).toBeGreaterThan(result.readings!.page.left)
  })

  it('knows a tool by its name forms and its vendor', () => {
    expect(vendorsOf(ledger)).toEqual(['Northgate Accounting'])
    expect(vendorsOf({ description: 'A model.', tagline: "Acme's smallest model" })).toEqual(['Acme'])
    expect(toolDocumentText(forms)).toContain('Form Bot\n')
    expect(attributeByContent('Northgate Accounting has done it again.', [ledger, forms]).side).toBe('left')
  })
})

describe('attributeQuotes with content and --assign', () => {
  const page = parsePage(fixturePage('lone-quote-by-content.txt').text, 'lone-quote-by-content.txt')
  const lone = page.quotes.at(-1)!

  it('attributes the lone quote that names neither tool to the tool its content is about, flagged as content', () => {
    const quote = attributeQuotes(page, defaultPanel, []).quotes.at(-1)!
    expect(quote).toMatchObject({ line: lone.line, persona: 'product-lead', side: 'left', toolEvidence: 'content' })
    expect(quote.toolScores!.left - quote.toolScores!.right).toBeGreaterThanOrEqual(defaultAttributionMargin)
  })

  it("attributes a lone quote by what the page's other quotes say about each tool, when the descriptions do not tell", () => {
    // Only The Skeptic's quote on Ferris Ledger speaks of a rules file and cash.
    const text = 'The job-to-be-done is no rules file to maintain, even for cash.'
    const edited = parsePage(
      fixturePage('lone-quote-by-content.txt').text.replace(/“The job-to-be-done is[^”]*”/, `“${text}”`),
      'lone-quote-by-content.txt',
    )
    const quote = attributeQuotes(edited, defaultPanel, []).quotes.at(-1)!
    expect(quote).toMatchObject({ persona: 'product-lead', side: 'left', text, toolEvidence: 'content' })
    const profile = (tool: (typeof edited.tools)[number]): ToolDocument => ({
      description: tool.description.value,
      name: tool.name.value,
      tagline: tool.tagline.value,
      verdicts: [],
    })
    const profiles: [ToolDocument, ToolDocument] = [profile(edited.tools[0]), profile(edited.tools[1])]
    const others = edited.quotes.slice(0, -1).map((other) => other.text)
    expect(attributeByContent(text, profiles, others).side).toBeNull()
  })

  it('fails a page whose lone quote is within the margin, naming both scores and --assign', () => {
    const ambiguous = parsePage(fixturePage('ambiguous-lone-quote.txt').text, 'dir/ambiguous-lone-quote.txt')
    const error = pageError(() => attributeQuotes(ambiguous, defaultPanel, []))
    const line = ambiguous.quotes.at(-1)!.line
    expect(error.line).toBe(line)
    expect(error.reason).toMatch(
      /its content is about as close to "Ferrule Books" \(\d\.\d{3}\) as to "Glimmer Surveys" \(\d\.\d{3}\), within the margin of 0\.05/,
    )
    expect(error.reason).toContain(`--assign ambiguous-lone-quote.txt:${line}=left or =right`)
    const assigned = attributeQuotes(ambiguous, defaultPanel, [], {
      assignments: new Map([[line, 'right']]),
    }).quotes.at(-1)!
    expect(assigned).toMatchObject({ side: 'right', toolEvidence: 'assigned' })
    expect(assigned.toolScores).toBeUndefined()
  })

  it('lets --assign overrule content, but not the left-then-right order of a two-quote row, and not point at a line without a quote', () => {
    expect(
      attributeQuotes(page, defaultPanel, [], { assignments: new Map([[lone.line, 'right']]) }).quotes.at(-1),
    ).toMatchObject({
      side: 'right',
      toolEvidence: 'assigned',
    })
    const first = page.quotes[0].line
    expect(
      pageError(() => attributeQuotes(page, defaultPanel, [], { assignments: new Map([[first, 'right']]) })).reason,
    ).toBe(
      "--assign puts this quote on the right tool, but it is The Builder's first of two quotes in a row, which stand left then right",
    )
    expect(
      pageError(() => attributeQuotes(page, defaultPanel, [], { assignments: new Map([[2, 'left']]) })).reason,
    ).toBe('--assign names line 2, which holds no quote of the scorecard')
  })
})

describe('--assign values', () => {
  it('parses <file>:<line>=left|right and names the option when it cannot', () => {
    expect(parseAssignment('pages/a.txt:31=left')).toEqual({ file: 'pages/a.txt', line: 31, side: 'left' })
    expect(parseAssignment('C:\\pages\\a.txt:7=right')).toEqual({ file: 'C:\\pages\\a.txt', line: 7, side: 'right' })
    for (const bad of ['a.txt:31', 'a.txt=left', 'a.txt:0=left', 'a.txt:3=middle', ':3=left']) {
      expect(() => parseAssignment(bad)).toThrow(
        new AssignmentError(`--assign "${bad}": expected <file>:<line>=left|right, for example page.txt:31=left`),
      )
    }
  })

  it('matches a page by its path or its base name, and refuses two sides for one line', () => {
    const assign = [
      parseAssignment('a.txt:3=left'),
      parseAssignment('pages/b.txt:4=right'),
      parseAssignment('c.txt:1=left'),
    ]
    expect([...assignmentsFor('pages/a.txt', assign)]).toEqual([[3, 'left']])
    expect([...assignmentsFor('pages/b.txt', assign)]).toEqual([[4, 'right']])
    expect([...assignmentsFor('other/b.txt', assign)]).toEqual([])
    expect(unmatchedAssignments(['pages/a.txt', 'pages/b.txt'], assign)).toEqual([
      { file: 'c.txt', line: 1, side: 'left' },
    ])
    expect(() => assignmentsFor('a.txt', [...assign, parseAssignment('a.txt:3=right')])).toThrow(
      '--assign gives a.txt:3 both left and right',
    )
  })
})
