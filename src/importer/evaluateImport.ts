/**
 * Scores the importer's inferences against a labelled evaluation set: which tool a lone
 * quote is about, and which verdicts of a tool skip when its printed percentage leaves a
 * choice. Plain data in, figures out; `npm run eval:import` prints them and a unit test
 * keeps them from getting worse.
 */
import type { Side, VoicePersona } from './attributeQuotes.ts'
import type { ToolDocument } from './attributeByContent.ts'

import { computeScore } from '../scores/score.ts'
import { attributeByContent, toolNames } from './attributeByContent.ts'
import { attributeQuotes, sideNamed } from './attributeQuotes.ts'
import type { DecisionReading } from './inferDecisions.ts'

import { inferDecisions, panelFrames } from './inferDecisions.ts'
import { parsePage } from './parsePage.ts'
import type { Decision } from '../domain/decisions.ts'

export type EvalQuote = { decision: Decision; lens: string; side: Side; text: string }
export type EvalTool = Omit<ToolDocument, 'verdicts'> & { vendor?: string }
export type EvalMatchup = { quotes: EvalQuote[]; tools: [EvalTool, EvalTool] }
export type SeedDecision = { decision: Decision; file: string; persona: string; side: Side }
export type EvalSet = { matchups: EvalMatchup[]; seedPages: { decisions: SeedDecision[] } }
export type SeedPage = { name: string; text: string }

export type Tally = { correct: number; total: number }
export type AttributionTally = Tally & {
  /** Quotes the importer would attribute (the others fail the page and ask for --assign). */
  accepted: number
  mistakes: Array<{ expected: Side; got: Side; text: string }>
}

export type EvalFigures = {
  attribution: {
    /** Each quote as the only one in its row, as printed (a name decides where it names one tool). */
    asPrinted: AttributionTally
    /** Each quote with both tools' names taken out: the content alone decides. */
    contentOnly: AttributionTally
  }
  decisions: {
    /** Invented tools: for each tool, the printed percentage its labels give, then inference. */
    evalSet: Tally & { mistakes: Array<{ expected: Decision; text: string }> }
    /** The sample pages, where their percentage leaves a choice. */
    seedPages: Tally
  }
}

const ratio = (tally: Tally) => (tally.total === 0 ? 1 : tally.correct / tally.total)
export const accuracy = {
  /** Share right of those the importer attributes. */
  attribution: (tally: AttributionTally) => (tally.accepted === 0 ? 1 : tally.correct / tally.accepted),
  coverage: (tally: AttributionTally) => (tally.total === 0 ? 1 : tally.accepted / tally.total),
  decisions: ratio,
}

function withoutNames(text: string, names: string[]): string {
  const forms = names.flatMap((name) => [name, name.replace(/\s*\([^)]*\)\s*$/, '')])
  return [...new Set(forms)]
    .sort((a, b) => b.length - a.length)
    .reduce((result, form) => result.split(form).join('the tool'), text)
}

function attributionTally(matchups: EvalMatchup[], stripNames: boolean): AttributionTally {
  const tally: AttributionTally = { accepted: 0, correct: 0, mistakes: [], total: 0 }
  for (const { quotes, tools } of matchups) {
    const names = tools.map((tool) => tool.name)
    const document = (tool: EvalTool): ToolDocument => ({
      description: tool.description,
      name: tool.name,
      tagline: tool.tagline,
      verdicts: [],
    })
    const documents: [ToolDocument, ToolDocument] = [document(tools[0]), document(tools[1])]
    const texts = quotes.map((quote) => (stripNames ? withoutNames(quote.text, names) : quote.text))
    for (const [index, quote] of quotes.entries()) {
      const text = texts[index]
      // The matchup's other personas' quotes stand as they would in rows of two, placed on
      // their tool; the quote's own persona (its lens) has only this quote, or it would not
      // be alone in its row.
      const placed = quotes
        .map((other, position) => ({ lens: other.lens, side: other.side, text: texts[position] }))
        .filter((other) => other.lens !== quote.lens)
      const side =
        sideNamed(text, names[0], names[1]) ??
        attributeByContent(
          text,
          documents,
          texts.filter((_, other) => other !== index),
          undefined,
          placed,
        ).side
      tally.total += 1
      if (side) {
        tally.accepted += 1
        if (side === quote.side) {
          tally.correct += 1
        } else {
          tally.mistakes.push({ expected: quote.side, got: side, text })
        }
      }
    }
  }
  return tally
}

function decisionTally(
  matchups: EvalMatchup[],
  frames: string[],
  reading: DecisionReading = {},
): EvalFigures['decisions']['evalSet'] {
  const tally: EvalFigures['decisions']['evalSet'] = { correct: 0, mistakes: [], total: 0 }
  for (const { quotes, tools } of matchups) {
    for (const [toolIndex, side] of (['left', 'right'] as const).entries()) {
      const ofTool = quotes.filter((quote) => quote.side === side)
      const ship = ofTool.filter((quote) => quote.decision === 'ship').length
      const { percent } = computeScore(ship, ofTool.length - ship)
      if (ship === 0 || ship === ofTool.length) {
        continue
      }
      const { decisions } = inferDecisions(
        percent,
        ofTool.map((quote) => ({ text: quote.text })),
        frames,
        toolNames(tools[toolIndex]),
        reading,
      )
      for (const [index, quote] of ofTool.entries()) {
        tally.total += 1
        if (decisions[index] === quote.decision) {
          tally.correct += 1
        } else {
          tally.mistakes.push({ expected: quote.decision, text: quote.text })
        }
      }
    }
  }
  return tally
}

function seedTally(
  labels: SeedDecision[],
  pages: SeedPage[],
  personas: VoicePersona[],
  reading: DecisionReading = {},
): Tally {
  const tally: Tally = { correct: 0, total: 0 }
  for (const file of pages) {
    const page = parsePage(file.text, file.name)
    const { quotes } = attributeQuotes(page, personas, [])
    for (const [index, side] of (['left', 'right'] as const).entries()) {
      const ofTool = quotes.filter((quote) => quote.side === side)
      const printed = page.tools[index].panel.value
      if (printed === null || printed === 0 || printed === 100) {
        continue
      }
      const { decisions } = inferDecisions(
        printed,
        ofTool.map((quote) => ({ text: quote.text })),
        panelFrames(personas),
        toolNames({
          description: page.tools[index].description.value,
          name: page.tools[index].name.value,
          tagline: page.tools[index].tagline.value,
        }),
        reading,
      )
      for (const [position, quote] of ofTool.entries()) {
        const label = labels.find(
          (entry) => entry.file === file.name && entry.side === side && entry.persona === quote.persona,
        )
        if (!label) {
          throw new Error(
            `the evaluation set has no label for ${file.name}, ${side} tool, persona ${quote.persona ?? '?'} (line ${quote.line})`,
          )
        }
        tally.total += 1
        tally.correct += decisions[position] === label.decision ? 1 : 0
      }
    }
  }
  return tally
}

/**
 * The decisions alone, as `evaluateImport` scores them; `reading` gives the decision reader
 * (for leave-one-set-out, one trained without this set) and its weight.
 */
export function evaluateDecisions(
  set: EvalSet,
  personas: VoicePersona[],
  reading: DecisionReading = {},
): EvalFigures['decisions']['evalSet'] {
  return decisionTally(set.matchups, panelFrames(personas), reading)
}

export function evaluateImport(set: EvalSet, seedPages: SeedPage[], personas: VoicePersona[]): EvalFigures {
  return {
    attribution: {
      asPrinted: attributionTally(set.matchups, false),
      contentOnly: attributionTally(set.matchups, true),
    },
    decisions: {
      evalSet: decisionTally(set.matchups, panelFrames(personas)),
      seedPages: seedTally(set.seedPages.decisions, seedPages, personas),
    },
  }
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`

export function formatEvalFigures(figures: EvalFigures): string {
  const { asPrinted, contentOnly } = figures.attribution
  const { evalSet, seedPages } = figures.decisions
  const attribution = (label: string, tally: AttributionTally) =>
    `  ${label}: ${percent(accuracy.attribution(tally))} right of ${tally.accepted} attributed (${tally.correct}/${tally.accepted}); ${tally.total - tally.accepted} of ${tally.total} within the margin (coverage ${percent(accuracy.coverage(tally))})`
  return [
    'Attribution of a lone quote',
    attribution('as printed        ', asPrinted),
    attribution('names taken out   ', contentOnly),
    ...[...asPrinted.mistakes, ...contentOnly.mistakes].map(
      (mistake) => `    ✗ expected ${mistake.expected}, got ${mistake.got}: ${mistake.text.slice(0, 90)}…`,
    ),
    'Decisions where the percentage leaves a choice',
    `  evaluation set: ${percent(accuracy.decisions(evalSet))} (${evalSet.correct}/${evalSet.total})`,
    `  sample pages:   ${percent(accuracy.decisions(seedPages))} (${seedPages.correct}/${seedPages.total})`,
    ...evalSet.mistakes.map((mistake) => `    ✗ expected ${mistake.expected}: ${mistake.text.slice(0, 90)}…`),
  ].join('\n')
}
