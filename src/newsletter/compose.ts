import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { DigestMatchup, DigestScoreEntry } from './digest.ts'

import { idOf } from '../catalog/relations.ts'
import { composeDigest } from './digest.ts'
import { newsletterOrigin } from './links.ts'

type Id = number | string
const pageSize = 200

/** Every document of a query, a page at a time (the week's events are few; this stays bounded). */
async function findAll(
  req: PayloadRequest,
  collection: CollectionSlug,
  where: Where,
  depth = 0,
): Promise<Array<Record<string, unknown>>> {
  const docs: Array<Record<string, unknown>> = []
  for (let page = 1; ; page += 1) {
    const result = await req.payload.find({
      collection: collection as never,
      depth,
      limit: pageSize,
      overrideAccess: true,
      page,
      req,
      sort: 'createdAt',
      where,
    })
    docs.push(...(result.docs as Array<Record<string, unknown>>))
    if (!result.hasNextPage) {
      return docs
    }
  }
}

/**
 * Where the next issue starts: the end of the period the last sent issue covered (so no
 * week falls between two issues), else a week before `now`.
 */
export async function defaultPeriodStart(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  now: Date,
): Promise<Date> {
  const { docs } = await req.payload.find({
    collection: options.collectionSlugs.newsletterIssues,
    depth: 0,
    draft: true,
    limit: 1,
    overrideAccess: true,
    req,
    sort: '-sentAt',
    where: { deliveryStatus: { equals: 'sent' } },
  })
  const last = docs[0] as undefined | { periodEnd?: null | string; sentAt?: null | string }
  const end = last?.periodEnd ?? last?.sentAt
  return end ? new Date(end) : new Date(now.getTime() - 7 * 24 * 3600 * 1000)
}

/** Matchups that went live for the first time in [since, until], as they are live now. */
async function firstPublishedMatchups(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  since: Date,
  until: Date,
): Promise<DigestMatchup[]> {
  const { matchups, workflowEvents } = options.collectionSlugs
  const published: Where = { and: [{ 'document.relationTo': { equals: matchups } }, { to: { equals: 'published' } }] }
  const events = await findAll(req, workflowEvents, {
    and: [
      published,
      { createdAt: { greater_than_equal: since.toISOString() } },
      { createdAt: { less_than_equal: until.toISOString() } },
    ],
  })
  const firstSeen = new Map<string, { at: string; id: Id }>()
  for (const event of events) {
    const id = idOf((event.document as { value?: unknown } | undefined)?.value)
    if (id !== null && !firstSeen.has(String(id))) {
      firstSeen.set(String(id), { at: String(event.createdAt), id })
    }
  }
  const result: DigestMatchup[] = []
  for (const { at, id } of firstSeen.values()) {
    const earlier = await req.payload.count({
      collection: workflowEvents,
      overrideAccess: true,
      req,
      where: {
        and: [published, { 'document.value': { equals: id } }, { createdAt: { less_than: since.toISOString() } }],
      },
    })
    if (earlier.totalDocs > 0) {
      continue
    }
    const matchup = (await req.payload.findByID({
      id,
      collection: matchups,
      depth: 1,
      disableErrors: true,
      draft: false,
      overrideAccess: true,
      req,
    })) as null | {
      _status?: string
      leftTool?: { name?: string; panelScore?: { percent?: null | number } }
      rightTool?: { name?: string; panelScore?: { percent?: null | number } }
      slug?: string
      title?: string
    }
    if (!matchup || matchup._status !== 'published' || !matchup.slug) {
      continue
    }
    result.push({
      firstPublishedAt: at,
      slug: matchup.slug,
      title: matchup.title ?? matchup.slug,
      tools: [matchup.leftTool, matchup.rightTool].map((tool) => ({
        name: tool?.name ?? '?',
        panelPercent: tool?.panelScore?.percent ?? null,
      })),
    })
  }
  return result
}

async function panelScoreEntries(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  since: Date,
  until: Date,
): Promise<DigestScoreEntry[]> {
  const entries = await findAll(
    req,
    options.collectionSlugs.scoreHistory,
    {
      and: [
        { kind: { equals: 'panel' } },
        { createdAt: { greater_than_equal: since.toISOString() } },
        { createdAt: { less_than_equal: until.toISOString() } },
      ],
    },
    1,
  )
  return entries.map((entry) => {
    const tool = entry.tool as { id?: Id; name?: string } | Id
    const verdict = entry.verdict as null | { title?: string } | undefined
    return {
      action: String(entry.action),
      createdAt: String(entry.createdAt),
      from: (entry.from as { percent?: null | number }) ?? {},
      to: (entry.to as { percent?: null | number }) ?? {},
      toolId: typeof tool === 'object' ? (tool.id ?? '?') : tool,
      toolName: typeof tool === 'object' ? (tool.name ?? '?') : String(tool),
      verdictTitle: verdict && typeof verdict === 'object' ? (verdict.title ?? null) : null,
    }
  })
}

export type ComposedIssue = { id: Id; items: number; since: Date; title: string; until: Date }

/**
 * Composes the period's digest and saves it as a draft newsletter issue (a system write:
 * it enters the workflow at "draft", for editors to edit and submit).
 */
export async function composeIssue(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  args: { now?: Date; since?: Date } = {},
): Promise<ComposedIssue> {
  const until = args.now ?? new Date()
  const since = args.since ?? (await defaultPeriodStart(req, options, until))
  const digest = composeDigest({
    matchups: await firstPublishedMatchups(req, options, since, until),
    scoreEntries: await panelScoreEntries(req, options, since, until),
    since,
    siteUrl: newsletterOrigin(req.payload, options),
    until,
  })
  const issue = (await req.payload.create({
    collection: options.collectionSlugs.newsletterIssues,
    data: { ...digest, periodEnd: until.toISOString(), periodStart: since.toISOString() },
    depth: 0,
    draft: true,
    overrideAccess: true,
    req,
  })) as { id: Id }
  return { id: issue.id, items: digest.items.length, since, title: digest.title, until }
}
