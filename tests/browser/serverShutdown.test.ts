import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { connect } from 'node:net'

import type { AppServer } from '../helpers/appServer.ts'

import { runCli, startAppServer } from '../helpers/appServer.ts'
import { testDatabaseUri } from '../helpers/database.ts'

/**
 * The production server (server.ts) as a deploy sees it behind a proxy (README, Deploying):
 * it keeps idle connections longer than a load balancer does, and on SIGTERM it finishes
 * the requests in flight before it exits 0. No browser: only the process and its sockets.
 */
let server: AppServer

beforeAll(async () => {
  const databaseUri = testDatabaseUri('server-shutdown')
  runCli(['seed'], databaseUri)
  server = await startAppServer(databaseUri)
}, 600_000)

afterAll(async () => {
  await server?.stop()
})

/** Resolves with everything the server sent on `socket` until it closed the connection. */
function readUntilClosed(socket: ReturnType<typeof connect>): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(text))
  })
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the production server behind a proxy', () => {
  it('keeps an idle connection open longer than a load balancer (65 s, not Node’s 5 s)', async () => {
    const response = await fetch(`${server.url}/api/health`)
    expect(response.status).toBe(200)
    expect(response.headers.get('keep-alive')).toBe('timeout=65')
  })

  it('on SIGTERM refuses new connections, answers the request in flight, then exits 0', async () => {
    const { port } = new URL(server.url)
    const body = JSON.stringify({ email: 'drain@example.com' })
    const socket = connect(Number(port), '127.0.0.1')
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject))
    const answer = readUntilClosed(socket)
    // The request's head and half its body: the server has it in hand, waiting for the rest.
    socket.write(
      [
        'POST /api/public/newsletter/subscribe HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        `Origin: ${server.url}`,
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        '',
        body.slice(0, 10),
      ].join('\r\n'),
    )
    await pause(1000)

    const stopped = server.stop()
    await pause(1000)
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow()
    socket.write(body.slice(10))

    expect((await answer).split('\r\n')[0]).toBe('HTTP/1.1 202 Accepted')
    expect(await stopped).toEqual({ code: 0, signal: null })
    expect(server.output()).toContain('SIGTERM: no new connections; finishing the requests in flight')
  })
})
