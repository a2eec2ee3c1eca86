import { describe, expect, it } from '@jest/globals'

import { defaultCollectionSlugs, defaultPricingTiers, InvalidPluginOptionsError, sanitizeOptions } from '../../src/options.ts'

describe('sanitizeOptions', () => {
  it('fills every option with its documented default', () => {
    expect(sanitizeOptions()).toEqual({
      collectionSlugs: {
        categories: 'categories',
        matchups: 'matchups',
        releases: 'releases',
        reviewers: 'reviewers',
        scoreHistory: 'score-history',
        tools: 'tools',
        users: 'users',
        verdicts: 'verdicts',
        votes: 'votes',
        webhookDeliveries: 'webhook-deliveries',
        webhookSubscriptions: 'webhook-subscriptions',
        workflowEvents: 'workflow-events',
      },
      community: {
        minimumVotes: 10,
        rateLimit: { max: 30, windowSeconds: 60 },
        voterCookieName: 'verdicts_voter',
      },
      enabled: true,
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
        corsOrigins: '*',
      },
      releases: { cron: '* * * * *' },
      webhooks: { backoffSeconds: 2, maxAttempts: 5, timeoutSeconds: 10 },
    })
  })

  it('merges a partial slug map over the defaults', () => {
    const { collectionSlugs } = sanitizeOptions({ collectionSlugs: { tools: 'ai-tools' } })
    expect(collectionSlugs).toEqual({ ...defaultCollectionSlugs, tools: 'ai-tools' })
  })

  it('does not share or mutate the caller\'s objects', () => {
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
    [{ community: { minimumVotes: 0 } }, /community.minimumVotes must be a whole number/],
    [{ community: { rateLimit: { max: 2.5 } } }, /community.rateLimit.max/],
    [{ community: { voterCookieName: 'a b' } }, /voterCookieName/],
    [{ webhooks: { maxAttempts: 0 } }, /webhooks.maxAttempts/],
    [{ publicApi: { cacheControl: { sMaxAge: -1 } } }, /publicApi.cacheControl.sMaxAge/],
    [{ pricingTiers: [{ label: 'A', value: 'a' }, { label: 'B', value: 'a' }] }, /values must all be different/],
    [{ freshness: { reviewEveryDays: 0 } }, /freshness.reviewEveryDays must be a whole number/],
    [{ freshness: { reviewEveryDays: 90.5 } }, /freshness.reviewEveryDays/],
    [{ freshness: { cron: 'daily' } }, /freshness.cron must be a cron expression/],
    [{ releases: { cron: '* *' } }, /releases.cron must be a cron expression/],
  ])('rejects %j', (options, message) => {
    expect(() => sanitizeOptions(options)).toThrow(InvalidPluginOptionsError)
    expect(() => sanitizeOptions(options)).toThrow(message)
  })
})
