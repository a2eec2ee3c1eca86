import type { Endpoint, PayloadRequest, Where } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { WorkflowStage } from './rules.ts'
import type { WorkflowTarget } from './targets.ts'
import type { Id } from '../domain/ids.ts'

import { hasRole } from '../access/roles.ts'
import { plainTextOf } from '../catalog/richText.ts'
import { idOf } from '../catalog/relations.ts'
import { errorResponse } from '../http/endpointHelpers.ts'
import { workflowUserOf } from './actor.ts'
import { workflowTargets } from './targets.ts'

/** One document in a dashboard list. */
export type DashboardItem = {
  collection: string
  id: Id
  kind: WorkflowTarget['kind']
  stage: WorkflowStage
  title: string
  updatedAt: string
}

/** What changed since the published version, one line per field. */
export type DashboardChange = { after: string; before: string; field: string }

export type AwaitingItem = DashboardItem & {
  /** null: never published, so everything is new. */
  changes: DashboardChange[] | null
  decision: null | string
  quote: null | string
  submittedAt: null | string
  submittedBy: null | string
}

export type ChangesRequestedItem = DashboardItem & { comment: null | string; requestedBy: null | string }

export type DashboardNotification = {
  action: string
  at: string
  by: null | string
  collection: string
  comment: null | string
  id: Id
  title: string
}

export type FailedDelivery = {
  at: string
  collection: string
  error: null | string
  eventType: null | string
  id: Id
  url: null | string
}

export type Dashboard = {
  approved?: DashboardItem[]
  awaiting?: AwaitingItem[]
  changesRequested?: ChangesRequestedItem[]
  drafts?: DashboardItem[]
  failedDeliveries?: FailedDelivery[]
  notifications: DashboardNotification[]
  recentlyPublished?: DashboardItem[]
  role: string
}

const listLimit = 20
const quotePreviewLength = 280

type Doc = Record<string, unknown> & { id: Id }
type EventDoc = {
  action: string
  comment?: null | string
  createdAt: string
  document?: { relationTo: string; value: Doc | Id }
  title?: null | string
  user?: { email?: string; name?: string } | Id | null
}

const nameOf = (user: unknown): null | string =>
  user && typeof user === 'object'
    ? String((user as { name?: string }).name || (user as { email?: string }).email || '') || null
    : null

function itemOf(target: WorkflowTarget, doc: Doc): DashboardItem {
  return {
    collection: target.slug,
    id: doc.id,
    kind: target.kind,
    stage: (doc.workflowStage ?? 'draft') as WorkflowStage,
    title: String(doc.title ?? `${target.kind} ${doc.id}`),
    updatedAt: String(doc.updatedAt ?? ''),
  }
}

/** The caller's view of each workflow collection's newest versions that match `where`. */
async function newest(
  req: PayloadRequest,
  target: WorkflowTarget,
  where: Where,
  { limit = listLimit, sort = '-updatedAt' } = {},
): Promise<Doc[]> {
  const result = await req.payload.find({
    collection: target.slug,
    depth: 0,
    draft: true,
    limit,
    overrideAccess: false,
    req,
    sort,
    where,
  })
  return result.docs as unknown as Doc[]
}

/** The latest workflow event of `action` on each document, newest first (user populated). */
async function latestEvents(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  target: WorkflowTarget,
  ids: Id[],
  action: string,
): Promise<Map<string, EventDoc>> {
  if (ids.length === 0) {
    return new Map()
  }
  const { docs } = await req.payload.find({
    collection: options.collectionSlugs.workflowEvents,
    depth: 1,
    limit: ids.length * 5,
    overrideAccess: false,
    populate: { [options.collectionSlugs.users]: { email: true, name: true } },
    req,
    select: { action: true, comment: true, createdAt: true, document: true, user: true },
    sort: '-createdAt',
    where: {
      and: [
        { 'document.relationTo': { equals: target.slug } },
        { 'document.value': { in: ids } },
        { action: { equals: action } },
      ],
    },
  })
  const latest = new Map<string, EventDoc>()
  for (const event of docs as unknown as EventDoc[]) {
    const key = String(idOf(event.document?.value))
    if (!latest.has(key)) {
      latest.set(key, event)
    }
  }
  return latest
}

/** The persona ids whose verdicts this reviewer approves. */
async function approvedPersonas(req: PayloadRequest, options: SanitizedVerdictsOptions, userId: Id): Promise<Id[]> {
  const { docs } = await req.payload.find({
    collection: options.collectionSlugs.reviewers,
    depth: 0,
    limit: 0,
    overrideAccess: false,
    pagination: false,
    req,
    select: { name: true },
    where: { approvers: { in: [userId] } },
  })
  return docs.map((persona) => (persona as { id: Id }).id)
}

/**
 * What the signed-in user may judge now: documents in review, verdicts only of personas
 * they approve for (admins: all), matchups and issues for any reviewer. Shared by the
 * `awaiting-approval` endpoint and the dashboard.
 */
export async function awaitingApprovalDocs(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  target: WorkflowTarget,
  limit = listLimit,
): Promise<Doc[]> {
  const query = { limit, sort: 'updatedAt' }
  const user = workflowUserOf(req, options)
  if (!user || !hasRole(req, 'admin', 'reviewer')) {
    return []
  }
  const inReview: Where = { workflowStage: { equals: 'in_review' } }
  if (target.personaField && !hasRole(req, 'admin')) {
    const personas = await approvedPersonas(req, options, user.id)
    return newest(req, target, { and: [inReview, { [target.personaField]: { in: personas } }] }, query)
  }
  return newest(req, target, inReview, query)
}

/** The published version of a document, or null when it has none. */
async function liveVersion(req: PayloadRequest, target: WorkflowTarget, id: Id): Promise<Doc | null> {
  const live = (await req.payload.findByID({
    id,
    collection: target.slug,
    depth: 0,
    disableErrors: true,
    draft: false,
    overrideAccess: false,
    req,
  })) as Doc | null
  return live?._status === 'published' ? live : null
}

/** Readable text of one field's value for the diff: rich text as plain text, relations by title. */
function shown(value: unknown, titles: Map<string, string>): string {
  if (value && typeof value === 'object' && 'root' in (value as object)) {
    return plainTextOf(value)
  }
  const id = idOf(value)
  if (id !== null && titles.has(String(id))) {
    return titles.get(String(id))!
  }
  return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** The approval-relevant fields that differ between the live version and the one in review. */
export function changesSinceLive(
  target: WorkflowTarget,
  draft: Doc,
  live: Doc,
  titles: Map<string, string> = new Map(),
): DashboardChange[] {
  const fields = [...target.fingerprint.relations, ...target.fingerprint.values]
  return fields.flatMap((field) => {
    const before = shown(live[field], titles)
    const after = shown(draft[field], titles)
    return before === after ? [] : [{ after, before, field }]
  })
}

async function awaitingItems(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  target: WorkflowTarget,
): Promise<AwaitingItem[]> {
  const docs = await awaitingApprovalDocs(req, options, target)
  const submissions = await latestEvents(
    req,
    options,
    target,
    docs.map((doc) => doc.id),
    'submit',
  )
  return Promise.all(
    docs.map(async (doc) => {
      const live = await liveVersion(req, target, doc.id)
      const submission = submissions.get(String(doc.id))
      const quote = 'quote' in doc ? plainTextOf(doc.quote) : null
      return {
        ...itemOf(target, doc),
        changes: live ? changesSinceLive(target, doc, live) : null,
        decision: typeof doc.decision === 'string' ? doc.decision : null,
        quote:
          quote === null ? null : quote.length > quotePreviewLength ? `${quote.slice(0, quotePreviewLength)}…` : quote,
        submittedAt: submission?.createdAt ?? null,
        submittedBy: nameOf(submission?.user),
      }
    }),
  )
}

/** Workflow events by others on documents the user created or last edited: the mail, in the admin. */
async function notificationsFor(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  targets: WorkflowTarget[],
  userId: Id,
): Promise<DashboardNotification[]> {
  const mine = await Promise.all(
    targets.map(async (target) => {
      const docs = await newest(req, target, {
        or: [{ createdBy: { equals: userId } }, { lastEditedBy: { equals: userId } }],
      })
      return docs.map((doc) => ({ slug: target.slug, value: doc.id }))
    }),
  )
  const documents = mine.flat()
  if (documents.length === 0) {
    return []
  }
  const { docs } = await req.payload.find({
    collection: options.collectionSlugs.workflowEvents,
    depth: 1,
    limit: 10,
    overrideAccess: false,
    populate: { [options.collectionSlugs.users]: { email: true, name: true } },
    req,
    select: { action: true, comment: true, createdAt: true, document: true, title: true, user: true },
    sort: '-createdAt',
    where: {
      and: [
        { action: { in: ['approve', 'request_changes', 'publish', 'unpublish', 'stale', 'tool_changed'] } },
        { user: { not_equals: userId } },
        {
          or: targets.map((target): Where => ({
            and: [
              { 'document.relationTo': { equals: target.slug } },
              {
                'document.value': {
                  in: documents.filter((doc) => doc.slug === target.slug).map((doc) => doc.value),
                },
              },
            ],
          })),
        },
      ],
    },
  })
  return (docs as unknown as EventDoc[]).map((event) => ({
    action: event.action,
    at: event.createdAt,
    by: nameOf(event.user),
    collection: event.document?.relationTo ?? '',
    comment: event.comment ?? null,
    id: idOf(event.document?.value) as Id,
    title: String(event.title ?? ''),
  }))
}

/** Everything the signed-in user's dashboard shows, by role. */
export async function dashboardFor(req: PayloadRequest, options: SanitizedVerdictsOptions): Promise<Dashboard | null> {
  const user = workflowUserOf(req, options)
  if (!user?.role) {
    return null
  }
  const targets = Object.values(workflowTargets(options))
  const edits = user.role === 'admin' || user.role === 'editor'
  const judges = user.role === 'admin' || user.role === 'reviewer'
  const perTarget = async <T>(list: (target: WorkflowTarget) => Promise<T[]>) =>
    (await Promise.all(targets.map(list))).flat()
  const byNewest = <T extends { updatedAt: string }>(items: T[]) =>
    items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, listLimit)
  const mine: Where = { or: [{ createdBy: { equals: user.id } }, { lastEditedBy: { equals: user.id } }] }
  const stage = (value: WorkflowStage): Where => ({ workflowStage: { equals: value } })

  const [drafts, changesRequested, approved, recentlyPublished, awaiting, notifications, failedDeliveries] =
    await Promise.all([
      edits
        ? perTarget(async (target) =>
            (await newest(req, target, { and: [stage('draft'), mine] })).map((doc) => itemOf(target, doc)),
          )
        : undefined,
      edits
        ? perTarget(async (target) => {
            const docs = await newest(req, target, { and: [stage('changes_requested'), mine] })
            const requests = await latestEvents(
              req,
              options,
              target,
              docs.map((doc) => doc.id),
              'request_changes',
            )
            return docs.map((doc) => ({
              ...itemOf(target, doc),
              comment: requests.get(String(doc.id))?.comment ?? null,
              requestedBy: nameOf(requests.get(String(doc.id))?.user),
            }))
          })
        : undefined,
      edits
        ? perTarget(async (target) => (await newest(req, target, stage('approved'))).map((doc) => itemOf(target, doc)))
        : undefined,
      edits
        ? perTarget(async (target) => (await newest(req, target, stage('published'))).map((doc) => itemOf(target, doc)))
        : undefined,
      judges ? perTarget((target) => awaitingItems(req, options, target)) : undefined,
      notificationsFor(req, options, targets, user.id),
      user.role === 'admin'
        ? req.payload
            .find({
              collection: options.collectionSlugs.webhookDeliveries,
              depth: 0,
              limit: 10,
              overrideAccess: false,
              req,
              sort: '-createdAt',
              where: { outcome: { in: ['failed', 'gave-up'] } },
            })
            .then(({ docs }) =>
              (docs as unknown as Array<Record<string, unknown> & { id: Id }>).map((delivery) => ({
                at: String(delivery.createdAt),
                collection: options.collectionSlugs.webhookDeliveries,
                error: (delivery.error as null | string) ?? null,
                eventType: (delivery.eventType as null | string) ?? null,
                id: delivery.id,
                url: (delivery.url as null | string) ?? null,
              })),
            )
        : undefined,
    ])
  return {
    approved: approved && byNewest(approved),
    awaiting: awaiting?.sort((a, b) => (a.submittedAt ?? a.updatedAt).localeCompare(b.submittedAt ?? b.updatedAt)),
    changesRequested: changesRequested && byNewest(changesRequested),
    drafts: drafts && byNewest(drafts),
    failedDeliveries,
    notifications,
    recentlyPublished: recentlyPublished && byNewest(recentlyPublished).slice(0, 10),
    role: user.role,
  }
}

/** `GET /api/editorial/dashboard`: the signed-in member of the editorial team's dashboard. */
export function createDashboardEndpoint(options: SanitizedVerdictsOptions): Endpoint {
  return {
    handler: async (req) => {
      const dashboard = await dashboardFor(req, options)
      return dashboard
        ? Response.json(dashboard, { headers: { 'Cache-Control': 'private, no-store' } })
        : errorResponse(403, 'only the editorial team has a dashboard')
    },
    method: 'get',
    path: '/editorial/dashboard',
  }
}
