import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { RestClient } from '../helpers/rest.ts'

import { deliverWebhookTaskSlug, webhookQueue } from '../../src/webhooks/deliverWebhookTask.ts'
import { isPublicAddress, refusedWebhookTarget } from '../../src/webhooks/targetGuard.ts'
import { accounts, createFixtures, password, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor } from '../helpers/rest.ts'
import { startWebhookReceiver } from '../helpers/webhookReceiver.ts'

/**
 * Finding 10: webhooks cannot be pointed at the CMS's own network, neither when an admin
 * subscribes nor when a delivery goes out.
 */
let payload: Payload
let rest: RestClient
let admin: string

beforeAll(async () => {
  payload = await startTestPayload('security-webhooks', { plugin: { webhooks: { backoffSeconds: 0, maxAttempts: 1 } } })
  await createFixtures(payload)
  rest = restClient(payload)
  admin = await tokenFor(payload, accounts.admin.email, password)
})

afterAll(async () => {
  await payload?.destroy()
})

const internalTargets = [
  'http://127.0.0.1:5432/',
  'http://[::1]:6379/',
  'http://2130706433:22/',
  'http://0x7f.1:8080/',
  'http://10.0.0.8/hook',
  'http://169.254.169.254/latest/meta-data/',
  'http://[fd00::1]/',
  'http://[::ffff:127.0.0.1]/',
  'http://localhost:3001/',
  'http://0.0.0.0:9000/',
]

describe('subscribing', () => {
  it.each(internalTargets.map((url) => [url]))('refuses %s with a 400 naming url', async (url) => {
    const response = await rest.request('POST', `/${slugs.webhookSubscriptions}`, {
      body: { events: ['verdict'], url },
      token: admin,
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain('url')
    expect(JSON.stringify(response.body)).toContain('not a public address')
  })

  it('classifies public and internal addresses', () => {
    expect(isPublicAddress('93.184.216.34')).toBe(true)
    expect(isPublicAddress('2606:4700::1111')).toBe(true)
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.1.1',
      '100.64.0.1',
      '::1',
      'fe80::1',
      'fc00::1',
      '::ffff:10.0.0.1',
      '0.0.0.0',
    ]) {
      expect(isPublicAddress(address)).toBe(false)
    }
  })

  it('allows internal targets when the option says so, and listed origins always', async () => {
    expect(
      await refusedWebhookTarget('http://127.0.0.1:4000/hook', {
        allowPrivateTargets: true,
        allowedPrivateOrigins: [],
      }),
    ).toBeNull()
    expect(
      await refusedWebhookTarget('http://localhost:3000/api/revalidate', {
        allowPrivateTargets: false,
        allowedPrivateOrigins: ['http://localhost:3000'],
      }),
    ).toBeNull()
    expect(
      await refusedWebhookTarget('http://localhost:3001/api/revalidate', {
        allowPrivateTargets: false,
        allowedPrivateOrigins: ['http://localhost:3000'],
      }),
    ).toMatch(/not a public address/)
  })
})

describe('delivering', () => {
  it('does not connect to an internal target that got into the database another way', async () => {
    const receiver = await startWebhookReceiver()
    try {
      // A row written past the field's validation (an old subscription, a direct import).
      const created = await payload.db.create({
        collection: slugs.webhookSubscriptions,
        data: { active: true, events: ['verdict'], secret: 'whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=', url: receiver.url },
      })
      const job = await payload.jobs.queue({
        input: {
          event: { data: {}, timestamp: new Date().toISOString(), type: 'verdict.published' },
          eventId: 'msg_ssrf',
          subscriptionId: created.id,
        },
        queue: webhookQueue,
        task: deliverWebhookTaskSlug,
      })
      // This job itself: a run of the queue takes the oldest jobs first, up to its limit, and
      // may stop before this one.
      await payload.jobs.runByID({ id: job.id })
      expect(receiver.received).toHaveLength(0)
      const { docs } = await payload.find({
        collection: slugs.webhookDeliveries,
        where: { eventId: { equals: 'msg_ssrf' } },
      })
      expect((docs[0] as unknown as { error: string; responseStatus: null | number }).error).toMatch(
        /refused before connecting/,
      )
      expect((docs[0] as unknown as { responseStatus: null | number }).responseStatus).toBeNull()
    } finally {
      await receiver.stop()
    }
  })
})
