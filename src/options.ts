import type { CollectionConfig } from 'payload'

/** The collections the plugin adds, by role. */
export type VerdictsCollectionKey =
  | 'categories'
  | 'matchups'
  | 'newsletterDeliveries'
  | 'newsletterIssues'
  | 'reviewers'
  | 'scoreHistory'
  | 'subscribers'
  | 'tools'
  | 'users'
  | 'verdicts'
  | 'votes'
  | 'webhookDeliveries'
  | 'webhookSubscriptions'
  | 'workflowEvents'

export type CollectionSlugs = Record<VerdictsCollectionKey, string>

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

export type NewsletterOptions = {
  /**
   * Hours a double opt-in confirmation link stays valid.
   * @default 72
   */
  confirmationExpiryHours?: number
  /**
   * Origin used in newsletter links (confirmation, unsubscribe, /compare pages), e.g.
   * 'https://verdicts.example.com'.
   * @default the config's serverURL, else 'http://localhost:3000'
   */
  publicUrl?: string
  /**
   * Secret (`whsec_…`) a mail provider signs bounce and complaint reports with (Standard
   * Webhooks). Unset: derived from PAYLOAD_SECRET; `npm run verdicts -- newsletter secret` prints it.
   * @default derived from the Payload secret
   */
  providerWebhookSecret?: string
  /**
   * Subscribe requests allowed per client IP in each window (the limiter votes use);
   * more are answered 429 with Retry-After.
   * @default { max: 10, windowSeconds: 600 }
   */
  rateLimit?: { max?: number; windowSeconds?: number }
  /**
   * When the scheduled job composes the week's draft issue, in UTC: `day` 0 (Sunday) to 6
   * (Saturday), `hour` 0 to 23.
   * @default { day: 1, hour: 8 } (Monday 08:00 UTC)
   */
  schedule?: { day?: number; hour?: number }
  /**
   * Messages handed to the mail server at once while sending an issue.
   * @default 8
   */
  sendConcurrency?: number
}

export type VerdictsPluginOptions = {
  /**
   * Slugs of the collections the plugin adds. Override one to avoid a clash with a host
   * collection; every relation inside the plugin follows the map.
   * @default { categories: 'categories', matchups: 'matchups', newsletterDeliveries: 'newsletter-deliveries', newsletterIssues: 'newsletter-issues', reviewers: 'reviewers', scoreHistory: 'score-history', subscribers: 'subscribers', tools: 'tools', users: 'users', verdicts: 'verdicts', votes: 'votes', webhookDeliveries: 'webhook-deliveries', webhookSubscriptions: 'webhook-subscriptions', workflowEvents: 'workflow-events' }
   */
  collectionSlugs?: Partial<CollectionSlugs>
  /** Community voting on tools. */
  community?: CommunityVoteOptions
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
  /** The "Weekly AI Tool Verdicts" newsletter: subscriptions, digest, sending. */
  newsletter?: NewsletterOptions
  /** The public, published-only content API under /api/public. */
  publicApi?: PublicApiOptions
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
  newsletter: {
    confirmationExpiryHours: number
    /** null: the config's serverURL, else http://localhost:3000 (resolved at request time). */
    publicUrl: null | string
    /** null: derived from the Payload secret. */
    providerWebhookSecret: null | string
    rateLimit: { max: number; windowSeconds: number }
    schedule: { day: number; hour: number }
    sendConcurrency: number
  }
  overrideCollections: Partial<Record<VerdictsCollectionKey, CollectionOverride>>
  pricingTiers: PricingTierOption[]
  publicApi: {
    cacheControl: { sMaxAge: number; staleWhileRevalidate: number }
    corsOrigins: '*' | string[]
  }
  webhooks: { backoffSeconds: number; maxAttempts: number; timeoutSeconds: number }
}

export const defaultCollectionSlugs: CollectionSlugs = {
  categories: 'categories',
  matchups: 'matchups',
  newsletterDeliveries: 'newsletter-deliveries',
  newsletterIssues: 'newsletter-issues',
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
  const collectionSlugs: CollectionSlugs = { ...defaultCollectionSlugs, ...options.collectionSlugs }

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
  const newsletter = {
    confirmationExpiryHours: options.newsletter?.confirmationExpiryHours ?? 72,
    providerWebhookSecret: options.newsletter?.providerWebhookSecret?.trim() || null,
    publicUrl: options.newsletter?.publicUrl?.trim().replace(/\/+$/, '') || null,
    rateLimit: {
      max: options.newsletter?.rateLimit?.max ?? 10,
      windowSeconds: options.newsletter?.rateLimit?.windowSeconds ?? 600,
    },
    schedule: { day: options.newsletter?.schedule?.day ?? 1, hour: options.newsletter?.schedule?.hour ?? 8 },
    sendConcurrency: options.newsletter?.sendConcurrency ?? 8,
  }
  const wholeNumbers: Array<[string, number, number]> = [
    ['publicApi.cacheControl.sMaxAge', publicApi.cacheControl.sMaxAge, 0],
    ['publicApi.cacheControl.staleWhileRevalidate', publicApi.cacheControl.staleWhileRevalidate, 0],
    ['webhooks.backoffSeconds', webhooks.backoffSeconds, 0],
    ['webhooks.maxAttempts', webhooks.maxAttempts, 1],
    ['webhooks.timeoutSeconds', webhooks.timeoutSeconds, 1],
    ['community.minimumVotes', community.minimumVotes, 1],
    ['community.rateLimit.max', community.rateLimit.max, 1],
    ['community.rateLimit.windowSeconds', community.rateLimit.windowSeconds, 1],
    ['newsletter.confirmationExpiryHours', newsletter.confirmationExpiryHours, 1],
    ['newsletter.rateLimit.max', newsletter.rateLimit.max, 1],
    ['newsletter.rateLimit.windowSeconds', newsletter.rateLimit.windowSeconds, 1],
    ['newsletter.sendConcurrency', newsletter.sendConcurrency, 1],
  ]
  for (const [name, value, minimum] of wholeNumbers) {
    if (!Number.isInteger(value) || value < minimum) {
      throw new InvalidPluginOptionsError(`${name} must be a whole number ≥ ${minimum}, got ${value}`)
    }
  }
  const { day, hour } = newsletter.schedule
  if (!Number.isInteger(day) || day < 0 || day > 6) {
    throw new InvalidPluginOptionsError(`newsletter.schedule.day must be 0 (Sunday) to 6 (Saturday), got ${day}`)
  }
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new InvalidPluginOptionsError(`newsletter.schedule.hour must be 0 to 23 (UTC), got ${hour}`)
  }
  if (newsletter.publicUrl !== null && !/^https?:\/\/[^/\s]+$/.test(newsletter.publicUrl)) {
    throw new InvalidPluginOptionsError(`newsletter.publicUrl must be an origin like https://example.com, got "${newsletter.publicUrl}"`)
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
    newsletter,
    overrideCollections: { ...options.overrideCollections },
    pricingTiers: pricingTiers.map((tier) => ({ ...tier })),
    publicApi: {
      ...publicApi,
      corsOrigins: publicApi.corsOrigins === '*' ? '*' : [...publicApi.corsOrigins],
    },
    webhooks,
  }
}
