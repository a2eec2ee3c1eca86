/**
 * `npm run dev`: `next dev`, ready when it says so. Next.js prints "Ready" as soon as it
 * listens, before the admin is compiled or Payload has started (and seeded the demo
 * content): the first /admin then took minutes. This script runs `next dev` (its output
 * passes through, its early "Ready" reworded), requests the routes a first visit needs
 * once, server-side (src/demo/devWarmup.ts), and then prints the admin's URL. Arguments go
 * to `next dev` (`npm run dev -- -p 4000`); Ctrl-C stops both.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'

import {
  demoAdminLogin,
  devAdminUrl,
  devPort,
  formatReady,
  rewriteNextLine,
  warmupSteps,
} from '../src/demo/devWarmup.ts'

const projectRoot = path.resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const port = devPort(process.env, args)
// The warm-up talks to the server over loopback, whatever name the developer uses.
const local = `http://127.0.0.1:${port}`
const stepTimeoutMs = 10 * 60_000

const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'dev', ...args], {
  cwd: projectRoot,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--no-deprecation' },
  stdio: ['inherit', 'pipe', 'pipe'],
})
let exited = false
child.on('exit', (code, signal) => {
  exited = true
  process.exit(code ?? (signal ? 1 : 0))
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal))
}

let listening: () => void
const listeningNow = new Promise<void>((resolve) => (listening = resolve))
createInterface({ input: child.stdout }).on('line', (line) => {
  const shown = rewriteNextLine(line)
  if (shown !== line) {
    listening()
  }
  process.stdout.write(`${shown}\n`)
})
child.stderr.pipe(process.stderr)

async function request(step: (typeof warmupSteps)[number], cookie?: string, ids: Record<string, string> = {}) {
  const route = step.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? '')
  const response = await fetch(`${local}${route}`, {
    headers: cookie ? { Cookie: cookie } : {},
    method: step.method ?? 'GET',
    redirect: 'manual',
    signal: AbortSignal.timeout(stepTimeoutMs),
  })
  await response.arrayBuffer()
  // A refusal (the unsigned webhook's 401) still compiled the route; a 5xx did not serve it.
  return response.status
}

/** The demo admin's session cookie and a verdict's and a matchup's id, or null. */
async function signIn(): Promise<null | { cookie: string; ids: Record<string, string> }> {
  const login = demoAdminLogin(process.env)
  if (!login) {
    return null
  }
  const response = await fetch(`${local}/api/users/login`, {
    body: JSON.stringify(login),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  const body = (await response.json()) as { token?: string }
  if (!response.ok || !body.token) {
    return null
  }
  const cookie = `payload-token=${body.token}`
  const idOf = async (collection: string) => {
    const list = await fetch(`${local}/api/${collection}?limit=1&depth=0`, { headers: { Cookie: cookie } })
    const found = (await list.json()) as { docs?: Array<{ id: number | string }> }
    return String(found.docs?.[0]?.id ?? '')
  }
  return { cookie, ids: { matchup: await idOf('matchups'), verdict: await idOf('verdicts') } }
}

async function warmUp(): Promise<void> {
  await listeningNow
  const failures: string[] = []
  let session: Awaited<ReturnType<typeof signIn>> = null
  for (const step of warmupSteps) {
    if (exited) {
      return
    }
    if (step.signedIn) {
      session ??= await signIn().catch(() => null)
      if (!session || step.path.replace(/\{(\w+)\}/g, (_, name: string) => session!.ids[name] ?? '').endsWith('/')) {
        continue
      }
    }
    process.stdout.write(` ○ Warming up: ${step.label}…\n`)
    try {
      const status = await request(step, session?.cookie, session?.ids)
      if (status >= 500) {
        failures.push(`${step.path} answered ${status}`)
      }
    } catch (error) {
      failures.push(`${step.path}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  process.stdout.write(`${formatReady(devAdminUrl(process.env, args), process.uptime(), failures)}\n`)
}

void warmUp()
