import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'

import type { Subscriber } from '../../src/payload-types.ts'
import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { LoopbackSmtp } from '../helpers/smtpServer.ts'

import { createSmtpEmailAdapter } from '../../src/email/smtpEmailAdapter.ts'
import { newsletterSystemContextField } from '../../src/newsletter/access.ts'
import { type ComposedIssue, composeIssue } from '../../src/newsletter/compose.ts'
import { approveIssueAsSystem, sendIssue } from '../../src/newsletter/send.ts'
import { pluginOptionsOf } from '../../src/pluginOptions.ts'
import { matchupData, verdictData } from '../helpers/createData.ts'
import { accounts, createFixtures, password, quote, slugs } from '../helpers/fixtures.ts'
import { httpCall, pathOf, spawnCli } from '../helpers/newsletter.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { testDatabaseUri } from '../helpers/database.ts'
import { restClient, tokenFor, workflowAction } from '../helpers/rest.ts'
import { startLoopbackSmtp } from '../helpers/smtpServer.ts'

const databaseUri = testDatabaseUri('newsletterSend')
const confirmedCount = 30
let payload: Payload
let fixtures: Fixtures
let smtp: LoopbackSmtp
let issueId: ComposedIssue['id']

const system = { context: { [newsletterSystemContextField]: true }, overrideAccess: false }

async function addSubscriber(email: string, status: Subscriber['status']): Promise<Id> {
  const doc = await payload.create({
    ...system,
    collection: slugs.subscribers,
    data: { email, status },
  })
  return (doc as { id: Id }).id
}

async function systemReq() {
  return createLocalReq({}, payload)
}

beforeAll(async () => {
  smtp = await startLoopbackSmtp()
  payload = await startTestPayload('newsletterSend', {
    databaseUri,
    email: createSmtpEmailAdapter({ from: 'Weekly AI Tool Verdicts <news@verdicts.example>', url: smtp.url }),
    plugin: { newsletter: { publicUrl: 'https://verdicts.example' }, security: { trustProxy: 1 } },
  })
  fixtures = await createFixtures(payload)
  // A week's news: one comparison goes live, and Alpha's panel score moves twice.
  for (const [persona, decision] of [
    [fixtures.personaIds.skeptic, 'ship'],
    [fixtures.personaIds.other, 'skip'],
  ] as const) {
    await payload.create({
      collection: slugs.verdicts,
      data: verdictData({
        _status: 'published',
        decision,
        quote: quote('A verdict.'),
        reviewer: persona,
        tool: fixtures.toolIds.alpha,
      }),
    })
  }
  await payload.create({
    collection: slugs.matchups,
    data: matchupData({ _status: 'published', leftTool: fixtures.toolIds.alpha, rightTool: fixtures.toolIds.beta }),
  })
  for (let index = 0; index < confirmedCount; index += 1) {
    await addSubscriber(`reader${String(index).padStart(2, '0')}@example.com`, 'confirmed')
  }
  await addSubscriber('pending@example.com', 'pending')
  await addSubscriber('gone@example.com', 'unsubscribed')
  await addSubscriber('bounced@example.com', 'bounced')
  await addSubscriber('complained@example.com', 'complained')
}, 120_000)

afterAll(async () => {
  await payload?.destroy()
  await smtp?.stop()
})

type IssueDoc = {
  deliveryStatus?: string
  failedCount?: number
  items: Array<{ kind: string; text: string; title: string; url?: null | string }>
  recipients?: number
  sentCount?: number
  title: string
  workflowStage: string
}

describe('composing the weekly issue', () => {
  it('drafts an issue with the comparisons first published in the period and the panel scores that moved', async () => {
    const composed = await composeIssue(await systemReq(), pluginOptionsOf(payload), {
      since: new Date(Date.now() - 3600_000),
    })
    issueId = composed.id
    const issue = (await payload.findByID({
      id: issueId,
      collection: slugs.newsletterIssues,
      depth: 0,
      draft: true,
    })) as unknown as IssueDoc
    expect(issue.workflowStage).toBe('draft')
    expect(issue.title).toMatch(/^Weekly AI Tool Verdicts: /)
    expect(issue.items[0]).toMatchObject({
      kind: 'matchup',
      text: 'Alpha Coder: panel ship 50% · Beta Chat: panel ship —',
      title: 'Alpha Coder vs Beta Chat',
      url: 'https://verdicts.example/compare/alpha-coder-vs-beta-chat',
    })
    const score = issue.items.find((item) => item.kind === 'score')!
    expect(score.title).toBe('Alpha Coder')
    expect(score.text).toMatch(
      /^Panel ship — → 50%: .*The Skeptic on Alpha Coder was published.*The Futurist on Alpha Coder was published/,
    )
    expect(score.text).not.toContain('@')
  })

  it('leaves out what was published before the period', async () => {
    const later = await composeIssue(await systemReq(), pluginOptionsOf(payload), {
      since: new Date(Date.now() + 1000),
    })
    const issue = (await payload.findByID({
      id: later.id,
      collection: slugs.newsletterIssues,
      draft: true,
    })) as unknown as IssueDoc
    expect(issue.items).toEqual([])
    await payload.delete({ id: later.id, collection: slugs.newsletterIssues })
  })
})

describe('the issue goes through the editorial workflow', () => {
  it('is for the editorial team only', async () => {
    const rest = restClient(payload)
    expect((await rest.request('GET', `/newsletter-issues/${issueId}?draft=true`)).status).toBe(403)
    const reviewer = await tokenFor(payload, accounts.reviewer.email, password)
    expect((await rest.request('GET', `/newsletter-issues/${issueId}?draft=true`, { token: reviewer })).status).toBe(
      200,
    )
    expect(
      (
        await rest.request('PATCH', `/newsletter-issues/${issueId}?draft=true`, {
          body: { intro: 'Mine now' },
          token: reviewer,
        })
      ).status,
    ).toBe(403)
  })

  it('cannot be sent before it is approved', async () => {
    await expect(sendIssue(await systemReq(), pluginOptionsOf(payload), issueId)).rejects.toThrow(
      /is not approved \(stage: draft\)/,
    )
    expect(smtp.received()).toBe(0)
  })

  it('is edited and submitted by an editor and approved by any reviewer, never by an editor', async () => {
    const rest = restClient(payload)
    const editor = await tokenFor(payload, accounts.editor.email, password)
    const reviewer = await tokenFor(payload, accounts.otherReviewer.email, password)
    const edit = await rest.request('PATCH', `/newsletter-issues/${issueId}?draft=true`, {
      body: { intro: 'A short week, a big comparison.' },
      token: editor,
    })
    expect(edit.status).toBe(200)
    expect((await workflowAction(rest, 'newsletter-issues', issueId, 'submit', editor)).body.stage).toBe('in_review')
    await smtp.waitFor(1)
    expect(smtp.messages[0].subject).toMatch(/^Review requested: Weekly AI Tool Verdicts/)
    expect(smtp.messages[0].envelopeTo.sort()).toEqual([accounts.otherReviewer.email, accounts.reviewer.email])

    const byEditor = await workflowAction(rest, 'newsletter-issues', issueId, 'approve', editor)
    expect(byEditor.status).toBe(403)
    const approved = await workflowAction(rest, 'newsletter-issues', issueId, 'approve', reviewer)
    expect(approved.status).toBe(200)
    expect(approved.body.stage).toBe('approved')
    const awaiting = await rest.request<{ docs: unknown[] }>('GET', '/newsletter-issues/awaiting-approval', {
      token: reviewer,
    })
    expect(awaiting.body.docs).toEqual([])
  })

  it('lets an admin send an issue back with a comment; editors never judge it', async () => {
    const rest = restClient(payload)
    const admin = await tokenFor(payload, accounts.admin.email, password)
    const other = (await payload.create({
      collection: slugs.newsletterIssues,
      data: { title: 'Another issue' },
      draft: true,
      overrideAccess: false,
      user: await payload.findByID({ id: fixtures.userIds.editor, collection: 'users' }),
    })) as { id: Id }
    const editor = await tokenFor(payload, accounts.editor.email, password)
    await workflowAction(rest, 'newsletter-issues', other.id, 'submit', editor)
    expect((await workflowAction(rest, 'newsletter-issues', other.id, 'approve', editor)).status).toBe(403)
    expect(
      (await workflowAction(rest, 'newsletter-issues', other.id, 'request_changes', admin, 'Too short')).body.stage,
    ).toBe('changes_requested')
    await payload.delete({ id: other.id, collection: slugs.newsletterIssues })
  })
})

describe('sending an approved issue', () => {
  const issueMessages = () => smtp.messages.filter((mail) => mail.subject?.startsWith('Weekly AI Tool Verdicts:'))

  it('mails every confirmed subscriber once, multipart with RFC 8058 headers, and records each delivery', async () => {
    smtp.reject.add('reader07@example.com')
    const progress: number[] = []
    const summary = await sendIssue(await systemReq(), pluginOptionsOf(payload), issueId, {
      onProgress: (step) => progress.push(step.processed),
    })
    expect(summary).toMatchObject({
      failed: 1,
      interrupted: 0,
      sent: confirmedCount - 1,
      skipped: 0,
      total: confirmedCount,
    })
    expect(progress.at(-1)).toBe(confirmedCount)
    await smtp.waitFor(1 + confirmedCount - 1)
    const messages = issueMessages()
    const recipients = messages.flatMap((mail) => mail.envelopeTo).sort()
    expect(recipients).toHaveLength(confirmedCount - 1)
    expect(new Set(recipients).size).toBe(confirmedCount - 1)
    expect(recipients.some((address) => /pending|gone|bounced|complained|reader07/.test(address))).toBe(false)

    const mail = messages[0]
    // The raw header lines, as a mail client reads them (mailparser folds List-* into `list`).
    const header = (name: string) =>
      mail.headerLines
        .find((line) => line.key === name)
        ?.line.replace(/^[^:]+:\s*/, '')
        .replace(/\r?\n\s+/g, '')
    const listUnsubscribe = String(header('list-unsubscribe'))
    expect(listUnsubscribe).toMatch(
      /^<https:\/\/verdicts\.example\/api\/public\/newsletter\/unsubscribe\?token=[\w.%-]+>$/,
    )
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    expect(mail.html).toBeTruthy()
    expect(mail.text).toBeTruthy()
    expect(mail.text).toContain('A short week, a big comparison.')
    expect(mail.text).toContain('https://verdicts.example/compare/alpha-coder-vs-beta-chat')
    expect(mail.text).toContain(`Unsubscribe: ${listUnsubscribe.slice(1, -1)}`)
    expect(mail.html).toContain(
      '<a href="https://verdicts.example/compare/alpha-coder-vs-beta-chat">Alpha Coder vs Beta Chat</a>',
    )
    expect(mail.html).toContain(`href="${listUnsubscribe.slice(1, -1).replace(/&/g, '&amp;')}"`)

    // The link in the header unsubscribes exactly the reader it was sent to.
    const oneClick = await httpCall(payload, 'POST', pathOf(listUnsubscribe.slice(1, -1)), {
      body: 'List-Unsubscribe=One-Click',
      contentType: 'application/x-www-form-urlencoded',
    })
    expect(oneClick.status).toBe(200)
    const { docs } = await payload.find({
      collection: slugs.subscribers,
      where: { email: { equals: mail.envelopeTo[0] } },
    })
    expect((docs[0] as unknown as { status: string }).status).toBe('unsubscribed')
  })

  it('shows progress on the issue in the admin: total, sent, failed', async () => {
    const editor = await tokenFor(payload, accounts.editor.email, password)
    const response = await restClient(payload).request<IssueDoc>('GET', `/newsletter-issues/${issueId}?draft=true`, {
      token: editor,
    })
    expect(response.body).toMatchObject({
      deliveryStatus: 'sent',
      failedCount: 1,
      recipients: confirmedCount,
      sentCount: confirmedCount - 1,
    })
  })

  it('mails nobody twice when sent again, and retries only what failed', async () => {
    smtp.reject.clear()
    const before = issueMessages().length
    const again = await sendIssue(await systemReq(), pluginOptionsOf(payload), issueId)
    // One reader unsubscribed in between; the failed one is retried.
    expect(again).toMatchObject({ failed: 0, sent: 1, skipped: confirmedCount - 2, total: confirmedCount - 1 })
    expect(issueMessages().length).toBe(before + 1)
    expect(issueMessages().at(-1)!.envelopeTo).toEqual(['reader07@example.com'])
  })
})

describe('sending from the admin', () => {
  it('queues the send of an approved issue for editors and admins only; the queue sends it', async () => {
    const rest = restClient(payload)
    const composed = await composeIssue(await systemReq(), pluginOptionsOf(payload), {
      since: new Date(Date.now() - 3600_000),
    })
    const editor = await tokenFor(payload, accounts.editor.email, password)
    const reviewer = await tokenFor(payload, accounts.reviewer.email, password)
    expect((await rest.request('POST', `/newsletter-issues/${composed.id}/send`, { token: editor })).status).toBe(409)
    await approveIssueAsSystem(await systemReq(), pluginOptionsOf(payload), composed.id)
    expect((await rest.request('POST', `/newsletter-issues/${composed.id}/send`, { token: reviewer })).status).toBe(403)
    expect((await rest.request('POST', `/newsletter-issues/${composed.id}/send`)).status).toBe(403)
    expect((await rest.request('POST', '/newsletter-issues/999999/send', { token: editor })).status).toBe(404)
    const queued = await rest.request<{ queued: boolean }>('POST', `/newsletter-issues/${composed.id}/send`, {
      token: editor,
    })
    expect(queued.status).toBe(202)
    const before = smtp.received()
    await payload.jobs.run({ queue: 'verdicts-newsletter' })
    // Everyone still confirmed (one reader unsubscribed above).
    await smtp.waitFor(before + confirmedCount - 1)
    const issue = await rest.request<IssueDoc>('GET', `/newsletter-issues/${composed.id}?draft=true`, { token: editor })
    expect(issue.body).toMatchObject({
      deliveryStatus: 'sent',
      failedCount: 0,
      recipients: confirmedCount - 1,
      sentCount: confirmedCount - 1,
    })
  })
})

describe('the command line', () => {
  it('sends with --approve after a kill -9 mid-send without mailing anyone twice', async () => {
    const slow = await startLoopbackSmtp({ delayMs: 150 })
    try {
      const composed = await composeIssue(await systemReq(), pluginOptionsOf(payload), {
        since: new Date(Date.now() - 3600_000),
      })
      await payload.update({
        id: composed.id,
        collection: slugs.newsletterIssues,
        data: { title: 'Kill test issue' },
        draft: true,
      })
      const env = { DATABASE_URI: databaseUri, SMTP_URL: slow.url }
      const first = spawnCli(['newsletter', 'send', String(composed.id)], env)
      const refused = await first.done
      expect(refused.status).toBe(1)
      expect(refused.stderr).toContain('is not approved')

      const killed = spawnCli(['newsletter', 'send', String(composed.id), '--approve'], env)
      await slow.waitFor(6, 120_000)
      killed.kill('SIGKILL')
      await killed.done
      const deliveredBeforeKill = slow.received()
      expect(deliveredBeforeKill).toBeLessThan(confirmedCount - 1)

      const resumed = await spawnCli(['newsletter', 'send', String(composed.id)], env).done
      expect(resumed.status).toBe(0)
      const summary = /sent (\d+), skipped (\d+) already sent, failed (\d+)/.exec(resumed.stdout)!
      expect(Number(summary[3])).toBe(0)
      expect(Number(summary[1]) + Number(summary[2])).toBe(confirmedCount - 1)
      await new Promise((resolve) => setTimeout(resolve, 500))

      const recipients = slow.messages.map((mail) => mail.envelopeTo[0])
      expect(new Set(recipients).size).toBe(recipients.length)
      // Only deliveries caught mid-flight by the kill can be missing, and they are reported.
      const interrupted = (
        await payload.count({
          collection: slugs.newsletterDeliveries,
          where: { and: [{ issue: { equals: composed.id } }, { status: { equals: 'sending' } }] },
        })
      ).totalDocs
      expect(recipients.length + interrupted).toBeGreaterThanOrEqual(confirmedCount - 1)
      // At most the messages in flight at the kill (sendConcurrency, 8) can be lost; the
      // other interrupted records were delivered before their grouped "sent" mark.
      expect(confirmedCount - 1 - recipients.length).toBeLessThanOrEqual(8)
      expect(interrupted).toBeLessThanOrEqual(25 + 8)

      const events = await payload.find({
        collection: slugs.workflowEvents,
        where: { and: [{ 'document.value': { equals: composed.id } }, { action: { equals: 'approve' } }] },
      })
      expect(events.docs[0]).toMatchObject({ comment: expect.stringContaining('--approve') })
      // No user: the system approved it (MongoDB leaves the empty field out, SQL stores null).
      expect((events.docs[0] as { user?: unknown }).user ?? null).toBeNull()

      const composedByCli = await spawnCli(
        ['newsletter', 'compose', '--since', new Date(Date.now() - 3600_000).toISOString()],
        env,
      ).done
      expect(composedByCli.status).toBe(0)
      const newId = composedByCli.stdout.trim()
      const cliIssue = (await payload.findByID({
        id: newId,
        collection: slugs.newsletterIssues,
        draft: true,
      })) as unknown as IssueDoc
      expect(cliIssue).toMatchObject({
        items: expect.arrayContaining([expect.objectContaining({ title: 'Alpha Coder vs Beta Chat' })]),
        workflowStage: 'draft',
      })
      const badSince = await spawnCli(['newsletter', 'compose', '--since', 'last week'], env).done
      expect(badSince.status).toBe(2)
      expect(badSince.stderr).toContain('--since must be an ISO date')

      const counts = await spawnCli(['newsletter', 'subscribers'], env).done
      expect(counts.stdout).toMatch(/^confirmed\s+29$/m)
      expect(counts.stdout).toMatch(/^unsubscribed\s+2$/m)
      expect(counts.stdout).toMatch(/^total\s+34$/m)
    } finally {
      await slow.stop()
    }
  }, 300_000)
})
