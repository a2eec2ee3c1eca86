import { describe, expect, it } from '@jest/globals'

import { orderScorecard, scorecardRows } from '../../src/public/scorecard.ts'
import {
  MalformedWebhookEventError,
  matchupIndexTag,
  methodologyTag,
  siteWideTag,
  tagsOfRelayedEvent,
  tagsOfWebhookEvent,
} from '../../src/site/revalidation.ts'
import { siteSettings } from '../../src/site/settings.ts'

describe('scorecardRows', () => {
  it('makes one row per persona in page order, a persona with one review has one quote', () => {
    const reviewer = (slug: string, position: number) => ({ lens: '', name: slug, position, slug })
    const ordered = orderScorecard(
      [
        { decision: 'ship' as const, quote: 'b-right', reviewer: reviewer('builder', 1), tool: 'right' },
        { decision: 'skip' as const, quote: 's-left', reviewer: reviewer('skeptic', 2), tool: 'left' },
        { decision: 'ship' as const, quote: 'b-left', reviewer: reviewer('builder', 1), tool: 'left' },
      ],
      'left',
      'right',
    )
    const rows = scorecardRows(ordered)
    expect(rows.map((row) => [row.reviewer.slug, row.entries.map((entry) => entry.quote)])).toEqual([
      ['builder', ['b-left', 'b-right']],
      ['skeptic', ['s-left']],
    ])
    expect(scorecardRows([])).toEqual([])
  })
})

describe('tagsOfWebhookEvent', () => {
  it('reads the cache tags of a delivery', () => {
    expect(tagsOfWebhookEvent({ data: { tags: ['matchup:a-vs-b', 'tool:a'] }, type: 'verdict.published' })).toEqual([
      'matchup:a-vs-b',
      'tool:a',
    ])
  })

  it('refuses bodies that are not verdicts events', () => {
    for (const body of [
      null,
      {},
      { data: {} },
      { data: { tags: 'tool:a' } },
      { data: { tags: ['../etc'] } },
      { data: { tags: [1] } },
    ]) {
      expect(() => tagsOfWebhookEvent(body)).toThrow(MalformedWebhookEventError)
    }
  })
})

describe('tagsOfRelayedEvent', () => {
  it('accepts every tag a process expires and relays: page tags and the site’s own', () => {
    const tags = ['tool:alpha', matchupIndexTag, methodologyTag, siteWideTag]
    expect(tagsOfRelayedEvent({ data: { tags } })).toEqual(tags)
  })

  it('refuses anything else', () => {
    expect(() => tagsOfRelayedEvent({ data: { tags: ['site:unknown'] } })).toThrow(MalformedWebhookEventError)
    expect(() => tagsOfRelayedEvent({ data: { tags: 'tool:alpha' } })).toThrow(MalformedWebhookEventError)
  })
})

describe('siteSettings', () => {
  it('defaults to this server for the API and the site, with revalidation on', () => {
    const settings = siteSettings({ NODE_ENV: 'development', PORT: '4123' })
    expect(settings.apiUrl).toBe('http://localhost:4123')
    expect(settings.siteUrl).toBe('http://localhost:4123')
    expect(settings.revalidation).toBe(true)
    expect(settings.newsletterUrl).toBeNull()
    expect(settings.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/)
  })

  it('follows SERVER_URL, then the SITE_ variables, trimming trailing slashes', () => {
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'development', SERVER_URL: 'https://cms.example.com/' }
    expect(siteSettings(env).apiUrl).toBe('https://cms.example.com')
    const settings = siteSettings({
      ...env,
      SITE_API_URL: 'http://10.0.0.5:3000/',
      SITE_NEWSLETTER_URL: 'https://news.example.com/join',
      SITE_REVALIDATION: 'off',
      SITE_URL: 'https://verdicts.example.com',
      SITE_WEBHOOK_SECRET: 'whsec_c2VjcmV0',
    })
    expect(settings).toEqual({
      apiUrl: 'http://10.0.0.5:3000',
      newsletterUrl: 'https://news.example.com/join',
      revalidation: false,
      siteUrl: 'https://verdicts.example.com',
      webhookSecret: 'whsec_c2VjcmV0',
    })
  })

  it('derives the webhook secret from PAYLOAD_SECRET, so two secrets give two webhook secrets', () => {
    const one = siteSettings({ NODE_ENV: 'production', PAYLOAD_SECRET: 'one' }).webhookSecret
    expect(siteSettings({ NODE_ENV: 'production', PAYLOAD_SECRET: 'one' }).webhookSecret).toBe(one)
    expect(siteSettings({ NODE_ENV: 'production', PAYLOAD_SECRET: 'two' }).webhookSecret).not.toBe(one)
    expect(() => siteSettings({ NODE_ENV: 'production' })).toThrow('PAYLOAD_SECRET must be set')
  })
})
