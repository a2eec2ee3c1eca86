import type { DatabaseAdapterObj } from 'payload'

/**
 * Payload's SQLite adapter runs without transactions unless `transactionOptions` is set,
 * so a write whose later hook fails (a workflow event that does not validate, a recount
 * that throws) stays half-written. Turning them on has two problems with the libsql
 * client under the adapter, both solved here:
 *
 * 1. `client.transaction()` hands its connection to the transaction and opens a fresh
 *    one for the next statement. The adapter sets `PRAGMA busy_timeout` once, on the first
 *    connection only, so the fresh one has none: a second process holding the write lock
 *    makes the next write fail at once with SQLITE_BUSY. We set it again on every new
 *    connection, in the same synchronous step that retires the old one, so no statement
 *    can slip in between.
 * 2. libsql's calls are synchronous: a second transaction of the same process waiting
 *    for the write lock would block the event loop, so the first one could never commit
 *    (a stall until the busy timeout, then SQLITE_BUSY). Write transactions of one process
 *    therefore take turns on an async queue, and so do writes outside a transaction while
 *    one is open (Payload's job runner writes with `disableTransaction`). SQLite admits
 *    one writer at a time anyway; the busy timeout still arbitrates between processes.
 */

type LibsqlClient = {
  batch: (...args: unknown[]) => Promise<unknown>
  execute: (statement: unknown, ...args: unknown[]) => Promise<unknown>
  transaction: (mode?: string) => Promise<unknown>
}

type DrizzleSqliteAdapter = {
  beginTransaction: (options?: unknown) => Promise<null | number | string>
  client?: LibsqlClient
  commitTransaction: (id: unknown) => Promise<void>
  connect?: (options?: unknown) => Promise<void>
  rollbackTransaction: (id: unknown) => Promise<void>
}

/** A FIFO lock whose holder is released by calling the function `acquire` resolves to. */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve()
  private holders = 0

  /** True while a write transaction of this process is open or waiting. */
  get busy(): boolean {
    return this.holders > 0
  }

  async acquire(timeoutMs: number): Promise<() => void> {
    let release!: () => void
    const turn = new Promise<void>((resolve) => (release = resolve))
    const previous = this.tail
    this.tail = previous.then(() => turn)
    this.holders += 1
    let released = false
    const releaseOnce = () => {
      if (!released) {
        released = true
        this.holders -= 1
        release()
      }
    }
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        previous,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new Error(
                  `SQLite write lock not free after ${timeoutMs} ms (a transaction of this process is still open)`,
                ),
              ),
            timeoutMs,
          )
        }),
      ])
    } catch (error) {
      // Give our place up only once the one before us is done, so order is kept.
      void previous.then(releaseOnce)
      throw error
    } finally {
      clearTimeout(timer)
    }
    return releaseOnce
  }
}

const readOnlyStatement = /^\s*(select|pragma|explain|with\s[\s\S]*?\)\s*select)\b/i

function sqlOf(statement: unknown): string {
  if (typeof statement === 'string') {
    return statement
  }
  return typeof (statement as { sql?: unknown })?.sql === 'string' ? (statement as { sql: string }).sql : ''
}

const patchedClients = new WeakSet<object>()

/**
 * One queue per database file: two Payload instances of one process on the same file (as
 * the tests run "two servers") would otherwise block each other's event loop too.
 */
const queuesByFile = new Map<string, WriteQueue>()

function queueFor(url: string): WriteQueue {
  let queue = queuesByFile.get(url)
  if (!queue) {
    queue = new WriteQueue()
    queuesByFile.set(url, queue)
  }
  return queue
}

/** Applies both fixes to a connected client (idempotent). */
export function keepBusyTimeout(client: LibsqlClient, busyTimeoutMs: number, queue: WriteQueue): void {
  if (patchedClients.has(client)) {
    return
  }
  patchedClients.add(client)
  const transaction = client.transaction.bind(client)
  const execute = client.execute.bind(client)
  const batch = client.batch.bind(client)
  client.transaction = (mode?: string) => {
    // The call runs synchronously up to retiring its connection; the pragma below opens the
    // next connection right away, before any other statement can.
    const started = transaction(mode)
    execute(`PRAGMA busy_timeout = ${busyTimeoutMs};`).catch(() => undefined)
    return started
  }
  const outsideTransaction =
    <A extends unknown[]>(run: (...args: A) => Promise<unknown>, isRead: (...args: A) => boolean) =>
    async (...args: A) => {
      if (!queue.busy || isRead(...args)) {
        return run(...args)
      }
      const release = await queue.acquire(busyTimeoutMs)
      try {
        return await run(...args)
      } finally {
        release()
      }
    }
  client.execute = outsideTransaction(execute, (statement: unknown) => readOnlyStatement.test(sqlOf(statement)))
  client.batch = outsideTransaction(
    batch,
    (statements: unknown) =>
      Array.isArray(statements) && statements.every((statement) => readOnlyStatement.test(sqlOf(statement))),
  )
}

/**
 * Payload's SQLite adapter with transactions on (`BEGIN IMMEDIATE`), kept working under
 * concurrency and across processes as described above.
 */
export function withSqliteTransactions(
  adapterObj: DatabaseAdapterObj,
  { busyTimeoutMs, url }: { busyTimeoutMs: number; url: string },
): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args) as unknown as DrizzleSqliteAdapter
      const queue = queueFor(url)
      const releases = new Map<unknown, () => void>()
      const { beginTransaction, commitTransaction, connect, rollbackTransaction } = adapter
      if (connect) {
        adapter.connect = async function connectKeepingBusyTimeout(this: DrizzleSqliteAdapter, options?: unknown) {
          await connect.call(this, options)
          if (this.client) {
            keepBusyTimeout(this.client, busyTimeoutMs, queue)
          }
        }
      }
      adapter.beginTransaction = async function beginInTurn(this: DrizzleSqliteAdapter, options?: unknown) {
        const release = await queue.acquire(busyTimeoutMs)
        try {
          const id = await beginTransaction.call(this, options)
          if (id === null || id === undefined) {
            release()
          } else {
            releases.set(id, release)
          }
          return id
        } catch (error) {
          release()
          throw error
        }
      }
      const ending = (end: (id: unknown) => Promise<void>) =>
        async function endAndRelease(this: DrizzleSqliteAdapter, incoming: unknown) {
          const id = incoming instanceof Promise ? await incoming : incoming
          try {
            await end.call(this, id)
          } finally {
            releases.get(id)?.()
            releases.delete(id)
          }
        }
      adapter.commitTransaction = ending(commitTransaction)
      adapter.rollbackTransaction = ending(rollbackTransaction)
      return adapter as never
    },
  }
}
