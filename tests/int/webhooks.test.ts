import type { CollectionSlug, Payload } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { Webhook } from 'standardwebhooks'

import type { WebhookEvent } from '../../src/webhooks/events.ts'

import { seedDemoContent } from '../../src/demo/seedDemoContent.ts'
import { webhookAutoRun, webhookQueue } from '../../src/webhooks/deliverWebhookTask.ts'
import { webhookSubscriptionData } from '../helpers/createData.ts'
import { quote, slugs } from '../helpers/fixtures.ts'
import { demoMatchupSlugs } from '../helpers/demoMatchups.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { startWebhookReceiver } from '../helpers/webhookReceiver.ts'
import type { Id } from '../../src/domain/ids.ts'

let payload: Payload
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
let subscription: { id: Id; secret: string }

const idOf = async (collection: CollectionSlug, slug: string): Promise<Id> =>
  (
    (await payload.find({ collection: collection, where: { slug: { equals: slug } } })).docs[0] as unknown as {
      id: Id
    }
  ).id

/**
 * Runs the webhook queue until it is empty (retries have no backoff in this suite), as the
 * server's schedule runs it.
 */
async function deliverAll(): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    await payload.jobs.run({ limit: webhookAutoRun.limit, queue: webhookQueue, silent: webhookAutoRun.silent })
    const pending = await payload.count({
      collection: 'payload-jobs',
      where: {
        and: [
          { queue: { equals: webhookQueue } },
          { completedAt: { exists: false } },
          { hasError: { not_equals: true } },
        ],
      },
    })
    if (pending.totalDocs === 0) {
      return
    }
  }
}

beforeAll(async () => {
  // The receiver listens on loopback, which webhooks refuse unless allowed (tests/int/securityWebhooks).
  payload = await startTestPayload('webhooks', {
    plugin: { webhooks: { allowPrivateTargets: true, backoffSeconds: 0, maxAttempts: 3, timeoutSeconds: 1 } },
  })
  await seedDemoContent(payload)
  receiver = await startWebhookReceiver()
  subscription = (await payload.create({
    collection: slugs.webhookSubscriptions,
    data: webhookSubscriptionData({ url: receiver.url }),
  })) as unknown as { id: Id; secret: string }
})

beforeEach(() => {
  receiver.received.length = 0
})

afterAll(async () => {
  await receiver?.stop()
  await payload?.destroy()
})

/** The warnings and errors the server logs until `stop` (info lines are the queue's own chatter). */
function captureLog() {
  const lines: Array<{ level: string; line: string }> = []
  const spies = (['error', 'warn'] as const).map((level) =>
    jest.spyOn(payload.logger, level).mockImplementation(((entry: unknown) => {
      lines.push({ level, line: typeof entry === 'string' ? entry : JSON.stringify(entry) })
    }) as never),
  )
  return { lines, stop: () => spies.forEach((spy) => spy.mockRestore()) }
}

async function findVerdict(tool: string, persona: string): Promise<Id> {
  const { docs } = await payload.find({
    collection: slugs.verdicts,
    where: {
      and: [
        { tool: { equals: await idOf(slugs.tools, tool) } },
        { reviewer: { equals: await idOf(slugs.reviewers, persona) } },
      ],
    },
  })
  return (docs[0] as unknown as { id: Id }).id
}

describe('webhooks to consumer sites', () => {
  it('sends a signed POST naming every page a verdict change affects', async () => {
    await payload.update({
      collection: slugs.verdicts,
      data: { _status: 'published', decision: 'skip' },
      id: await findVerdict('code-llama-4-70b-400b', 'builder'),
    })
    expect(receiver.received).toHaveLength(0) // nothing leaves before the queue runs
    await deliverAll()

    expect(receiver.received).toHaveLength(1)
    const [delivery] = receiver.received
    const event = new Webhook(subscription.secret).verify(
      delivery.body,
      delivery.headers as Record<string, string>,
    ) as WebhookEvent
    expect(event.type).toBe('verdict.updated')
    expect(event.data.tags).toEqual([
      `matchup:${demoMatchupSlugs.vsMistralSmall}`,
      `matchup:${demoMatchupSlugs.vsMistralNext}`,
      `matchup:${demoMatchupSlugs.familyPair}`,
      `matchup:${demoMatchupSlugs.flashLiteVsCodeLlama}`,
      'tool:code-llama-4-70b-400b',
    ])
    expect(event.data.paths).toContain('/api/public/tools/code-llama-4-70b-400b')
    expect(event.data.paths).toContain(`/api/public/matchups/${demoMatchupSlugs.familyPair}`)
  })

  it('names the matchup and both tools when a matchup changes', async () => {
    await payload.update({
      collection: slugs.matchups,
      data: { _status: 'published', customTitle: 'Local or hosted?' },
      id: await idOf(slugs.matchups, 'ollama-vs-openrouter'),
    })
    await deliverAll()
    const event = JSON.parse(receiver.received[0].body) as WebhookEvent
    expect(event.type).toBe('matchup.updated')
    expect(event.data.tags).toEqual(['matchup:ollama-vs-openrouter', 'tool:ollama', 'tool:openrouter'])
  })

  it('stays silent for a draft saved over a published verdict', async () => {
    await payload.update({
      collection: slugs.verdicts,
      data: { quote: quote('Draft thoughts only.') },
      draft: true,
      id: await findVerdict('ollama', 'builder'),
    })
    await deliverAll()
    expect(receiver.received).toHaveLength(0)
  })

  it('retries a failing receiver with backoff and logs every attempt', async () => {
    receiver.failNext(500, 503)
    await payload.update({
      collection: slugs.verdicts,
      data: { _status: 'draft' },
      id: await findVerdict('ollama', 'skeptic'),
    })
    await deliverAll()
    expect(receiver.received).toHaveLength(3)
    const ids = new Set(receiver.received.map((delivery) => delivery.headers['webhook-id']))
    expect(ids.size).toBe(1) // one event, the same id on every attempt
    expect(JSON.parse(receiver.received[2].body).type).toBe('verdict.unpublished')

    const { docs } = await payload.find({
      collection: slugs.webhookDeliveries,
      sort: 'createdAt',
      where: { eventId: { equals: [...ids][0] } },
    })
    expect(
      (docs as unknown as Array<{ attempt: number; outcome: string; responseStatus: number }>).map((entry) => [
        entry.attempt,
        entry.outcome,
        entry.responseStatus,
      ]),
    ).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 503],
      [3, 'delivered', 200],
    ])
  })

  it('a receiver that does not answer in time: one warning line with the cause, then the retry delivers', async () => {
    // The first publish under `npm run dev` met the site's /api/revalidate still compiling.
    receiver.stallNext()
    const log = captureLog()
    await payload.update({
      collection: slugs.tools,
      data: { tagline: 'Answers on the second try' },
      id: await idOf(slugs.tools, 'ollama'),
    })
    await deliverAll()
    log.stop()
    expect(receiver.received).toHaveLength(2)
    expect(log.lines).toEqual([
      {
        level: 'warn',
        line: `Webhook tool.updated to ${receiver.url} not delivered: no answer within 1 s; attempt 1 of 3, next in 0 s`,
      },
    ])
    const { docs } = await payload.find({
      collection: slugs.webhookDeliveries,
      sort: 'createdAt',
      where: { eventId: { equals: receiver.received[0].headers['webhook-id'] } },
    })
    expect((docs as unknown as Array<{ error: null | string; outcome: string }>).map((entry) => entry.outcome)).toEqual(
      ['failed', 'delivered'],
    )
  })

  it('gives up after the last attempt, and says so in the log', async () => {
    receiver.failNext(500, 500, 500)
    const log = captureLog()
    await payload.update({
      collection: slugs.tools,
      data: { tagline: 'A new line for the page' },
      id: await idOf(slugs.tools, 'ollama'),
    })
    await deliverAll()
    expect(receiver.received).toHaveLength(3)
    const eventId = receiver.received[0].headers['webhook-id']
    const { docs } = await payload.find({
      collection: slugs.webhookDeliveries,
      sort: 'createdAt',
      where: { eventId: { equals: eventId } },
    })
    expect((docs as unknown as Array<{ outcome: string }>).map((entry) => entry.outcome)).toEqual([
      'failed',
      'failed',
      'gave-up',
    ])
    // One line per attempt, the last an error; no stack, no job dump.
    log.stop()
    expect(log.lines.map((entry) => entry.level)).toEqual(['warn', 'warn', 'error'])
    expect(log.lines[2].line).toBe(
      `Webhook tool.updated to ${receiver.url} not delivered: the receiver answered 500; gave up after 3 attempts`,
    )
  })

  it('keeps subscriptions and the delivery log to admins', async () => {
    const editor = (
      await payload.find({ collection: slugs.users, where: { email: { equals: 'editor@verdicts.test' } } })
    ).docs[0]
    await expect(
      payload.find({ collection: slugs.webhookSubscriptions, overrideAccess: false, user: editor }),
    ).rejects.toThrow(/not allowed/i)
    await expect(
      payload.find({ collection: slugs.webhookDeliveries, overrideAccess: false, user: editor }),
    ).rejects.toThrow(/not allowed/i)
  })
})
