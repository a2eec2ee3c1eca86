import { describe, expect, it } from '@jest/globals'

import { resolveDatabaseTarget, UnsupportedDatabaseUriError } from '../../src/demo/database.ts'
import { newTestRunId, testDatabaseUri, testRunStartOf } from '../helpers/database.ts'

describe('resolveDatabaseTarget', () => {
  it('defaults to the embedded SQLite file under ./data', () => {
    expect(resolveDatabaseTarget(undefined, '/srv/app')).toEqual({
      isDefault: true,
      kind: 'sqlite',
      path: '/srv/app/data/verdicts.db',
      url: 'file:/srv/app/data/verdicts.db',
    })
    expect(resolveDatabaseTarget('  ', '/srv/app').kind).toBe('sqlite')
  })

  it('opens SQLite at a file: path, relative to the working folder', () => {
    expect(resolveDatabaseTarget('file:./other.db', '/srv/app')).toMatchObject({
      isDefault: false,
      kind: 'sqlite',
      path: '/srv/app/other.db',
    })
  })

  it('selects MongoDB for mongodb:// and mongodb+srv://', () => {
    expect(resolveDatabaseTarget('mongodb://127.0.0.1:27017/verdicts?replicaSet=rs0')).toEqual({
      kind: 'mongodb',
      url: 'mongodb://127.0.0.1:27017/verdicts?replicaSet=rs0',
    })
    expect(resolveDatabaseTarget('mongodb+srv://cluster.example/verdicts').kind).toBe('mongodb')
  })

  it('selects PostgreSQL for postgres:// and postgresql://', () => {
    expect(resolveDatabaseTarget('postgres://postgres@127.0.0.1:5432/verdicts')).toEqual({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/verdicts',
    })
    expect(resolveDatabaseTarget('postgresql://db.example/verdicts').kind).toBe('postgres')
  })

  it('refuses other schemes with a message that lists the accepted ones', () => {
    expect(() => resolveDatabaseTarget('mysql://localhost/x')).toThrow(UnsupportedDatabaseUriError)
    expect(() => resolveDatabaseTarget('mysql://localhost/x')).toThrow(/file:<path>.*mongodb:\/\/.*postgres:\/\//)
  })
})

describe('test databases', () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URI: '',
    VERDICTS_TEST_RUN: newTestRunId(Date.UTC(2026, 10, 22), 4242),
  }

  it('gives each suite its own SQLite file when DATABASE_URI is unset', () => {
    const first = testDatabaseUri('Public API', env)
    expect(first).toMatch(/^file:.*verdicts_test_public_api_r[0-9a-z]+p[0-9a-z]+\.db$/)
    expect(testDatabaseUri('Public API', env)).not.toBe(first)
  })

  it('gives each suite its own database on a PostgreSQL or MongoDB server, named for the run', () => {
    const run = env.VERDICTS_TEST_RUN!
    expect(testDatabaseUri('panel-score', { ...env, DATABASE_URI: 'postgres://postgres@127.0.0.1:5432/test' })).toBe(
      `postgres://postgres@127.0.0.1:5432/verdicts_test_panel_score_${run}`,
    )
    expect(testDatabaseUri('votes', { ...env, DATABASE_URI: 'mongodb://127.0.0.1:27017/?replicaSet=rs0' })).toBe(
      `mongodb://127.0.0.1:27017/verdicts_test_votes_${run}?replicaSet=rs0`,
    )
  })

  it("keeps PostgreSQL's 63-character limit on database names", () => {
    const uri = testDatabaseUri('a suite with a very long descriptive name', {
      ...env,
      DATABASE_URI: 'postgres://h/test',
    })
    expect(new URL(uri).pathname.slice(1).length).toBeLessThanOrEqual(63)
  })

  it("reads the run's start back from a test database name, and nothing from other names", () => {
    expect(testRunStartOf(`verdicts_test_votes_${env.VERDICTS_TEST_RUN}`)).toBe(Date.UTC(2026, 10, 22))
    expect(testRunStartOf('verdicts')).toBeNull()
    expect(testRunStartOf('test')).toBeNull()
  })

  it('refuses a single SQLite file for a whole run', () => {
    expect(() => testDatabaseUri('votes', { ...env, DATABASE_URI: 'file:./one.db' })).toThrow(
      /empty database per suite/,
    )
  })
})
