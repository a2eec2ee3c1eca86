import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Id } from '../../src/domain/ids.ts'

import { composeNewsletterTaskSlug, newsletterQueue } from '../../src/newsletter/job.ts'
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

type JobStats = {
  scheduledRuns: { queues: Record<string, { tasks: Record<string, { lastScheduledRun: string }> }> }
}

const composeJobs = () =>
  first.find({
    collection: 'payload-jobs',
    sort: 'createdAt',
    where: { taskSlug: { equals: composeNewsletterTaskSlug } },
  })

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

  it('queues each schedule slot once when several processes handle schedules at the same moment', async () => {
    // As the runners' crons do at second 0 of every minute, several times over.
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(
        [first, second, first, second].map((payload) => payload.jobs.handleSchedules({ queue: newsletterQueue })),
      )
    }
    const { docs } = await composeJobs()
    expect(docs).toHaveLength(1)
    expect(new Date(String(docs[0].waitUntil)).getTime()).toBeGreaterThan(Date.now())
  })

  it('does not queue a slot again once its job ran, even when the schedule record was overwritten', async () => {
    // The slot queued above (queued here when this test runs alone).
    await first.jobs.handleSchedules({ queue: newsletterQueue })
    const [job] = (await composeJobs()).docs
    const slot = new Date(String(job.waitUntil))
    await first.db.updateJobs({ data: { completedAt: new Date().toISOString(), processing: false }, id: job.id })
    // Payload writes the whole stats record back from what it read: a write based on an older
    // read puts this schedule back to "last queued before the slot", as if it never was.
    const stats = (await first.db.findGlobal({ slug: 'payload-jobs-stats' })) as { stats: JobStats }
    stats.stats.scheduledRuns.queues[newsletterQueue].tasks[composeNewsletterTaskSlug].lastScheduledRun = new Date(
      slot.getTime() - 1000,
    ).toISOString()
    await first.db.updateGlobal({ data: stats, slug: 'payload-jobs-stats' })

    await second.jobs.handleSchedules({ queue: newsletterQueue })
    const slots = (await composeJobs()).docs.map((doc) => new Date(String(doc.waitUntil)).getTime())
    expect(slots.filter((time) => time === slot.getTime())).toHaveLength(1)
  })
})
