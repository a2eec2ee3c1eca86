import { createHash } from 'node:crypto'
import path from 'node:path'

import type { Score } from '../scores/score.ts'
import type { SanitizedVerdictsOptions } from '../options.ts'
import type { ContentScores, ToolDocument } from './attributeByContent.ts'
import type { Side, ToolEvidence, VoicePersona } from './attributeQuotes.ts'
import type { PageTool, ParsedPage } from './parsePage.ts'
import type { StoredState } from './storedState.ts'

import { idOf, sameId } from '../catalog/relations.ts'
import { plainTextOf } from '../catalog/richText.ts'
import { computeScore, formatPercent } from '../scores/score.ts'
import { matchupSlug, slugify } from '../catalog/slugify.ts'
import { toolNames } from './attributeByContent.ts'
import { attributeQuotes } from './attributeQuotes.ts'
import { describeDecisionEvidence } from './decisionEvidence.ts'
import { DecisionError, inferDecisions, panelFrames } from './inferDecisions.ts'
import { PageError } from './parsePage.ts'
import { sameText } from './phrases.ts'
import type { Decision } from '../domain/decisions.ts'
import { taglineMaxLength } from '../domain/limits.ts'
import type { Id } from '../domain/ids.ts'

/** A persona as the importer sees it; `id` is missing for one not written yet (a dry run). */
export type StoredPersona = VoicePersona & { id?: Id }

export type RecordAction = 'create' | 'unchanged' | 'update'

export type Source = { file: string; line: number; pageTitle: string }

export type PlannedCategory = { action: RecordAction; id?: Id; line: number; name: string; slug: string }

export type PlannedPlaceholder = {
  lens: string
  line: number
  name: string
  position: number
  row: number
  slug: string
}

export type PlannedTool = {
  action: RecordAction
  categorySlug: string
  changes: string[]
  data: {
    description: string
    name: string
    printed: { community: string; entry: string; panel: string }
    slug: string
    tagline: string
    tier: string
  }
  id?: Id
  line: number
  side: Side
}

export type PlannedVerdict = {
  action: RecordAction
  changes: string[]
  decision: Decision
  id?: Id
  inferred: boolean
  line: number
  /** A known persona's slug, or the placeholder row it belongs to. */
  persona: { placeholderRow: number } | { slug: string }
  personaName: string
  side: Side
  text: string
  /** How the tool was found; 'content' means inferred, for the reviewers to confirm. */
  toolEvidence: ToolEvidence
  toolInferred: boolean
  /** For an inferred tool: the quote's similarity to each tool. */
  toolScores?: ContentScores
  /** For an inferred decision: what in the quote made it ship or skip. */
  decisionReason?: string
}

/** What the caller adds to the page: sides a person assigned (`--assign`), by line. */
export type PlanContext = { assignments?: Map<number, Side> }

export type PlannedMatchup = { action: RecordAction; changes: string[]; id?: Id; slug: string }

export type PanelCheck = {
  /** Verdicts of the tool that the page does not show (other personas); they count too. */
  otherVerdicts: number
  /** What the tool's verdicts will add up to once everything here is published. */
  planned: Score
  printed: null | number
  ship: number
  tool: string
  total: number
  inferred: boolean
}

export type PagePlan = {
  categories: PlannedCategory[]
  matchup: PlannedMatchup
  page: ParsedPage
  panel: [PanelCheck, PanelCheck]
  placeholders: PlannedPlaceholder[]
  /** Existing personas that move down one place to make room for a placeholder. */
  positionShifts: Array<{ id: Id; name: string; position: number }>
  source: Omit<Source, 'line'>
  tools: [PlannedTool, PlannedTool]
  verdicts: PlannedVerdict[]
}

const sides: Side[] = ['left', 'right']

/** What the page says about a tool, in the tool's own fields. */
function toolData(tool: PageTool, tier: string): PlannedTool['data'] {
  return {
    description: tool.description.value,
    name: tool.name.value,
    printed: {
      community: formatPercent(tool.community.value),
      entry: tool.entry.value,
      panel: formatPercent(tool.panel.value),
    },
    slug: slugify(tool.name.value),
    tagline: tool.tagline.value,
    tier,
  }
}

function placeholderIdentity(page: ParsedPage, text: string, line: number) {
  const file = path.basename(page.file)
  return {
    name: `Unidentified voice (${file}, line ${line})`,
    slug: `unidentified-voice-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`,
    lens: `Placeholder created by the importer: the quote at ${file} line ${line} matched no persona's voice markers. Give this persona its name, lens and voice markers, or move its verdicts to the persona who wrote them.`,
  }
}

/**
 * Works out everything a page means for the database without writing anything: which
 * records it creates, changes or leaves alone, who said each quote about which tool, and
 * the decisions that reproduce the printed percentages. Pure: the records it compares
 * with are read beforehand (`loadStoredState`). Any problem is a PageError with the file
 * and line; a page that plans cleanly can be written in one go.
 */
export function planPage(
  options: SanitizedVerdictsOptions,
  page: ParsedPage,
  personas: StoredPersona[],
  records: StoredState,
  context: PlanContext = {},
): PagePlan {
  const fail = (line: number, reason: string): never => {
    throw new PageError(page.file, line, reason)
  }

  const tiers = page.tools.map((tool) => {
    const tier = options.pricingTiers.find((option) => option.label.toLowerCase() === tool.entry.value.toLowerCase())
    if (!tier) {
      fail(
        tool.entry.line,
        `unknown pricing label "${tool.entry.value}"; the pricing tiers are ${options.pricingTiers.map((option) => option.label).join(', ')}`,
      )
    }
    for (const named of [tool.name, tool.category]) {
      if (!slugify(named.value)) {
        fail(named.line, `"${named.value}" has no letters or digits to make a slug from`)
      }
    }
    if (tool.tagline.value.length > taglineMaxLength) {
      fail(
        tool.tagline.line,
        `the tagline is ${tool.tagline.value.length} characters long; tools allow ${taglineMaxLength}`,
      )
    }
    return tier!.value
  })
  const data = page.tools.map((tool, index) => toolData(tool, tiers[index]))

  // Categories
  const categoryNames = new Map(page.tools.map((tool) => [slugify(tool.category.value), tool.category]))
  const categories: PlannedCategory[] = [...categoryNames].map(([slug, { line, value: name }]) => {
    const stored = records.categories.find((category) => category.slug === slug)
    return { action: stored ? 'unchanged' : 'create', id: stored?.id, line, name, slug }
  })
  const categoryIdOf = (slug: string) => categories.find((category) => category.slug === slug)?.id

  // Tools and their existing verdicts (latest versions, drafts included)
  const storedToolOf = (side: Side) => records.tools.find((tool) => tool.slug === data[sides.indexOf(side)].slug)
  const storedVerdicts = records.verdicts
  const personaById = new Map(
    personas.filter((persona) => persona.id !== undefined).map((persona) => [String(persona.id), persona]),
  )
  const sideOfTool = (toolId: unknown): null | Side =>
    sides.find((side) => sameId(storedToolOf(side)?.id, toolId)) ?? null
  const existingVerdicts = storedVerdicts.flatMap((verdict) => {
    const persona = personaById.get(String(idOf(verdict.reviewer)))
    const side = sideOfTool(verdict.tool)
    return persona && side
      ? [
          {
            decision: verdict.decision as Decision,
            id: verdict.id,
            inferred: Boolean(verdict.decisionInferred),
            persona: persona.slug,
            side,
            text: plainTextOf(verdict.quote),
            toolInferred: Boolean(verdict.toolInferred),
          },
        ]
      : []
  })

  // What a quote that names neither tool is compared with: the tool as the page prints it,
  // and every verdict the tool already has (any persona's).
  const documentOf = (side: Side): ToolDocument => {
    const tool = page.tools[sides.indexOf(side)]
    const stored = storedToolOf(side)
    return {
      description: tool.description.value,
      name: tool.name.value,
      tagline: tool.tagline.value,
      verdicts: stored
        ? storedVerdicts
            .filter((verdict) => sameId(verdict.tool, stored.id))
            .map((verdict) => plainTextOf(verdict.quote))
        : [],
    }
  }
  const attribution = attributeQuotes(page, personas, existingVerdicts, {
    assignments: context.assignments,
    documents: [documentOf('left'), documentOf('right')],
  })

  // Placeholder personas go where the page shows them in the panel order.
  const panel = personas.map((persona) => ({ ...persona })).sort((a, b) => a.position - b.position)
  const placeholders: PlannedPlaceholder[] = []
  const shifted = new Map<Id, { name: string; position: number }>()
  for (const row of attribution.placeholders) {
    const firstQuote = attribution.quotes.find((quote) => quote.line === row.lines[0])!
    const identity = placeholderIdentity(page, firstQuote.text, firstQuote.line)
    const before = row.beforePersona ? panel.find((persona) => persona.slug === row.beforePersona) : undefined
    const position = before ? before.position : Math.max(0, ...panel.map((persona) => persona.position)) + 1
    if (before) {
      for (const persona of panel.filter((member) => member.position >= position)) {
        persona.position += 1
        if (persona.id !== undefined) {
          shifted.set(persona.id, { name: persona.name, position: persona.position })
        }
        const placeholder = placeholders.find((planned) => planned.slug === persona.slug)
        if (placeholder) {
          placeholder.position = persona.position
        }
      }
    }
    panel.push({ name: identity.name, position, slug: identity.slug, voiceMarkers: [] })
    placeholders.push({ ...identity, line: firstQuote.line, position, row: row.row })
  }

  // Decisions, per tool, reproducing the printed percentage
  const verdicts: PlannedVerdict[] = []
  const frames = panelFrames(panel)
  const panelChecks = sides.map((side, index): PanelCheck => {
    const tool = page.tools[index]
    const names = toolNames({ description: tool.description.value, name: tool.name.value, tagline: tool.tagline.value })
    const quotes = attribution.quotes.filter((quote) => quote.side === side)
    const existingOf = (quote: (typeof quotes)[number]) =>
      quote.persona === null
        ? undefined
        : existingVerdicts.find((verdict) => verdict.persona === quote.persona && verdict.side === side)
    let plan
    try {
      plan = inferDecisions(
        tool.panel.value,
        quotes.map((quote) => {
          const existing = existingOf(quote)
          return { existing: existing && sameText(existing.text, quote.text) ? existing : undefined, text: quote.text }
        }),
        frames,
        names,
      )
    } catch (error) {
      if (error instanceof DecisionError) {
        return fail(tool.panel.line, `${tool.name.value}: ${error.message}`)
      }
      throw error
    }
    for (const [position, quote] of quotes.entries()) {
      const existing = existingOf(quote)
      const decision = plan.decisions[position]
      const changes = existing
        ? [
            ...(sameText(existing.text, quote.text) ? [] : ['quote']),
            ...(existing.decision === decision ? [] : ['decision']),
          ]
        : []
      const placeholder = placeholders.find((planned) => planned.row === quote.placeholderRow)
      verdicts.push({
        action: !existing ? 'create' : changes.length ? 'update' : 'unchanged',
        changes,
        decision,
        id: existing?.id,
        inferred: plan.inferred[position],
        line: quote.line,
        persona: quote.persona !== null ? { slug: quote.persona } : { placeholderRow: quote.placeholderRow! },
        personaName:
          quote.persona !== null
            ? (personas.find((persona) => persona.slug === quote.persona)?.name ?? quote.persona)
            : placeholder!.name,
        side,
        text: quote.text,
        toolEvidence: quote.toolEvidence,
        // A tool inferred earlier stays flagged until a person approves the verdict.
        toolInferred:
          quote.toolEvidence === 'content' ||
          (quote.toolEvidence === 'existing-verdict' && Boolean(existing?.toolInferred)),
        ...(quote.toolScores ? { toolScores: quote.toolScores } : {}),
        ...(plan.inferred[position] ? { decisionReason: describeDecisionEvidence(quote.text, frames, names) } : {}),
      })
    }
    const onPage = new Set(quotes.map((quote) => quote.persona))
    const others = existingVerdicts.filter((verdict) => verdict.side === side && !onPage.has(verdict.persona))
    const ship = plan.ship + others.filter((verdict) => verdict.decision === 'ship').length
    return {
      inferred: plan.inferred.some(Boolean),
      otherVerdicts: others.length,
      planned: computeScore(ship, plan.total + others.length - ship),
      printed: tool.panel.value,
      ship: plan.ship,
      tool: tool.name.value,
      total: plan.total,
    }
  })
  verdicts.sort((a, b) => a.line - b.line)

  const tools = sides.map((side, index): PlannedTool => {
    const planned = data[index]
    const stored = storedToolOf(side)
    const categorySlug = slugify(page.tools[index].category.value)
    if (!stored) {
      return { action: 'create', categorySlug, changes: [], data: planned, line: page.tools[index].name.line, side }
    }
    const printed = (stored.source ?? {}) as Record<string, unknown>
    const pricing = (stored.pricing ?? {}) as { tier?: string }
    const changes = [
      stored.name !== planned.name && 'name',
      (stored.tagline ?? '') !== planned.tagline && 'tagline',
      !sameId(stored.category, categoryIdOf(categorySlug)) && 'category',
      !sameText(plainTextOf(stored.description), planned.description) && 'description',
      pricing.tier !== planned.tier && 'pricing',
      (printed.printedPanel !== planned.printed.panel ||
        printed.printedCommunity !== planned.printed.community ||
        printed.printedEntry !== planned.printed.entry) &&
        'printed figures',
    ].filter((change): change is string => Boolean(change))
    return {
      action: changes.length ? 'update' : 'unchanged',
      categorySlug,
      changes,
      data: planned,
      id: stored.id,
      line: page.tools[index].name.line,
      side,
    }
  }) as [PlannedTool, PlannedTool]

  // The matchup: one per pair of tools, in either order
  const [left, right] = tools
  const stored = records.matchup
  const matchupChanges = stored
    ? [!sameId(stored.leftTool, left.id) && 'order of the tools', Boolean(stored.customTitle) && 'title'].filter(
        (change): change is string => Boolean(change),
      )
    : []
  const matchup: PlannedMatchup = {
    action: !stored ? 'create' : matchupChanges.length ? 'update' : 'unchanged',
    changes: matchupChanges,
    id: stored?.id,
    slug: matchupSlug(left.data.slug, right.data.slug),
  }

  return {
    categories,
    matchup,
    page,
    panel: panelChecks as [PanelCheck, PanelCheck],
    placeholders,
    positionShifts: [...shifted].map(([id, persona]) => ({ id, ...persona })),
    source: { file: path.basename(page.file), pageTitle: page.title.value },
    tools,
    verdicts,
  }
}
