import type { CollectionSlug, PayloadRequest } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { WorkflowNote } from '../workflow/targets.ts'
import type { PagePlan, PlannedVerdict, StoredPersona } from './planPage.ts'

import { richTextFromParagraphs } from '../catalog/richText.ts'
import { formatPercent } from '../scores/score.ts'
import type { Id } from '../domain/ids.ts'
import { contextKeys } from '../domain/contextKeys.ts'

/**
 * Writes a planned page through the Local API as a trusted system process (no user), every
 * call joining the caller's `req` and so its transaction. New records are published with
 * `publish`, else they wait in review. A changed record gets a new draft in review (over
 * its live version, which stays up); nothing unchanged is written. Inferred decisions and
 * inferred tools go to the persona's reviewers for confirmation, with a note in the workflow
 * history saying why, also when published. Returns the tools' live panel percentages afterwards.
 */
export async function applyPlan(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  plan: PagePlan,
  personas: StoredPersona[],
  { publish }: { publish: boolean },
): Promise<[null | number, null | number]> {
  const slugs = options.collectionSlugs
  const { payload } = req
  const { file, pageTitle } = plan.source
  const source = (line: number) => ({ file, line, pageTitle })
  const idOfDoc = (doc: unknown) => (doc as { id: Id }).id

  const create = async (collection: CollectionSlug, data: Record<string, unknown>, draft = false) =>
    idOfDoc(
      await payload.create({
        collection: collection,
        data: data,
        depth: 0,
        draft,
        overrideAccess: true,
        req,
      }),
    )
  const update = async (collection: CollectionSlug, id: Id, data: Record<string, unknown>, draft = false) => {
    await payload.update({
      id,
      collection: collection,
      data: data,
      depth: 0,
      draft,
      overrideAccess: true,
      req,
    })
  }
  const withNote = async <T>(comment: string, write: () => Promise<T>): Promise<T> => {
    const note: WorkflowNote = { action: 'import', comment }
    req.context[contextKeys.workflowNote] = note
    try {
      return await write()
    } finally {
      delete req.context[contextKeys.workflowNote]
    }
  }
  /** New content: published, or waiting in review. */
  const createReviewed = (collection: CollectionSlug, data: Record<string, unknown>, comment: string) =>
    withNote(comment, () =>
      publish
        ? create(collection, { ...data, _status: 'published' })
        : create(collection, { ...data, _status: 'draft', workflowStage: 'in_review' }, true),
    )
  /** Changed content: a new draft in review; a live version stays live until it is approved. */
  const draftForReview = (collection: CollectionSlug, id: Id, data: Record<string, unknown>, comment: string) =>
    withNote(comment, () => update(collection, id, { ...data, _status: 'draft', workflowStage: 'in_review' }, true))

  const categoryIds = new Map<string, Id>()
  for (const category of plan.categories) {
    categoryIds.set(
      category.slug,
      category.id ??
        (await create(slugs.categories, { name: category.name, slug: category.slug, source: source(category.line) })),
    )
  }

  for (const shift of plan.positionShifts) {
    await update(slugs.reviewers, shift.id, { position: shift.position })
  }
  const personaIds = new Map<string, Id>(
    personas.flatMap((persona) => (persona.id === undefined ? [] : [[persona.slug, persona.id]])),
  )
  const placeholderIds = new Map<number, Id>()
  for (const placeholder of plan.placeholders) {
    placeholderIds.set(
      placeholder.row,
      await create(slugs.reviewers, {
        lens: placeholder.lens,
        name: placeholder.name,
        needsAttention: true,
        position: placeholder.position,
        slug: placeholder.slug,
        source: source(placeholder.line),
        voiceMarkers: [],
      }),
    )
  }

  const toolIds = {} as Record<'left' | 'right', Id>
  for (const tool of plan.tools) {
    const { data } = tool
    const fields: Record<string, unknown> = {
      category: categoryIds.get(tool.categorySlug),
      description: richTextFromParagraphs([data.description]),
      name: data.name,
      pricing: { tier: data.tier },
      tagline: data.tagline,
    }
    const toolSource = {
      ...source(tool.line),
      printedCommunity: data.printed.community,
      printedEntry: data.printed.entry,
      printedPanel: data.printed.panel,
    }
    if (tool.action === 'create') {
      toolIds[tool.side] = await create(slugs.tools, { ...fields, slug: data.slug, source: toolSource })
    } else {
      toolIds[tool.side] = tool.id!
      if (tool.action === 'update') {
        // Only what the page changed: the pricing note and anything else an editor added stay.
        const changed = Object.fromEntries(Object.entries(fields).filter(([field]) => tool.changes.includes(field)))
        await update(slugs.tools, tool.id!, { ...changed, source: toolSource })
      }
    }
  }

  const where = (line: number) => `${file} ("${pageTitle}"), line ${line}`
  const inferredNote = (verdict: PlannedVerdict) => {
    const check = plan.panel[verdict.side === 'left' ? 0 : 1]
    return `Decision inferred by the importer: ${where(verdict.line)} prints ${formatPercent(check.printed)} for ${check.tool}, which is ${check.ship} of ${check.total} verdicts shipping, and this quote reads as "${verdict.decision}"${verdict.decisionReason ? ` (${verdict.decisionReason})` : ''}. Approve to confirm it, or request changes.`
  }
  const toolNote = (verdict: PlannedVerdict) => {
    const [chosen, other] = verdict.side === 'left' ? plan.tools : [plan.tools[1], plan.tools[0]]
    const scores = verdict.toolScores
    const closeness = scores
      ? ` (similarity ${scores[verdict.side].toFixed(3)} against ${scores[verdict.side === 'left' ? 'right' : 'left'].toFixed(3)})`
      : ''
    return `Tool inferred by the importer: the quote at ${where(verdict.line)} is the only one in its row and names neither "${chosen.data.name}" nor "${other.data.name}"; its words are clearly closer to ${chosen.data.name}'s name, tagline, description and verdicts than to those of ${other.data.name}${closeness}. Approve to confirm it, or request changes.`
  }
  /** Everything the persona's reviewers are asked to confirm about a verdict. */
  const inferenceNote = (verdict: PlannedVerdict) =>
    [verdict.inferred ? inferredNote(verdict) : '', verdict.toolInferred ? toolNote(verdict) : '']
      .filter(Boolean)
      .join(' ')
  for (const verdict of plan.verdicts) {
    if (verdict.action === 'unchanged') {
      continue
    }
    const data = {
      decision: verdict.decision,
      decisionInferred: verdict.inferred,
      toolInferred: verdict.toolInferred,
      quote: richTextFromParagraphs([verdict.text]),
      reviewer:
        'slug' in verdict.persona
          ? personaIds.get(verdict.persona.slug)
          : placeholderIds.get(verdict.persona.placeholderRow),
      source: source(verdict.line),
      tool: toolIds[verdict.side],
    }
    if (verdict.action === 'update') {
      const changed = `The page ${where(verdict.line)} changed this verdict (${verdict.changes.join(', ')}); the import saved it as a draft for review.`
      await draftForReview(
        slugs.verdicts,
        verdict.id!,
        data,
        [changed, inferenceNote(verdict)].filter(Boolean).join(' '),
      )
      continue
    }
    const imported = `Imported from ${where(verdict.line)}.`
    const toConfirm = inferenceNote(verdict)
    const id = await createReviewed(slugs.verdicts, data, publish || !toConfirm ? imported : toConfirm)
    if (publish && toConfirm) {
      // Live as printed, and in the persona's review queue until someone confirms it.
      await withNote(toConfirm, () => update(slugs.verdicts, id, { workflowStage: 'in_review' }, true))
    }
  }

  const matchup = {
    customTitle: null,
    leftTool: toolIds.left,
    rightTool: toolIds.right,
    source: source(plan.page.title.line),
  }
  if (plan.matchup.action === 'create') {
    await createReviewed(slugs.matchups, matchup, `Imported from ${where(plan.page.title.line)}.`)
  } else if (plan.matchup.action === 'update') {
    await draftForReview(
      slugs.matchups,
      plan.matchup.id!,
      matchup,
      `The page ${where(plan.page.title.line)} changed this matchup (${plan.matchup.changes.join(', ')}); the import saved it as a draft for review.`,
    )
  }

  const livePercent = async (id: Id) => {
    const tool = (await payload.findByID({ id, collection: slugs.tools, depth: 0, req })) as unknown as {
      panelScore?: { percent?: null | number }
    }
    return tool.panelScore?.percent ?? null
  }
  return [await livePercent(toolIds.left), await livePercent(toolIds.right)]
}
