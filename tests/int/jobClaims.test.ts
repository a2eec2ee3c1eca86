import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Id } from '../../src/domain/ids.ts'

import { deliverWebhookTaskSlug, webhookQueue } from '../../src/webhooks/deliverWebhookTask.ts'
import { testDatabaseUri } from '../helpers/database.ts'
import { slugs } from '../helpers/fixtures.ts'
import { startSecondInstance, startTestPayload } from '../helpers/payload.ts'
import { startWebhookReceiver } from '../helpers/webhookReceiver.ts'
import { webhookSubscriptionData } from '../helpers/createData.ts'

/**
 * Two Payload instances on one database stand for two server processes running jobs
 * (src/cluster/jobClaims.ts); a third would prove no more.
 */
const plugin = { cluster: { jobLeaseSeconds: 60 }, webhooks: { allowPrivateTargets: true, backoffSeconds: 0 } }
let first: Payload
let second: Payload
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
let subscriptionId: Id

async function queueDeliveries(count: number, prefix: string): Promise<Array<{ id: Id }>> {
  const jobs: Array<{ id: Id }> = []
  for (let index = 0; index < count; index += 1) {
    const eventId = `${prefix}_${index}`
    const event = { data: { tags: [], paths: [] }, id: eventId, type: 'matchup.updated' }
    jobs.push(
      (await first.jobs.queue({
        input: { event, eventId, subscriptionId },
        queue: webhookQueue,
        task: deliverWebhookTaskSlug,
      })) as unknown as { id: Id },
    )
  }
  return jobs
}

const pendingJobs = async () =>
  (await first.count({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })).totalDocs

const deliveriesOf = (prefix: string) =>
  receiver.received.map((delivery) => String(delivery.headers['webhook-id'])).filter((id) => id.startsWith(prefix))

beforeAll(async () => {
  const databaseUri = testDatabaseUri('job-claims')
  first = await startTestPayload('job-claims', { databaseUri, plugin })
  second = await startSecondInstance(databaseUri, plugin)
  receiver = await startWebhookReceiver()
  subscriptionId = (
    (await first.create({
      collection: slugs.webhookSubscriptions,
      data: webhookSubscriptionData({ url: receiver.url }),
    })) as {
      id: Id
    }
  ).id
})

afterAll(async () => {
  await receiver?.stop()
  await second?.destroy()
  await first?.destroy()
})

describe('jobs with several runners (issue 14)', () => {
  it('runs each queued delivery exactly once when two processes run the queue at the same time', async () => {
    await queueDeliveries(24, 'evt_once')
    // Both runners claim small batches side by side until the queue is empty.
    for (let round = 0; round < 40 && (await pendingJobs()) > 0; round += 1) {
      await Promise.all([
        first.jobs.run({ limit: 3, queue: webhookQueue }),
        second.jobs.run({ limit: 3, queue: webhookQueue }),
        first.jobs.run({ limit: 3, queue: webhookQueue }),
        second.jobs.run({ limit: 3, queue: webhookQueue }),
      ])
    }
    const delivered = deliveriesOf('evt_once')
    expect(new Set(delivered).size).toBe(24)
    expect(delivered).toHaveLength(24)
  })

  it('runs again a job whose runner died once its lease is over, and leaves a live claim alone', async () => {
    const [abandoned, live] = await queueDeliveries(2, 'evt_lease')
    // A runner claimed both; one claim is older than the lease (its runner died), one is fresh.
    const longAgo = new Date(Date.now() - 61_000).toISOString()
    await first.db.updateJobs({ data: { processing: true, updatedAt: longAgo }, id: abandoned.id })
    await first.db.updateJobs({ data: { processing: true, updatedAt: new Date().toISOString() }, id: live.id })

    await second.jobs.run({ queue: webhookQueue })
    expect(deliveriesOf('evt_lease')).toEqual(['evt_lease_0'])
    const liveJob = await first.findByID({ collection: 'payload-jobs', id: live.id })
    expect(liveJob).toMatchObject({ processing: true })
    expect(liveJob.completedAt ?? null).toBeNull()
  })
})
