import type { Payload, PayloadRequest } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { Id } from '../domain/ids.ts'

import { invalidationBusOf } from '../cluster/invalidationBus.ts'
import { contextKeys } from '../domain/contextKeys.ts'
import { toolTag } from '../domain/cacheTags.ts'
import { affectedListTags, affectedTags } from './affectedPages.ts'
import { pageCacheOf } from './pageCache.ts'
import { bumpStoredPages } from './pageStore.ts'

/**
 * Cached pages are dropped once the writes that made them stale are visible to readers.
 *
 * A hook runs inside its operation's transaction: dropping a page there lets a concurrent
 * reader rebuild it from the data committed so far (the old figures) and cache that until
 * the next change. So inside a transaction the tags are held per transaction and dropped
 * right after its commit; the page cache then also discards any page whose build began
 * before. Without a transaction (a database that has none) the write is already visible
 * and the pages are dropped at once.
 *
 * With `cluster.redisUrl` the same tags go to every other process (src/cluster/invalidationBus.ts).
 *
 * The tags are also remembered on the request, so a recount that a verdict's change set off
 * in the same request need not look up the pages that change has already named.
 */

const registrySlot = Symbol.for('verdicts-cms.pages-pending-commit')
type WithRegistry = Payload & { [registrySlot]?: Map<Id, Set<string>> }

/** Wraps the database adapter's commit and rollback once per Payload instance. */
export function dropPagesOnCommit(payload: Payload): void {
  const holder = payload as WithRegistry
  if (holder[registrySlot]) {
    return
  }
  const pending = new Map<Id, Set<string>>()
  holder[registrySlot] = pending
  const { db } = payload
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (id) => {
    const named = pending.get(id as Id)
    if (named) {
      // Inside the transaction, as its last statement: the stored copies of its pages get a
      // new version before anyone can read the change (src/public/pageStore.ts).
      await bumpStoredPages(payload, named, id as Id)
    }
    await commit(id)
    const tags = pending.get(id as Id)
    if (tags) {
      pending.delete(id as Id)
      dropPages(payload, tags)
    }
  }
  db.rollbackTransaction = async (id) => {
    pending.delete(id as Id)
    await rollback(id)
  }
}

/** Drops the pages here and, through the bus, in every other process. */
function dropPages(payload: Payload, tags: Iterable<string>): void {
  const list = [...tags]
  pageCacheOf(payload).invalidate(list)
  invalidationBusOf(payload)?.publish(list)
}

function namedInRequest(req: PayloadRequest): Set<string> {
  const named = req.context[contextKeys.stalePages] as Set<string> | undefined
  if (named) {
    return named
  }
  const fresh = new Set<string>()
  req.context[contextKeys.stalePages] = fresh
  return fresh
}

/**
 * Drops the pages `tags` name once this request's writes are committed (at once without a
 * transaction). Their stored copies are marked stale inside the transaction, just before
 * it commits; without one, here, after the write.
 */
export async function dropPagesAfterCommit(req: PayloadRequest, tags: Iterable<string>): Promise<void> {
  const list = [...tags]
  const named = namedInRequest(req)
  for (const tag of list) {
    named.add(tag)
  }
  const pending = (req.payload as WithRegistry)[registrySlot]
  // A transaction id is a string or number once begun; a database without transactions
  // leaves a promise of nothing here (and `instanceof Promise` can miss one from another realm).
  const transactionID = req.transactionID
  const inTransaction = typeof transactionID === 'string' || typeof transactionID === 'number'
  if (pending && inTransaction) {
    const held = pending.get(transactionID) ?? new Set<string>()
    for (const tag of list) {
      held.add(tag)
    }
    pending.set(transactionID, held)
    return
  }
  // No commit hook yet (a write before the plugin's onInit ran, as a host's own onInit
  // seeding content) while a transaction may be open: its stored pages are marked on that
  // transaction's connection. On another connection the statement would wait for the write
  // lock this very transaction holds (SQLite) until it timed out.
  await bumpStoredPages(req.payload, list, inTransaction ? transactionID : undefined)
  dropPages(req.payload, list)
}

/** Whether a change earlier in this request already named the page `tag`. */
export function pageAlreadyDropped(req: PayloadRequest, tag: string): boolean {
  return namedInRequest(req).has(tag)
}

type ToolDoc = Record<string, unknown> & { id: Id }

/**
 * The pages a recount of a tool's figures (scores, public flag) makes stale: the lists it
 * enters, leaves or moves in, and its pages unless the change that set the recount off in
 * this request has named them already (a verdict names its tool and the tool's matchups).
 */
export async function dropPagesOfRecountedTool(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  tool: ToolDoc,
  previous: ToolDoc,
): Promise<void> {
  const collection = options.collectionSlugs.tools
  await dropPagesAfterCommit(req, affectedListTags(options, collection, tool, previous))
  if (!pageAlreadyDropped(req, toolTag(String(tool.slug)))) {
    await dropPagesAfterCommit(req, await affectedTags(req, options, collection, [tool, previous]))
  }
}
