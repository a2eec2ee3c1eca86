/**
 * The newsletter rows of `npm run bench`: one approved issue sent to N confirmed
 * subscribers through a real SMTP server on loopback (`smtp-server`, in this process,
 * counting messages without parsing them); the sender runs in a child process.
 */
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { SMTPServer } from 'smtp-server'

const root = path.resolve(import.meta.dirname, '..')

type Result = {
  failed: number
  heapBefore: number
  liveHeapPeak: number
  peakRss: number
  rssBefore: number
  seconds: number
  sent: number
  subscribers: number
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function sendOnce(subscribers: number, smtpUrl: string): Promise<Result> {
  const child = spawn(
    process.execPath,
    ['--conditions=production', path.join(root, 'scripts/runTs.mjs'), 'bench/newsletterSender.ts', String(subscribers)],
    {
      cwd: root,
      env: {
        ...process.env,
        DISABLE_PAYLOAD_HMR: 'true',
        NODE_OPTIONS: '--no-deprecation --expose-gc',
        SMTP_URL: smtpUrl,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const lines = createInterface({ input: child.stdout })
  return new Promise<Result>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.startsWith('{"failed"')) {
        resolve(JSON.parse(line) as Result)
      }
    })
    child.on('exit', (code) =>
      code === 0 ? undefined : reject(new Error(`newsletter bench sender exited with ${code}`)),
    )
  })
}

export async function benchNewsletter(sizes: number[]): Promise<string[]> {
  let received = 0
  const port = await freePort()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        received += 1
        callback()
      })
      stream.resume()
    },
  })
  server.on('error', () => undefined)
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const rows: string[] = []
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0)
  try {
    for (const size of sizes) {
      process.stderr.write(`\n== newsletter to ${size} confirmed subscribers\n`)
      const before = received
      const result = await sendOnce(size, `smtp://127.0.0.1:${port}`)
      if (result.failed > 0 || received - before !== size) {
        throw new Error(
          `newsletter bench: ${result.failed} failed, the SMTP server received ${received - before} of ${size}`,
        )
      }
      const rate = result.sent / result.seconds
      process.stderr.write(`  ${Math.round(rate)} messages/s\n`)
      rows.push(
        `| ${size.toLocaleString('en')} | ${Math.round(rate).toLocaleString('en')} | ${result.seconds.toFixed(1)} | ${mib(result.rssBefore)} | ${mib(result.peakRss)} | ${mib(result.heapBefore)} | ${mib(result.liveHeapPeak)} |`,
      )
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  return rows
}
