import type { Payload, PayloadRequest, Where } from 'payload'

/**
 * Jobs run exactly once with any number of runners, and a job whose runner died runs again.
 *
 * Payload 3.90's queue claims jobs with `db.updateJobs`: it reads the jobs that are due and
 * then marks them `processing`, in one transaction on SQL databases and in two steps on
 * MongoDB. On PostgreSQL (READ COMMITTED) and MongoDB two runners can both read a job
 * before either marks it, and both run it; SQLite's immediate transactions already take
 * the write lock at their start, so claims there are one after another. And a job marked
 * `processing` by a runner that then died stays so for ever: Payload has no lease.
 *
 * So a claim here:
 * - on PostgreSQL first takes a transaction-scoped advisory lock, so claims run one after
 *   another across processes (each reads what the previous one committed);
 * - on MongoDB records each claim under a unique key (the job and its `updatedAt`) and
 *   keeps only the jobs it won;
 * - first hands back jobs whose claim is older than `cluster.jobLeaseSeconds` without
 *   progress (Payload touches a job's `updatedAt` whenever a task finishes), so they run
 *   again. A runner that died after a webhook left but before it was recorded sends it
 *   again: receivers de-duplicate by `webhook-id`.
 */
const claimsSlot = Symbol.for('verdicts-cms.job-claims')
type WithClaims = Payload & { [claimsSlot]?: true }

type UpdateJobsArgs = Parameters<Payload['db']['updateJobs']>[0]

/** Numbers fixed for these purposes: the advisory locks that serialise job claims and schedules. */
const lockKeys = { claims: 7_240_517_114, schedules: 7_240_517_115 }

function isClaim(args: UpdateJobsArgs): boolean {
  return args.id === undefined && args.data?.processing === true && args.where !== undefined
}

function expiredLeases(leaseSeconds: number): Where {
  const cutoff = new Date(Date.now() - leaseSeconds * 1000).toISOString()
  return {
    and: [{ processing: { equals: true } }, { completedAt: { exists: false } }, { updatedAt: { less_than: cutoff } }],
  }
}

type Sessions = Record<string, { db: { execute: (query: string) => Promise<unknown> } }>

/**
 * On PostgreSQL, takes the advisory lock `lock` inside the transaction of `req`, released
 * when it commits, so such transactions run one after another across processes. (SQLite's
 * write transactions already do; MongoDB uses unique claim keys instead.)
 */
export async function serialiseOn(
  lock: keyof typeof lockKeys,
  payload: Payload,
  req: Partial<PayloadRequest> | undefined,
): Promise<void> {
  if (payload.db.name !== 'postgres') {
    return
  }
  const id = req?.transactionID
  const session =
    typeof id === 'string' || typeof id === 'number'
      ? (payload.db as unknown as { sessions: Sessions }).sessions[id]
      : undefined
  await session?.db.execute(`select pg_advisory_xact_lock(${lockKeys[lock]})`)
}

type MongoCollection = {
  deleteMany: (filter: Record<string, unknown>) => Promise<unknown>
  insertOne: (doc: Record<string, unknown>) => Promise<unknown>
}
type MongoAdapter = { connection: { collection: (name: string) => MongoCollection } }

/**
 * Claims on MongoDB: one document per claim, keyed by the job and the state it was claimed
 * in (or by a schedule's slot, src/cluster/schedules.ts).
 */
export function claimsCollection(payload: Payload): MongoCollection {
  return (payload.db as unknown as MongoAdapter).connection.collection('payload-jobs-claims')
}

/**
 * MongoDB: claims each due job by inserting a document whose `_id` names the job and its
 * `updatedAt` as read. `_id` is unique on every server, so of several runners that read the
 * same job only one inserts; a conditional update would do on MongoDB itself but is not
 * atomic on FerretDB v1. Once released or retried, a job has a new `updatedAt` and can be
 * claimed again. Returns the ids this runner won.
 */
async function claimOneByOne(
  payload: Payload,
  args: UpdateJobsArgs,
  leaseSeconds: number,
): Promise<Array<number | string>> {
  if (args.id !== undefined) {
    return []
  }
  const due = await payload.db.find({
    collection: 'payload-jobs',
    limit: args.limit ?? 0,
    pagination: false,
    req: args.req,
    sort: args.sort,
    where: args.where,
  })
  const claims = claimsCollection(payload)
  const now = new Date()
  await claims.deleteMany({ at: { $lt: new Date(now.getTime() - 2 * leaseSeconds * 1000) } })
  const won: Array<number | string> = []
  for (const job of due.docs as Array<{ id: number | string; updatedAt?: string }>) {
    try {
      await claims.insertOne({ _id: `${job.id}@${job.updatedAt ?? ''}`, at: now })
      won.push(job.id)
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) {
        throw error
      }
    }
  }
  return won
}

/** Wraps the adapter's `updateJobs` once per Payload instance (the plugin's onInit). */
export function claimJobsOnce(payload: Payload, leaseSeconds: number): void {
  const holder = payload as WithClaims
  if (holder[claimsSlot]) {
    return
  }
  holder[claimsSlot] = true
  const { db } = payload
  const updateJobs = db.updateJobs.bind(db)
  db.updateJobs = async (args) => {
    if (!isClaim(args)) {
      return updateJobs(args)
    }
    await serialiseOn('claims', payload, args.req)
    const released = await updateJobs({
      // A new updatedAt: the job's next claim is a new claim (MongoDB's claim keys name it).
      data: { processing: false, updatedAt: new Date().toISOString() },
      req: args.req,
      returning: true,
      where: expiredLeases(leaseSeconds),
    })
    for (const job of released ?? []) {
      payload.logger.warn(
        `Job ${job.id} (${job.taskSlug ?? 'workflow'}) was claimed over ${leaseSeconds} s ago without progress; its runner is taken to have died and it runs again.`,
      )
    }
    if (db.name !== 'mongoose') {
      return updateJobs(args)
    }
    const won = await claimOneByOne(payload, args, leaseSeconds)
    if (won.length === 0) {
      return []
    }
    // Reads back the jobs won (already marked) in the shape Payload expects.
    return updateJobs({
      data: args.data,
      limit: won.length,
      req: args.req,
      returning: args.returning,
      sort: args.sort,
      where: { id: { in: won } },
    })
  }
}
