import type { CollectionConfig, CollectionSlug } from 'payload'

/** Marks a config the plugin was applied to, so a second application adds nothing twice. */
export const verdictsPluginMarker = 'verdictsPlugin'

/** The collections the plugin adds, by role. */
export type VerdictsCollectionKey =
  | 'categories'
  | 'matchups'
  | 'releases'
  | 'reviewers'
  | 'scoreHistory'
  | 'tools'
  | 'users'
  | 'verdicts'
  | 'votes'
  | 'webhookDeliveries'
  | 'webhookSubscriptions'
  | 'workflowEvents'

/**
 * Typed as Payload's `CollectionSlug`: in an app with generated types that is the union of
 * its slugs, so relations and Local API calls built from this map are checked against them.
 */
export type CollectionSlugs = Record<VerdictsCollectionKey, CollectionSlug>

/** Receives the collection the plugin built and returns the one to register. */
export type CollectionOverride = (args: { defaultCollection: CollectionConfig }) => CollectionConfig

export type PricingTierOption = {
  label: string
  value: string
}

export type CommunityVoteOptions = {
  /**
   * Below this many votes a tool's community percent is null (pages print "—"), so that
   * two early votes cannot make a tool "100%".
   * @default 10
   */
  minimumVotes?: number
  /**
   * Vote requests allowed per client IP (from X-Forwarded-For / X-Real-IP) in each window;
   * more are answered 429 with Retry-After.
   * @default { max: 30, windowSeconds: 60 }
   */
  rateLimit?: { max?: number; windowSeconds?: number }
  /**
   * Name of the signed, httpOnly cookie that identifies an anonymous voter.
   * @default 'verdicts_voter'
   */
  voterCookieName?: string
}

export type PublicApiOptions = {
  /**
   * Cache-Control of public responses: browsers revalidate (cheap, with ETags); shared
   * caches keep a copy for `sMaxAge` seconds and may serve it stale for
   * `staleWhileRevalidate` more while they refetch.
   * @default { sMaxAge: 60, staleWhileRevalidate: 300 }
   */
  cacheControl?: { sMaxAge?: number; staleWhileRevalidate?: number }
  /**
   * Origins allowed to read the public API from a browser, or '*' for any.
   * @default '*'
   */
  corsOrigins?: '*' | string[]
}

export type WebhookOptions = {
  /**
   * First retry delay; each later retry waits twice as long as the one before.
   * @default 2
   */
  backoffSeconds?: number
  /**
   * Delivery attempts per event and subscriber before giving up.
   * @default 5
   */
  maxAttempts?: number
  /**
   * How long one delivery may take before it counts as failed.
   * @default 10
   */
  timeoutSeconds?: number
}

export type FreshnessOptions = {
  /**
   * When the daily freshness job runs (cron, server time; six fields for seconds allowed).
   * @default '0 4 * * *'
   */
  cron?: string
  /**
   * Days after its last review (approval, or import) at which a verdict is due for re-review
   * and marked stale. A persona's own "Re-review every … days" overrides it.
   * @default 180
   */
  reviewEveryDays?: number
}

export type ReleaseOptions = {
  /**
   * How often the jobs queue looks for releases due to go live (or to come down); a
   * release goes live at the first look after its `publishAt`.
   * @default '* * * * *' (every minute)
   */
  cron?: string
}

export type VerdictsPluginOptions = {
  /**
   * Slugs of the collections the plugin adds. Override one to avoid a clash with a host
   * collection; every relation inside the plugin follows the map.
   * @default { categories: 'categories', matchups: 'matchups', releases: 'releases', reviewers: 'reviewers', scoreHistory: 'score-history', tools: 'tools', users: 'users', verdicts: 'verdicts', votes: 'votes', webhookDeliveries: 'webhook-deliveries', webhookSubscriptions: 'webhook-subscriptions', workflowEvents: 'workflow-events' }
   */
  collectionSlugs?: Partial<Record<VerdictsCollectionKey, string>>
  /** Community voting on tools. */
  community?: CommunityVoteOptions
  /** Re-review deadlines: when a verdict falls due, and when the daily job looks. */
  freshness?: FreshnessOptions
  /**
   * When false the plugin still adds its collections (so the schema, and with it any
   * migration, stays the same) but registers no hooks, endpoints or jobs.
   * @default true
   */
  enabled?: boolean
  /**
   * Change a collection after the plugin built it: add fields, relabel it, adjust its
   * admin options. The function receives `{ defaultCollection }` and returns the config to use.
   * @default {}
   */
  overrideCollections?: Partial<Record<VerdictsCollectionKey, CollectionOverride>>
  /** The public, published-only content API under /api/public. */
  publicApi?: PublicApiOptions
  /** Releases: a matchup and its verdicts going live together, now or at a set time. */
  releases?: ReleaseOptions
  /** Signed webhooks to consumer sites when published content changes. */
  webhooks?: WebhookOptions
  /**
   * The pricing tiers an editor can pick for a tool, in display order. `value` is stored,
   * `label` is what pages print as the "Entry" price.
   * @default Free, Freemium, Paid, Enterprise
   */
  pricingTiers?: PricingTierOption[]
}

export type SanitizedVerdictsOptions = {
  collectionSlugs: CollectionSlugs
  community: {
    minimumVotes: number
    rateLimit: { max: number; windowSeconds: number }
    voterCookieName: string
  }
  enabled: boolean
  freshness: { cron: string; reviewEveryDays: number }
  overrideCollections: Partial<Record<VerdictsCollectionKey, CollectionOverride>>
  pricingTiers: PricingTierOption[]
  publicApi: {
    cacheControl: { sMaxAge: number; staleWhileRevalidate: number }
    corsOrigins: '*' | string[]
  }
  releases: { cron: string }
  webhooks: { backoffSeconds: number; maxAttempts: number; timeoutSeconds: number }
}

export const defaultCollectionSlugs: CollectionSlugs = {
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
}

export const defaultCommunityOptions: SanitizedVerdictsOptions['community'] = {
  minimumVotes: 10,
  rateLimit: { max: 30, windowSeconds: 60 },
  voterCookieName: 'verdicts_voter',
}

export const defaultPricingTiers: PricingTierOption[] = [
  { label: 'Free', value: 'free' },
  { label: 'Freemium', value: 'freemium' },
  { label: 'Paid', value: 'paid' },
  { label: 'Enterprise', value: 'enterprise' },
]

const slugPattern = /^[a-z][a-z0-9-]*$/

export class InvalidPluginOptionsError extends Error {
  constructor(message: string) {
    super(`verdictsPlugin: ${message}`)
    this.name = 'InvalidPluginOptionsError'
  }
}

/** Fills every option with its documented default and rejects values that cannot work. */
export function sanitizeOptions(options: VerdictsPluginOptions = {}): SanitizedVerdictsOptions {
  // The host names its slugs as plain strings (its generated types may not know them yet);
  // once checked they are the app's collection slugs.
  const collectionSlugs = { ...defaultCollectionSlugs, ...options.collectionSlugs } as CollectionSlugs

  for (const [key, slug] of Object.entries(collectionSlugs)) {
    if (!slugPattern.test(slug)) {
      throw new InvalidPluginOptionsError(
        `collectionSlugs.${key} must be lowercase letters, digits and dashes, got "${slug}"`,
      )
    }
  }
  const uniqueSlugs = new Set(Object.values(collectionSlugs))
  if (uniqueSlugs.size !== Object.keys(collectionSlugs).length) {
    throw new InvalidPluginOptionsError('collectionSlugs must all be different')
  }

  const pricingTiers = options.pricingTiers ?? defaultPricingTiers
  if (pricingTiers.length === 0) {
    throw new InvalidPluginOptionsError('pricingTiers needs at least one tier')
  }
  const tierValues = new Set(pricingTiers.map((tier) => tier.value))
  if (tierValues.size !== pricingTiers.length) {
    throw new InvalidPluginOptionsError('pricingTiers values must all be different')
  }

  const community = {
    minimumVotes: options.community?.minimumVotes ?? defaultCommunityOptions.minimumVotes,
    rateLimit: {
      max: options.community?.rateLimit?.max ?? defaultCommunityOptions.rateLimit.max,
      windowSeconds:
        options.community?.rateLimit?.windowSeconds ?? defaultCommunityOptions.rateLimit.windowSeconds,
    },
    voterCookieName: options.community?.voterCookieName ?? defaultCommunityOptions.voterCookieName,
  }
  const publicApi = {
    cacheControl: {
      sMaxAge: options.publicApi?.cacheControl?.sMaxAge ?? 60,
      staleWhileRevalidate: options.publicApi?.cacheControl?.staleWhileRevalidate ?? 300,
    },
    corsOrigins: options.publicApi?.corsOrigins ?? ('*' as const),
  }
  const webhooks = {
    backoffSeconds: options.webhooks?.backoffSeconds ?? 2,
    maxAttempts: options.webhooks?.maxAttempts ?? 5,
    timeoutSeconds: options.webhooks?.timeoutSeconds ?? 10,
  }
  const freshness = {
    cron: options.freshness?.cron ?? '0 4 * * *',
    reviewEveryDays: options.freshness?.reviewEveryDays ?? 180,
  }
  const releases = { cron: options.releases?.cron ?? '* * * * *' }
  for (const [name, cron] of [['freshness.cron', freshness.cron], ['releases.cron', releases.cron]] as const) {
    if (typeof cron !== 'string' || ![5, 6].includes(cron.trim().split(/\s+/).length)) {
      throw new InvalidPluginOptionsError(`${name} must be a cron expression of 5 or 6 fields, got "${String(cron)}"`)
    }
  }
  const wholeNumbers: Array<[string, number, number]> = [
    ['freshness.reviewEveryDays', freshness.reviewEveryDays, 1],
    ['publicApi.cacheControl.sMaxAge', publicApi.cacheControl.sMaxAge, 0],
    ['publicApi.cacheControl.staleWhileRevalidate', publicApi.cacheControl.staleWhileRevalidate, 0],
    ['webhooks.backoffSeconds', webhooks.backoffSeconds, 0],
    ['webhooks.maxAttempts', webhooks.maxAttempts, 1],
    ['webhooks.timeoutSeconds', webhooks.timeoutSeconds, 1],
    ['community.minimumVotes', community.minimumVotes, 1],
    ['community.rateLimit.max', community.rateLimit.max, 1],
    ['community.rateLimit.windowSeconds', community.rateLimit.windowSeconds, 1],
  ]
  for (const [name, value, minimum] of wholeNumbers) {
    if (!Number.isInteger(value) || value < minimum) {
      throw new InvalidPluginOptionsError(`${name} must be a whole number ≥ ${minimum}, got ${value}`)
    }
  }
  if (publicApi.corsOrigins !== '*' && !Array.isArray(publicApi.corsOrigins)) {
    throw new InvalidPluginOptionsError(`publicApi.corsOrigins must be '*' or a list of origins`)
  }
  if (!/^[A-Za-z0-9_-]+$/.test(community.voterCookieName)) {
    throw new InvalidPluginOptionsError(
      `community.voterCookieName must be letters, digits, _ or -, got "${community.voterCookieName}"`,
    )
  }

  return {
    collectionSlugs,
    community,
    enabled: options.enabled ?? true,
    freshness,
    overrideCollections: { ...options.overrideCollections },
    pricingTiers: pricingTiers.map((tier) => ({ ...tier })),
    publicApi: {
      ...publicApi,
      corsOrigins: publicApi.corsOrigins === '*' ? '*' : [...publicApi.corsOrigins],
    },
    releases,
    webhooks,
  }
}
