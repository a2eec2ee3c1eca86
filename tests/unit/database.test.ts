import { describe, expect, it } from '@jest/globals'

import { resolveDatabaseTarget, UnsupportedDatabaseUriError } from '../../src/database'

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

  it('refuses other schemes with a message that lists the accepted ones', () => {
    expect(() => resolveDatabaseTarget('mysql://localhost/x')).toThrow(UnsupportedDatabaseUriError)
    expect(() => resolveDatabaseTarget('mysql://localhost/x')).toThrow(/file:<path>.*mongodb:\/\//)
  })
})
