import type { Payload, PayloadRequest, Where } from 'payload'

import { createLocalReq } from 'payload'

import { claimsCollection, serialiseOn } from './jobClaims.ts'

/**
 * Scheduled jobs (a task's `schedule`: the newsletter's compose, the freshness run, due
 * releases) are queued once per slot with any number of processes running the queue.
 *
 * Payload 3.90 queues them from each runner's cron (`jobs.handleSchedules`): it reads the
 * `payload-jobs-stats` global (when each schedule was last queued), counts the scheduled
 * jobs still to run, queues the next one if there is none, and writes the whole global back.
 * Nothing in that is atomic. Two processes ticking at the same second both count none and
 * both queue; and a process's write puts back every other queue's entry as it read it, so a
 * slot whose job already ran can look unscheduled and be queued again (within one process
 * too: each queue has its own cron, and several tick at second 0).
 *
 * So, here:
 * - on SQL databases every `handleSchedules` runs in one transaction that first takes the
 *   claim lock (PostgreSQL's advisory lock, SQLite's write lock): schedule handling runs one
 *   after another across processes, each reading what the previous one committed;
 * - everywhere, a scheduled job is queued only if its slot (queue, task or workflow, the
 *   time it waits for) has none yet, whatever that job's state: on SQL under the same lock,
 *   on MongoDB (no transactions on FerretDB) by a unique claim key per slot.
 */
const schedulesSlot = Symbol.for('verdicts-cms.schedules-once')
type WithSchedules = Payload & { [schedulesSlot]?: true }

type QueueArgs = Parameters<Payload['jobs']['queue']>[0]
type HandleSchedulesArgs = NonNullable<Parameters<Payload['jobs']['handleSchedules']>[0]>

/** The slot a scheduled job is queued for, or null for a job queued by hand. */
function slotOf(args: QueueArgs): null | { key: string; waitUntil: Date } {
  const scheduled = (args as { meta?: { scheduled?: boolean } }).meta?.scheduled === true
  const name = 'task' in args && args.task ? `task:${String(args.task)}` : `workflow:${String(args.workflow)}`
  if (!scheduled || !args.waitUntil) {
    return null
  }
  return {
    key: `schedule:${args.queue ?? 'default'}:${name}:${args.waitUntil.toISOString()}`,
    waitUntil: args.waitUntil,
  }
}

/** How long MongoDB keeps a slot's claim: longer than any schedule's period in this app (a day). */
const slotClaimDays = 8

async function slotTaken(payload: Payload, args: QueueArgs, slot: { key: string; waitUntil: Date }): Promise<boolean> {
  if (payload.db.name === 'mongoose') {
    const claims = claimsCollection(payload)
    await claims.deleteMany({ slotOf: { $lt: new Date(Date.now() - slotClaimDays * 86_400_000) } })
    try {
      await claims.insertOne({ _id: slot.key, slotOf: slot.waitUntil })
      return false
    } catch (error) {
      if ((error as { code?: number }).code === 11000) {
        return true
      }
      throw error
    }
  }
  const and: Where[] = [
    { queue: { equals: args.queue ?? 'default' } },
    { 'meta.scheduled': { equals: true } },
    { waitUntil: { equals: slot.waitUntil.toISOString() } },
    'task' in args && args.task
      ? { taskSlug: { equals: String(args.task) } }
      : { workflowSlug: { equals: String(args.workflow) } },
  ]
  const { totalDocs } = await payload.db.count({ collection: 'payload-jobs', req: args.req, where: { and } })
  return totalDocs > 0
}

/** Wraps `jobs.handleSchedules` and `jobs.queue` once per Payload instance (the plugin's onInit). */
export function scheduleOncePerSlot(payload: Payload): void {
  const holder = payload as WithSchedules
  if (holder[schedulesSlot]) {
    return
  }
  holder[schedulesSlot] = true
  const { jobs } = payload
  const queue = jobs.queue.bind(jobs)
  jobs.queue = (async (args: QueueArgs) => {
    const slot = slotOf(args)
    if (slot && (await slotTaken(payload, args, slot))) {
      // Another runner queued this slot: Payload records the schedule as handled either way.
      return undefined
    }
    return queue(args)
  }) as typeof jobs.queue

  // Every runner's cron asks for its queue's schedules (the webhooks' every 5 s): a queue
  // without any needs no transaction, which on SQLite would take the write lock each time.
  const scheduledQueues = new Set(
    [...(payload.config.jobs.tasks ?? []), ...(payload.config.jobs.workflows ?? [])].flatMap((job) =>
      (job.schedule ?? []).map((schedule) => schedule.queue),
    ),
  )
  const handleSchedules = jobs.handleSchedules.bind(jobs)
  jobs.handleSchedules = async (args: HandleSchedulesArgs = {}) => {
    const nothingToSchedule = !args.allQueues && !scheduledQueues.has(args.queue ?? 'default')
    if (nothingToSchedule || args.req?.transactionID || payload.db.name === 'mongoose') {
      return handleSchedules(args)
    }
    const req: Partial<PayloadRequest> = args.req ?? (await createLocalReq({}, payload))
    const transactionID = await payload.db.beginTransaction()
    if (!transactionID) {
      // A SQL adapter configured without transactions: the slot check alone.
      return handleSchedules({ ...args, req: req as PayloadRequest })
    }
    req.transactionID = transactionID
    try {
      await serialiseOn('schedules', payload, req)
      const result = await handleSchedules({ ...args, req: req as PayloadRequest })
      await payload.db.commitTransaction(transactionID)
      return result
    } catch (error) {
      await payload.db.rollbackTransaction(transactionID)
      throw error
    } finally {
      delete req.transactionID
    }
  }
}
