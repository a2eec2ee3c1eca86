import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { closeCommandConnection, commandConnection, pingRedis } from '../../src/cluster/redis.ts'
import { createClientLimiter } from '../../src/http/rateLimiter.ts'
import { testRedisUrl, uniqueRedisPrefix } from '../helpers/redis.ts'

const projectRoot = path.resolve(import.meta.dirname, '../..')

afterAll(async () => {
  await closeCommandConnection(testRedisUrl)
})

describe('per-client limits shared through Redis', () => {
  it('allows max per client across every process, not max per process', async () => {
    const redis = { keyPrefix: uniqueRedisPrefix(), url: testRedisUrl }
    // As a server does at start (src/cluster/cluster.ts): counting begins once Redis answers.
    await pingRedis(commandConnection(testRedisUrl), 5000)
    // Three processes' limiters: separate objects, one Redis.
    const limiters = [1, 2, 3].map(() => createClientLimiter({ max: 5, name: 'votes', redis, windowSeconds: 60 }))
    const decisions = []
    for (let i = 0; i < 12; i += 1) {
      decisions.push(await limiters[i % 3].hit('203.0.113.7'))
    }
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5)
    expect(await limiters[2].peek('203.0.113.7')).toMatchObject({ allowed: false })
    // Another client has its own allowance.
    expect(await limiters[0].hit('203.0.113.8')).toEqual({ allowed: true })
  })

  it('counts each process on its own while Redis is unreachable, instead of failing', async () => {
    const redis = { keyPrefix: uniqueRedisPrefix(), url: 'redis://127.0.0.1:1' }
    const limiter = createClientLimiter({ max: 2, name: 'votes', redis, windowSeconds: 60 })
    const decisions = [await limiter.hit('a'), await limiter.hit('a'), await limiter.hit('a')]
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, false])
    await closeCommandConnection(redis.url)
  })
})

describe('the shared Redis connection', () => {
  it('never keeps a process alive: a script that counted and never closed it exits by itself', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'verdicts-redis-'))
    const script = path.join(folder, 'countAndLeave.ts')
    writeFileSync(
      script,
      [
        `import { commandConnection, pingRedis } from ${JSON.stringify(path.join(projectRoot, 'src/cluster/redis.ts'))}`,
        `await pingRedis(commandConnection(${JSON.stringify(testRedisUrl)}), 5000)`,
        `process.stdout.write('counted\\n')`,
      ].join('\n'),
    )
    const run = spawnSync(
      process.execPath,
      ['--conditions=production', path.join(projectRoot, 'scripts/runTs.mjs'), script],
      {
        cwd: projectRoot,
        encoding: 'utf8',
        timeout: 30_000,
      },
    )
    rmSync(folder, { force: true, recursive: true })
    expect(run.stdout).toBe('counted\n')
    // Killed at the timeout (signal SIGTERM) when the open connection held it up.
    expect({ signal: run.signal, status: run.status }).toEqual({ signal: null, status: 0 })
  })
})
