import type { Payload } from 'payload'

import { afterAll, beforeAll, expect, it, jest } from '@jest/globals'

import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { accounts, createFixtures, password, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor, workflowAction } from '../helpers/rest.ts'

/**
 * Issue 17: a request the server refuses on purpose (a workflow step out of turn, a wrong
 * password, a tool still in use, an invalid field, an unknown query field) is an answer,
 * not a fault. What an operator reads in the log: one info line with the reason, no ERROR,
 * no stack trace.
 */
let payload: Payload
let fixtures: Fixtures
let rest: RestClient
let editor: string
let admin: string

type Captured = { level: string; line: string }
let captured: Captured[] = []

beforeAll(async () => {
  payload = await startTestPayload('refusal-logging')
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  editor = await tokenFor(payload, accounts.editor.email, password)
  admin = await tokenFor(payload, accounts.admin.email, password)
  for (const level of ['error', 'warn', 'info'] as const) {
    jest.spyOn(payload.logger, level).mockImplementation(((entry: unknown, message?: string) => {
      captured.push({
        level,
        line: typeof entry === 'string' ? entry : JSON.stringify({ ...(entry as object), message }),
      })
    }) as never)
  }
})

afterAll(async () => {
  jest.restoreAllMocks()
  await payload?.destroy()
})

/** What the server logged while `request` ran. */
async function logOf(request: () => Promise<{ status: number }>, status: number): Promise<Captured[]> {
  captured = []
  const response = await request()
  if (response.status !== status || captured.some((entry) => entry.level !== 'info')) {
    process.stderr.write(`${JSON.stringify(response)}\n${JSON.stringify(captured, null, 1)}\n`)
  }
  expect(response.status).toBe(status)
  return captured
}

function expectOneInfoLine(lines: Captured[], text: string) {
  expect(lines.filter((entry) => entry.level !== 'info')).toEqual([])
  const matching = lines.filter((entry) => entry.line.includes(text))
  expect(matching).toHaveLength(1)
  expect(matching[0].line).not.toMatch(/\n\s+at /)
}

it('publishing a verdict nobody approved (409), by the workflow or the header button: no ERROR', async () => {
  const created = await rest.request<{ doc: { id: Id } }>('POST', `/${slugs.verdicts}?draft=true`, {
    body: {
      decision: 'ship',
      quote: quote('Fast.'),
      reviewer: fixtures.personaIds.skeptic,
      tool: fixtures.toolIds.alpha,
    },
    token: editor,
  })
  expect(created.status).toBe(201)
  const id = created.body.doc.id
  const viaWorkflow = await logOf(() => workflowAction(rest, slugs.verdicts, id, 'publish', editor), 409)
  expect(viaWorkflow.filter((entry) => entry.level !== 'info')).toEqual([])
  // Payload's own publish (the edit view's header button) meets the same rule in a hook.
  const viaHeader = await logOf(
    () => rest.request('PATCH', `/${slugs.verdicts}/${id}`, { body: { _status: 'published' }, token: editor }),
    409,
  )
  expectOneInfoLine(viaHeader, 'approved')
})

it('a tool still in use (409), a field the rules refuse (400) and an unknown query field (400): info', async () => {
  await payload.create({
    collection: slugs.verdicts,
    data: { decision: 'skip', quote: quote('Slow.'), reviewer: fixtures.personaIds.other, tool: fixtures.toolIds.beta },
    draft: true,
  })
  expectOneInfoLine(
    await logOf(() => rest.request('DELETE', `/${slugs.tools}/${fixtures.toolIds.beta}`, { token: admin }), 409),
    'This tool is used by 1 verdict(s)',
  )
  const spaces = await logOf(
    () =>
      rest.request('POST', `/${slugs.verdicts}`, {
        body: {
          decision: 'ship',
          quote: quote('    '),
          reviewer: fixtures.personaIds.other,
          tool: fixtures.toolIds.gamma,
        },
        token: editor,
      }),
    400,
  )
  expect(spaces.filter((entry) => entry.level !== 'info')).toEqual([])
  const unknownField = await logOf(
    () => rest.request('GET', `/${slugs.verdicts}?where[noSuchField][equals]=1`, { token: editor }),
    400,
  )
  expect(unknownField.filter((entry) => entry.level !== 'info')).toEqual([])
})

it('a wrong password (401) is one info line, not an ERROR with a stack', async () => {
  const lines = await logOf(
    () =>
      rest.request('POST', `/${slugs.users}/login`, {
        body: { email: accounts.editor.email, password: 'not-the-password' },
      }),
    401,
  )
  expect(lines.filter((entry) => entry.level !== 'info')).toEqual([])
})
