import { demoPassword, demoUsers } from './demoContent.ts'

type Environment = Record<string, string | undefined>

/**
 * What `npm run dev` (scripts/dev.ts) does between `next dev` listening and telling the
 * developer the app is ready. `next dev` compiles each route on its first request and
 * Payload starts (and seeds the demo content) on the first request too: on a two-core
 * machine the first /admin took over two minutes, after Next.js had printed "Ready".
 * So the script asks for each of these once, server-side, and prints the URL after.
 */

/** Where the developer's browser goes: SERVER_URL, else localhost on the port `next dev` uses. */
export function devAdminUrl(env: Environment, args: string[]): string {
  const base = env.SERVER_URL?.replace(/\/+$/, '') || `http://localhost:${devPort(env, args)}`
  return `${base}/admin`
}

/** The port `next dev` listens on: `-p`/`--port`, else PORT, else 3000 (Next.js's own order). */
export function devPort(env: Environment, args: string[]): number {
  for (const [index, arg] of args.entries()) {
    const inline = /^--port=(\d+)$/.exec(arg)
    if (inline) {
      return Number(inline[1])
    }
    if ((arg === '-p' || arg === '--port') && /^\d+$/.test(args[index + 1] ?? '')) {
      return Number(args[index + 1])
    }
  }
  return Number(env.PORT || 3000)
}

export type WarmupStep = {
  /** Sent with the demo admin's session: the page is the signed-in admin's. */
  signedIn?: boolean
  label: string
  method?: 'GET' | 'POST'
  path: string
}

/**
 * The routes a first visit and a first publish need, in order. The login page first: it
 * compiles the admin and starts Payload, whose init seeds the demo content. The site's
 * /api/revalidate is asked too (unsigned, so refused): the first publish's webhook to it
 * timed out while it compiled.
 */
export const warmupSteps: WarmupStep[] = [
  { label: 'admin (first compile, database, demo content)', path: '/admin/login' },
  { label: 'API', path: '/api/health' },
  { label: 'index page', path: '/' },
  { label: 'comparison pages', path: '/compare' },
  { label: "site's revalidation webhook", method: 'POST', path: '/api/revalidate' },
  { label: 'dashboard', path: '/admin', signedIn: true },
  { label: 'verdicts list', path: '/admin/collections/verdicts', signedIn: true },
  { label: 'verdict edit view', path: '/admin/collections/verdicts/{verdict}', signedIn: true },
  { label: 'matchup edit view', path: '/admin/collections/matchups/{matchup}', signedIn: true },
]

/**
 * The demo admin's login, when the dev server runs on the demo database (no DATABASE_URI,
 * seeding not turned off); then the signed-in pages are warmed too. Otherwise null: the
 * script never guesses at a real database's accounts.
 */
export function demoAdminLogin(env: Environment): null | { email: string; password: string } {
  if (env.DATABASE_URI?.trim() || env.VERDICTS_DEMO_SEED === 'false') {
    return null
  }
  const admin = demoUsers.find((user) => user.role === 'admin')
  return admin ? { email: admin.email, password: demoPassword } : null
}

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g

/**
 * Next.js's own "✓ Ready in 2.1s" comes before anything is compiled; it is replaced by a
 * line that says what is still going on. Every other line passes through as it is.
 */
export function rewriteNextLine(line: string): string {
  const ready = /Ready in (\S+)/.exec(line.replace(ansi, ''))
  if (!ready) {
    return line
  }
  return ` ○ Next.js listening (${ready[1]}); compiling the admin and preparing the database before it is ready…`
}

export function formatReady(adminUrl: string, seconds: number, failures: string[]): string {
  const site = adminUrl.replace(/\/admin$/, '')
  const lines = [
    '',
    ` ✓ Ready in ${seconds.toFixed(0)} s: ${adminUrl}`,
    `   Comparisons: ${site}/compare`,
    ...failures.map((failure) => `   (warm-up: ${failure}; that page compiles on its first visit instead)`),
    '',
  ]
  return lines.join('\n')
}
