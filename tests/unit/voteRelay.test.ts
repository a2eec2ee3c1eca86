import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { relayVote, voteMessage } from '../../src/site/voting.ts'

/**
 * The site's vote route relays a reader's vote to the API; whatever the API does, the
 * reader's form post comes back with a message. An API that never answers (or is down)
 * must not leave the reader's browser waiting.
 */
describe('relayVote', () => {
  let silent: Server
  let apiUrl: string
  const previousApiUrl = process.env.SITE_API_URL

  beforeAll(async () => {
    // Accepts the request and never answers it.
    silent = createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    apiUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    silent.closeAllConnections()
    await new Promise((resolve) => silent.close(resolve))
    process.env.SITE_API_URL = previousApiUrl
  })

  const readerPost = () =>
    new Request('http://127.0.0.1:3000/compare/a-vs-b/vote', { headers: { origin: 'http://127.0.0.1:3000' } })

  it('answers "unanswered" (504) once the API keeps silent past the timeout, with a message for the reader', async () => {
    process.env.SITE_API_URL = apiUrl
    const started = Date.now()
    const relayed = await relayVote(readerPost(), 'tool-a', 'ship', { timeoutMs: 300 })
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(relayed).toMatchObject({ decision: null, outcome: 'unanswered', setCookie: null, status: 504 })
    expect(voteMessage(relayed.outcome, relayed.decision, null)).toMatch(/did not answer in time/)
  })

  it('answers "unanswered" when nothing listens at the API address', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    process.env.SITE_API_URL = `http://127.0.0.1:${port}`
    const relayed = await relayVote(readerPost(), 'tool-a', 'withdraw', { timeoutMs: 2_000 })
    expect(relayed.outcome).toBe('unanswered')
  })
})
