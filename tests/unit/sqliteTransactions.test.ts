import { describe, expect, it } from '@jest/globals'

import { patchLibsqlClient, WriteQueue } from '../../src/demo/sqliteTransactions.ts'

/**
 * A connection as SQLite behaves: one transaction at a time, BEGIN inside one refused, and
 * a COMMIT that can be made to fail (SQLITE_BUSY) leaving the transaction open.
 */
function fakeConnection(log: string[]) {
  let inTransaction = false
  const connection = {
    close: () => log.push('close'),
    closed: false,
    failNextCommit: false,
    execute: async (statement: unknown) => {
      const sql = String(statement)
      log.push(sql)
      if (sql.startsWith('BEGIN')) {
        if (inTransaction) {
          throw new Error('cannot start a transaction within a transaction')
        }
        inTransaction = true
      } else if (sql === 'COMMIT') {
        if (connection.failNextCommit) {
          connection.failNextCommit = false
          throw new Error('SQLITE_BUSY: database is locked')
        }
        inTransaction = false
      } else if (sql === 'ROLLBACK') {
        if (!inTransaction) {
          throw new Error('cannot rollback - no transaction is active')
        }
        inTransaction = false
      }
      return { rows: [] }
    },
    batch: async () => [],
    executeMultiple: async () => undefined,
    transaction: async () => {
      throw new Error('a pooled connection never hands out transactions itself')
    },
  }
  return connection
}

type Transaction = {
  commit: () => Promise<void>
  execute: (sql: string) => Promise<unknown>
  rollback: () => Promise<void>
}

function patchedClient() {
  const log: string[] = []
  const opened: ReturnType<typeof fakeConnection>[] = []
  const client = fakeConnection(log)
  patchLibsqlClient(client, 10_000, new WriteQueue(), () => {
    const connection = fakeConnection(log)
    opened.push(connection)
    return connection
  })
  const begin = () => client.transaction() as Promise<Transaction>
  return { begin, client, log, opened }
}

describe('SQLite transactions on pooled connections', () => {
  it('run every transaction of a process on one connection of its own, given the busy timeout once', async () => {
    const { begin, log, opened } = patchedClient()
    for (let index = 0; index < 5; index += 1) {
      const transaction = await begin()
      await transaction.execute(`insert ${index}`)
      await (index % 2 === 0 ? transaction.commit() : transaction.rollback())
    }
    expect(opened).toHaveLength(1)
    expect(log.filter((sql) => sql.startsWith('PRAGMA busy_timeout'))).toEqual(['PRAGMA busy_timeout = 10000;'])
    expect(log.filter((sql) => sql === 'BEGIN IMMEDIATE')).toHaveLength(5)
  })

  it('never hand out a connection still inside a transaction whose COMMIT failed', async () => {
    const { begin, opened } = patchedClient()
    const first = await begin()
    opened[0].failNextCommit = true
    await expect(first.commit()).rejects.toThrow('SQLITE_BUSY')
    // drizzle rolls back after a failed commit; the transaction is already ended by then.
    await first.rollback()
    const second = await begin()
    await second.execute('insert after')
    await second.commit()
    expect(opened).toHaveLength(1)
    await expect(second.execute('too late')).rejects.toThrow('The transaction is closed')
  })

  it('close their pooled connections with the client', async () => {
    const { begin, client, log } = patchedClient()
    const transaction = await begin()
    await transaction.commit()
    client.close()
    expect(log.filter((sql) => sql === 'close')).toHaveLength(2)
  })
})
