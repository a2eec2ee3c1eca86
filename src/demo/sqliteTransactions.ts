import type { Config } from '@libsql/client'
import type { DatabaseAdapterObj } from 'payload'

import { createClient } from '@libsql/client'

/**
 * Payload's SQLite adapter runs without transactions unless `transactionOptions` is set,
 * so a write whose later hook fails (a workflow event that does not validate, a recount
 * that throws) stays half-written. Turning them on has three problems with the libsql
 * client under the adapter, all solved here:
 *
 * 1. libsql's `client.transaction()` hands its connection to the transaction and opens a
 *    fresh one for the next statement. The adapter sets `PRAGMA busy_timeout` once, on the
 *    first connection only, so the fresh one has none: a second process holding the write
 *    lock makes the next write fail at once with SQLITE_BUSY. Transactions here run on
 *    connections of their own (3. below), each given the busy timeout when opened, and the
 *    client's first connection, with its busy timeout, is never handed over.
 * 2. libsql's calls are synchronous: a second transaction of the same process waiting
 *    for the write lock would block the event loop, so the first one could never commit
 *    (a stall until the busy timeout, then SQLITE_BUSY). Write transactions of one process
 *    therefore take turns on an async queue, and so do writes outside a transaction while
 *    one is open (Payload's job runner writes with `disableTransaction`). SQLite admits
 *    one writer at a time anyway; the busy timeout still arbitrates between processes.
 * 3. The connection a transaction takes is never closed by the client (libsql-client-ts
 *    issue 350; libsql-js issue 230: `close()` does not release a connection that ran a
 *    statement), so a process kept one open SQLite handle, and its WAL handle, for every
 *    transaction it ever ran, until it exited, when closing them all took seconds (a jest
 *    worker that had run twenty suites held over a thousand). Transactions therefore run
 *    on connections of their own that go back to a pool when they end: a process holds as
 *    many as it ever ran at once (one, as write transactions take turns), plus its main one.
 */

type LibsqlClient = {
  batch: (...args: unknown[]) => Promise<unknown>
  close: () => void
  closed: boolean
  execute: (statement: unknown, ...args: unknown[]) => Promise<unknown>
  executeMultiple: (sql: string) => Promise<void>
  transaction: (mode?: string) => Promise<unknown>
}

type DrizzleSqliteAdapter = {
  beginTransaction: (options?: unknown) => Promise<null | number | string>
  client?: LibsqlClient
  clientConfig: Config
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

/** What libsql's `transaction(mode)` begins with (`@libsql/core`'s `transactionModeToBegin`). */
const beginStatements: Record<string, string> = {
  deferred: 'BEGIN DEFERRED',
  read: 'BEGIN TRANSACTION READONLY',
  write: 'BEGIN IMMEDIATE',
}

/**
 * A transaction as libsql's client hands one out (what drizzle calls on it), run on a
 * connection of the pool; ending it (commit, rollback, or close while still open) gives the
 * connection back.
 */
function pooledTransaction(connection: LibsqlClient, giveBack: (connection: LibsqlClient) => void) {
  let open = true
  const end = async (statement: 'COMMIT' | 'ROLLBACK') => {
    if (!open) {
      return
    }
    try {
      await connection.execute(statement)
    } catch (error) {
      // A COMMIT that failed (SQLITE_BUSY) leaves the transaction open on the connection:
      // it is rolled back here, so the pool never hands out a connection inside one.
      await connection.execute('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      open = false
      giveBack(connection)
    }
  }
  const whileOpen = () => {
    if (!open) {
      throw new Error('The transaction is closed')
    }
  }
  return {
    batch: async (statements: unknown[]) => {
      const results: unknown[] = []
      for (const statement of statements) {
        whileOpen()
        results.push(await connection.execute(statement))
      }
      return results
    },
    close: () => void end('ROLLBACK').catch(() => undefined),
    get closed() {
      return !open
    },
    commit: () => end('COMMIT'),
    execute: async (statement: unknown, args?: unknown) => {
      whileOpen()
      return connection.execute(statement, args)
    },
    executeMultiple: async (sql: string) => {
      whileOpen()
      return connection.executeMultiple(sql)
    },
    rollback: () => end('ROLLBACK'),
  }
}

/** Applies the three fixes to a connected client (idempotent). */
export function patchLibsqlClient(
  client: LibsqlClient,
  busyTimeoutMs: number,
  queue: WriteQueue,
  openConnection: () => LibsqlClient,
): void {
  if (patchedClients.has(client)) {
    return
  }
  patchedClients.add(client)
  const execute = client.execute.bind(client)
  const batch = client.batch.bind(client)
  const close = client.close.bind(client)
  const spare: LibsqlClient[] = []
  const giveBack = (connection: LibsqlClient) => {
    if (client.closed) {
      connection.close()
    } else {
      spare.push(connection)
    }
  }
  client.transaction = async (mode = 'write') => {
    let connection = spare.pop()
    if (!connection) {
      connection = openConnection()
      await connection.execute(`PRAGMA busy_timeout = ${busyTimeoutMs};`)
    }
    try {
      await connection.execute(beginStatements[mode] ?? beginStatements.write)
    } catch (error) {
      giveBack(connection)
      throw error
    }
    return pooledTransaction(connection, giveBack)
  }
  client.close = () => {
    close()
    spare.splice(0).forEach((connection) => connection.close())
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
            const { clientConfig } = this
            patchLibsqlClient(
              this.client,
              busyTimeoutMs,
              queue,
              () => createClient(clientConfig) as unknown as LibsqlClient,
            )
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
