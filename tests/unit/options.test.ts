import { describe, expect, it } from '@jest/globals'

import {
  defaultCollectionSlugs,
  defaultPricingTiers,
  InvalidPluginOptionsError,
  sanitizeOptions,
} from '../../src/options.ts'

describe('sanitizeOptions', () => {
  it('fills every option with its documented default', () => {
    expect(sanitizeOptions()).toEqual({
      cluster: { jobLeaseSeconds: 600, redisKeyPrefix: 'verdicts:', redisUrl: null },
      collectionSlugs: {
        categories: 'categories',
        matchups: 'matchups',
        newsletterDeliveries: 'newsletter-deliveries',
        newsletterIssues: 'newsletter-issues',
        publicPages: 'public-pages',
        releases: 'releases',
        reviewers: 'reviewers',
        scoreHistory: 'score-history',
        subscribers: 'subscribers',
        tools: 'tools',
        users: 'users',
        verdicts: 'verdicts',
        votes: 'votes',
        webhookDeliveries: 'webhook-deliveries',
        webhookSubscriptions: 'webhook-subscriptions',
        workflowEvents: 'workflow-events',
      },
      accounts: { lockAfterFailedLogins: 20, loginAttempts: { max: 5, windowSeconds: 900 }, minPasswordLength: 12 },
      community: {
        minimumVotes: 10,
        newVoters: { max: 10, windowSeconds: 86_400 },
        rateLimit: { max: 30, windowSeconds: 60 },
        voterCookieName: 'verdicts_voter',
      },
      content: { maxQuoteLength: 2000 },
      enabled: true,
      newsletter: {
        confirmationExpiryHours: 72,
        providerWebhookSecret: null,
        publicUrl: null,
        rateLimit: { max: 10, windowSeconds: 600 },
        schedule: { day: 1, hour: 8 },
        sendConcurrency: 8,
      },
      freshness: { cron: '0 4 * * *', reviewEveryDays: 180 },
      overrideCollections: {},
      pricingTiers: [
        { label: 'Free', value: 'free' },
        { label: 'Freemium', value: 'freemium' },
        { label: 'Paid', value: 'paid' },
        { label: 'Enterprise', value: 'enterprise' },
      ],
      publicApi: {
        cacheControl: { sMaxAge: 60, staleWhileRevalidate: 300 },
        cacheMaxBytes: 67_108_864,
        corsOrigins: '*',
      },
      security: { allowedOrigins: [], maxBodyBytes: 1_048_576, publicMaxBodyBytes: 65_536, trustProxy: 0 },
      webhooks: {
        allowPrivateTargets: false,
        allowedPrivateOrigins: [],
        backoffSeconds: 2,
        maxAttempts: 5,
        timeoutSeconds: 10,
      },
      workflow: { allowSelfApproval: false },
      releases: { cron: '* * * * *' },
    })
  })

  it('merges a partial slug map over the defaults', () => {
    const { collectionSlugs } = sanitizeOptions({ collectionSlugs: { tools: 'ai-tools' } })
    expect(collectionSlugs).toEqual({ ...defaultCollectionSlugs, tools: 'ai-tools' })
  })

  it('takes the newsletter schedule and origin, trimming a trailing slash', () => {
    const { newsletter } = sanitizeOptions({
      newsletter: { publicUrl: 'https://verdicts.example.com/', schedule: { day: 5, hour: 17 } },
    })
    expect(newsletter.schedule).toEqual({ day: 5, hour: 17 })
    expect(newsletter.publicUrl).toBe('https://verdicts.example.com')
  })

  it("does not share or mutate the caller's objects", () => {
    const tiers = [{ label: 'Open weights', value: 'open' }]
    const sanitized = sanitizeOptions({ pricingTiers: tiers })
    sanitized.pricingTiers[0].label = 'changed'
    expect(tiers[0].label).toBe('Open weights')
    expect(defaultPricingTiers[0].label).toBe('Free')
  })

  it.each([
    [{ collectionSlugs: { tools: 'Tools!' } }, /collectionSlugs.tools/],
    [{ collectionSlugs: { tools: 'verdicts' } }, /must all be different/],
    [{ pricingTiers: [] }, /at least one tier/],
    [{ security: { trustProxy: -1 } }, /security\.trustProxy/],
    [{ security: { allowedOrigins: ['reader.example'] } }, /security\.allowedOrigins/],
    [{ security: { maxBodyBytes: 10 } }, /security\.maxBodyBytes/],
    [{ accounts: { minPasswordLength: 4 } }, /accounts\.minPasswordLength/],
    [{ community: { newVoters: { max: 0 } } }, /community\.newVoters\.max/],
    [{ publicApi: { cacheMaxBytes: 1 } }, /publicApi\.cacheMaxBytes/],
    [{ webhooks: { allowedPrivateOrigins: ['not a url'] } }, /webhooks\.allowedPrivateOrigins/],
    [{ community: { minimumVotes: 0 } }, /community.minimumVotes must be a whole number/],
    [{ community: { rateLimit: { max: 2.5 } } }, /community.rateLimit.max/],
    [{ community: { voterCookieName: 'a b' } }, /voterCookieName/],
    [{ webhooks: { maxAttempts: 0 } }, /webhooks.maxAttempts/],
    [{ publicApi: { cacheControl: { sMaxAge: -1 } } }, /publicApi.cacheControl.sMaxAge/],
    [
      {
        pricingTiers: [
          { label: 'A', value: 'a' },
          { label: 'B', value: 'a' },
        ],
      },
      /values must all be different/,
    ],
    [{ newsletter: { schedule: { day: 7 } } }, /newsletter.schedule.day must be 0 \(Sunday\) to 6/],
    [{ newsletter: { schedule: { hour: 24 } } }, /newsletter.schedule.hour must be 0 to 23/],
    [{ newsletter: { confirmationExpiryHours: 0 } }, /newsletter.confirmationExpiryHours/],
    [{ newsletter: { sendConcurrency: 1.5 } }, /newsletter.sendConcurrency/],
    [{ newsletter: { rateLimit: { max: 0 } } }, /newsletter.rateLimit.max/],
    [{ newsletter: { publicUrl: 'verdicts.example.com/news' } }, /newsletter.publicUrl must be an origin/],
    [{ freshness: { reviewEveryDays: 0 } }, /freshness.reviewEveryDays must be a whole number/],
    [{ freshness: { reviewEveryDays: 90.5 } }, /freshness.reviewEveryDays/],
    [{ freshness: { cron: 'daily' } }, /freshness.cron must be a cron expression/],
    [{ releases: { cron: '* *' } }, /releases.cron must be a cron expression/],
    [{ cluster: { redisUrl: 'localhost:6379' } }, /cluster.redisUrl must start with redis:\/\//],
    [{ cluster: { jobLeaseSeconds: 5 } }, /cluster.jobLeaseSeconds must be a whole number ≥ 30/],
    [{ content: { maxQuoteLength: 0 } }, /content.maxQuoteLength must be a whole number/],
  ])('rejects %j', (options, message) => {
    expect(() => sanitizeOptions(options)).toThrow(InvalidPluginOptionsError)
    expect(() => sanitizeOptions(options)).toThrow(message)
  })
})
