import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { createLocalReq, NotFound } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { ReleaseBlocker } from './rules.ts'
import type { ReleaseDoc, ReleaseOutcome } from './publishRelease.ts'
import type { Id } from '../domain/ids.ts'

import { contextKeys } from '../domain/contextKeys.ts'
import { releaseReadiness, runRelease } from './publishRelease.ts'
import { isDueToPublish, isDueToUnpublish } from './rules.ts'
import { Refusal } from '../http/refusal.ts'

export const releaseTaskSlug = 'verdictsRunDueReleases'
export const releaseQueue = 'verdicts-releases'

/** The release as the caller may see it (the editorial team), or a 404. */
async function releaseFor(req: PayloadRequest, options: SanitizedVerdictsOptions, id: Id): Promise<ReleaseDoc> {
  const release = (await req.payload.findByID({
    id,
    collection: options.collectionSlugs.releases,
    depth: 0,
    disableErrors: true,
    overrideAccess: false,
    req,
  })) as null | ReleaseDoc
  if (!release) {
    throw new NotFound(req.t)
  }
  return release
}

/** "Publish now": the caller's own account acts, through the same checks as the job. */
export async function publishReleaseNow(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  id: Id,
  now = new Date(),
): Promise<ReleaseOutcome> {
  const release = await releaseFor(req, options, id)
  const user = req.user as null | { id: Id } | undefined
  if (!user) {
    throw new Refusal('sign in to publish a release', 403)
  }
  return runRelease(req.payload, options, release.id, { actorId: user.id, now })
}

/** Cancels a release that has not gone live; its items stay exactly as they are. */
export async function cancelRelease(req: PayloadRequest, options: SanitizedVerdictsOptions, id: Id): Promise<void> {
  const release = await releaseFor(req, options, id)
  if (release.status !== 'scheduled' && release.status !== 'blocked') {
    throw new Refusal(`a ${String(release.status)} release cannot be cancelled`, 409)
  }
  req.context[contextKeys.releaseTransition] = true
  try {
    await req.payload.update({
      id: release.id,
      collection: options.collectionSlugs.releases,
      data: { status: 'cancelled' },
      depth: 0,
      overrideAccess: false,
      req,
    })
  } finally {
    delete req.context[contextKeys.releaseTransition]
  }
}

/**
 * The release view's answer: its status and, while it has not gone live, what would keep
 * it from going live if it ran now (an item edited since its approval shows here at once).
 */
export async function checkRelease(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  id: Id,
): Promise<{ blockers: ReleaseBlocker[]; status: string }> {
  const release = await releaseFor(req, options, id)
  const pending = release.status === 'scheduled' || release.status === 'blocked'
  return {
    blockers: pending ? await releaseReadiness(req.payload, options, release) : [],
    status: String(release.status),
  }
}

/**
 * The queue's regular look: every scheduled release whose time has come goes live (or is
 * blocked), and every published release past its `unpublishAt` comes down. `now` is the
 * clock (tests pass their own).
 */
export async function runDueReleases(
  payload: Payload,
  options: SanitizedVerdictsOptions,
  { now = new Date() }: { now?: Date } = {},
): Promise<Array<{ id: Id; outcome: ReleaseOutcome }>> {
  const req = await createLocalReq({}, payload)
  const { docs } = await payload.find({
    collection: options.collectionSlugs.releases as never,
    depth: 0,
    limit: 0,
    pagination: false,
    req,
    sort: 'publishAt',
    where: { status: { in: ['scheduled', 'published'] } },
  })
  const results: Array<{ id: Id; outcome: ReleaseOutcome }> = []
  for (const release of docs as ReleaseDoc[]) {
    if (isDueToPublish(release, now)) {
      results.push({ id: release.id, outcome: await runRelease(payload, options, release.id, { now }) })
    } else if (isDueToUnpublish(release, now)) {
      results.push({
        id: release.id,
        outcome: await runRelease(payload, options, release.id, { action: 'unpublish', now }),
      })
    }
  }
  return results
}

export function createRunDueReleasesTask(options: SanitizedVerdictsOptions): TaskConfig {
  return {
    slug: releaseTaskSlug,
    handler: async ({ input, req }) => {
      const asOf = (input as { asOf?: null | string } | undefined)?.asOf
      const results = await runDueReleases(req.payload, options, { now: asOf ? new Date(asOf) : new Date() })
      return { output: { ran: results.length } }
    },
    inputSchema: [{ name: 'asOf', type: 'date' }],
    label: 'Publish the releases that are due',
    outputSchema: [{ name: 'ran', type: 'number' }],
    schedule: [{ cron: options.releases.cron, queue: releaseQueue }],
  }
}
