import type { Payload } from 'payload'

import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import { spawn } from 'node:child_process'
import path from 'node:path'
import { guardRestHandler } from '../../src/http/guardRest.ts'

export type HttpResult = { body: string; headers: Headers; json: () => Record<string, unknown>; status: number }

/**
 * One request to the app's REST handlers as a browser or mail client would send it: any
 * content type, a client address, the raw body back.
 */
export async function httpCall(
  payload: Payload,
  method: 'GET' | 'POST',
  url: string,
  {
    accept,
    body,
    contentType,
    headers = {},
    ip = '198.51.100.7',
  }: { accept?: string; body?: string; contentType?: string; headers?: Record<string, string>; ip?: string } = {},
): Promise<HttpResult> {
  const target = new URL(url, 'http://localhost:3000')
  const slug = target.pathname
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
  const requestHeaders = new Headers({ 'X-Forwarded-For': ip, ...headers })
  if (contentType) {
    requestHeaders.set('Content-Type', contentType)
  }
  if (accept) {
    requestHeaders.set('Accept', accept)
  }
  // Behind the same guard as the app's /api route, which decides what media types get through.
  const handler = guardRestHandler(
    payload.config,
    method === 'GET' ? REST_GET(payload.config) : REST_POST(payload.config),
  )
  const response = await handler(new Request(target, { body, headers: requestHeaders, method }), {
    params: Promise.resolve({ slug }),
  })
  const text = await response.text()
  return {
    body: text,
    headers: response.headers,
    json: () => JSON.parse(text) as Record<string, unknown>,
    status: response.status,
  }
}

/** The path and query of a link in a mail, for calling the handlers without a server. */
export function pathOf(link: string): string {
  const url = new URL(link)
  return `${url.pathname}${url.search}`
}

/** The first link in a text that goes to `path`. */
export function linkTo(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s"<>]*${path.replace(/\//g, '\\/')}\\?token=[^\\s"<>]+`).exec(text)
  if (!match) {
    throw new Error(`no link to ${path} in:\n${text}`)
  }
  return match[0].replace(/&amp;/g, '&')
}

export type SpawnedCli = {
  done: Promise<{ status: null | number; stderr: string; stdout: string }>
  kill: (signal: NodeJS.Signals) => void
  stderr: () => string
}

/**
 * Starts the verdicts CLI without blocking this process (an in-process SMTP server must
 * keep answering it), so a test can watch it and kill it mid-run.
 */
export function spawnCli(args: string[], env: Record<string, string>): SpawnedCli {
  const projectRoot = path.resolve(import.meta.dirname, '../..')
  const child = spawn(
    process.execPath,
    ['--conditions=production', path.join(projectRoot, 'scripts/runTs.mjs'), 'src/demo/cli/index.ts', ...args],
    {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: 'development', NODE_OPTIONS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return {
    done: new Promise((resolve) => child.once('exit', (status) => resolve({ status, stderr, stdout }))),
    kill: (signal) => child.kill(signal),
    stderr: () => stderr,
  }
}
