import type { ParsedMail } from 'mailparser'

import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

import { freePort } from './appServer.ts'

export type ReceivedMail = ParsedMail & { envelopeTo: string[]; raw: string }

export type LoopbackSmtp = {
  /** Messages accepted so far, parsed (empty when started with `parse: false`). */
  messages: ReceivedMail[]
  /** Messages accepted so far (also counted when not parsed). */
  received: () => number
  /** Recipients the server refuses with 550, as a mailbox that does not exist would. */
  reject: Set<string>
  stop: () => Promise<void>
  url: string
  /** Resolves once `count` messages were accepted in all (5 s limit by default). */
  waitFor: (count: number, timeoutMs?: number) => Promise<void>
}

/**
 * A real SMTP server on a free loopback port (the `smtp-server` package), so tests see
 * what a mail server receives: headers, both MIME parts, links, as `mailparser` reads them.
 */
export async function startLoopbackSmtp({
  delayMs = 0,
  parse = true,
}: { delayMs?: number; parse?: boolean } = {}): Promise<LoopbackSmtp> {
  const port = await freePort()
  const messages: ReceivedMail[] = []
  const reject = new Set<string>()
  let received = 0
  const waiters: Array<() => void> = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', async () => {
        if (delayMs > 0) {
          await new Promise((resolve) => setTimeout(resolve, delayMs))
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        if (parse) {
          const parsed = await simpleParser(raw)
          messages.push(Object.assign(parsed, { envelopeTo: session.envelope.rcptTo.map((to) => to.address), raw }))
        }
        received += 1
        waiters.splice(0).forEach((wake) => wake())
        callback()
      })
    },
    onRcptTo(address, _session, callback) {
      if (reject.has(address.address)) {
        const error = new Error('No such mailbox') as Error & { responseCode: number }
        error.responseCode = 550
        return callback(error)
      }
      callback()
    },
    size: 1024 * 1024,
  })
  // A client that dies mid-session (the kill -9 test) resets its connection; that is the
  // client's story, not a failure of the server.
  server.on('error', () => undefined)
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    messages,
    received: () => received,
    reject,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
    url: `smtp://127.0.0.1:${port}`,
    waitFor: async (count, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs
      while (received < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} message(s), the SMTP server received ${received}`)
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 100)
        })
      }
    },
  }
}
