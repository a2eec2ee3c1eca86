import type { CollectionConfig, CollectionSlug } from 'payload'

/** Marks a config the plugin was applied to, so a second application adds nothing twice. */
export const verdictsPluginMarker = 'verdictsPlugin'

/** The collections the plugin adds, by role. */
export type VerdictsCollectionKey =
  | 'categories'
  | 'matchups'
  | 'releases'
  | 'newsletterDeliveries'
  | 'newsletterIssues'
  | 'publicPages'
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

/**
 * Typed as Payload's `CollectionSlug`: in an app with generated types that is the union of
 * its slugs, so relations and Local API calls built from this map are checked against them.
 */
export type CollectionSlugs = Record<VerdictsCollectionKey, CollectionSlug>

/**
 * The slug map as the plugin's own code types it: each slug as its collection's default slug.
 * A host may rename a collection, but the renamed one has the same fields, so the generated
 * types of the default slug describe its documents, and the plugin's Local API calls are
 * checked against that collection's own document and data types.
 */
export type PluginCollectionSlugs = typeof defaultCollectionSlugs

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
   * Vote requests allowed per client address (see `security.trustProxy`) in each window;
   * more are answered 429 with Retry-After.
   * @default { max: 30, windowSeconds: 60 }
   */
  rateLimit?: { max?: number; windowSeconds?: number }
  /**
   * New voter identities (voter cookies) one client address may be issued per window, so a
   * client cannot vote again and again by dropping its cookie. Later first votes get 429.
   * @default { max: 10, windowSeconds: 86400 }
   */
  newVoters?: { max?: number; windowSeconds?: number }
  /**
   * Name of the signed, httpOnly cookie that identifies an anonymous voter.
   * @default 'verdicts_voter'
   */
  voterCookieName?: string
}

export type PublicApiOptions = {
  /**
   * Most bytes of serialised pages each server process keeps in memory; the least recently
   * read pages are dropped past it.
   * @default 67108864 (64 MiB)
   */
  cacheMaxBytes?: number
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
   * Let subscribers be private, loopback or link-local addresses (README, Security). For
   * development and tests only: in production it lets an admin probe the internal network.
   * @default false
   */
  allowPrivateTargets?: boolean
  /**
   * Origins exempt from that rule, such as the app's own revalidation route.
   * @default []
   */
  allowedPrivateOrigins?: string[]
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

export type SecurityOptions = {
  /**
   * Number of reverse proxies in front of the app that append the client's address to
   * `X-Forwarded-For`. 0: the address of the connection itself, forwarding headers ignored.
   * With N, the Nth address from the right of the chain (what the outermost trusted proxy saw).
   * @default 0
   */
  trustProxy?: number
  /**
   * Largest request body the API accepts, in bytes; larger ones get 413.
   * @default 1048576 (1 MiB)
   */
  maxBodyBytes?: number
  /**
   * Largest request body of the anonymous endpoints under /api/public (votes), in bytes.
   * @default 65536 (64 KiB)
   */
  publicMaxBodyBytes?: number
  /**
   * Origins, besides the app's own (and `serverURL`), whose pages may post votes.
   * @default []
   */
  allowedOrigins?: string[]
}

export type ClusterOptions = {
  /**
   * Redis (`redis://…`) shared by every process of a deployment. Set, page-cache
   * invalidations are broadcast to all processes and the per-client limits (votes, new
   * voters, sign-ins, newsletter sign-ups) are counted in Redis; unset, each process keeps
   * its own cache and counts (one process needs nothing more).
   * @default null
   */
  redisUrl?: null | string
  /**
   * Prefix of every Redis key and channel the plugin uses, so several apps (or test runs)
   * can share one Redis.
   * @default 'verdicts:'
   */
  redisKeyPrefix?: string
  /**
   * How long a job may hold its claim without progress before another runner may take it
   * over (the runner is taken to have died). Longer than the slowest task.
   * @default 600
   */
  jobLeaseSeconds?: number
}

export type AccountOptions = {
  /**
   * Sign-in attempts (REST and GraphQL) allowed per client address in each window; more
   * get 429. Keep `max` below `lockAfterFailedLogins`, so that one caller cannot lock an
   * account out.
   * @default { max: 5, windowSeconds: 900 }
   */
  loginAttempts?: { max?: number; windowSeconds?: number }
  /**
   * Failed sign-ins after which an account of the plugin's users collection is locked for
   * 10 minutes (Payload's `auth.maxLoginAttempts`; a host's own users collection keeps its setting).
   * @default 20
   */
  lockAfterFailedLogins?: number
  /**
   * Shortest password accepted.
   * @default 12
   */
  minPasswordLength?: number
}

export type WorkflowOptions = {
  /**
   * Let the person who wrote or last edited a verdict or matchup approve it (or request
   * changes) themselves. Off: four eyes on everything, admins included. Turn it on only for
   * a one-person team.
   * @default false
   */
  allowSelfApproval?: boolean
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

export type ContentOptions = {
  /**
   * Most characters of text in a verdict's quote (code points, paragraph breaks not
   * counted); longer quotes are refused with a 400 naming the field, and the editor shows
   * a counter. Pages print the quote in full, so it has to stay readable there.
   * @default 2000
   */
  maxQuoteLength?: number
}

export type VerdictsPluginOptions = {
  /** Rules on what editors write. */
  content?: ContentOptions
  /** The editorial workflow's rules. */
  workflow?: WorkflowOptions
  /** Passwords and sign-in limits (README, Security). */
  accounts?: AccountOptions
  /** Request limits and where the client address comes from (README, Security). */
  security?: SecurityOptions
  /** Running several processes: Redis for shared state, job leases (README, Deploying). */
  cluster?: ClusterOptions
  /**
   * Slugs of the collections the plugin adds. Override one to avoid a clash with a host
   * collection; every relation inside the plugin follows the map.
   * @default { categories: 'categories', matchups: 'matchups', newsletterDeliveries: 'newsletter-deliveries', newsletterIssues: 'newsletter-issues', publicPages: 'public-pages', releases: 'releases', reviewers: 'reviewers', scoreHistory: 'score-history', subscribers: 'subscribers', tools: 'tools', users: 'users', verdicts: 'verdicts', votes: 'votes', webhookDeliveries: 'webhook-deliveries', webhookSubscriptions: 'webhook-subscriptions', workflowEvents: 'workflow-events' }
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
  /** The "Weekly AI Tool Verdicts" newsletter: subscriptions, digest, sending. */
  newsletter?: NewsletterOptions
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
  accounts: {
    lockAfterFailedLogins: number
    loginAttempts: { max: number; windowSeconds: number }
    minPasswordLength: number
  }
  collectionSlugs: PluginCollectionSlugs
  content: { maxQuoteLength: number }
  security: Required<SecurityOptions>
  cluster: { jobLeaseSeconds: number; redisKeyPrefix: string; redisUrl: null | string }
  community: {
    minimumVotes: number
    newVoters: { max: number; windowSeconds: number }
    rateLimit: { max: number; windowSeconds: number }
    voterCookieName: string
  }
  enabled: boolean
  freshness: { cron: string; reviewEveryDays: number }
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
    cacheMaxBytes: number
    corsOrigins: '*' | string[]
  }
  releases: { cron: string }
  webhooks: {
    allowPrivateTargets: boolean
    allowedPrivateOrigins: string[]
    backoffSeconds: number
    maxAttempts: number
    timeoutSeconds: number
  }
  workflow: { allowSelfApproval: boolean }
}

export const defaultCollectionSlugs = {
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
} as const satisfies Record<VerdictsCollectionKey, CollectionSlug>

export const defaultCommunityOptions: SanitizedVerdictsOptions['community'] = {
  minimumVotes: 10,
  newVoters: { max: 10, windowSeconds: 86_400 },
  rateLimit: { max: 30, windowSeconds: 60 },
  voterCookieName: 'verdicts_voter',
}

export const defaultPricingTiers: PricingTierOption[] = [
  { label: 'Free', value: 'free' },
  { label: 'Freemium', value: 'freemium' },
  { label: 'Paid', value: 'paid' },
  { label: 'Enterprise', value: 'enterprise' },
]

export const defaultSecurityOptions: Required<SecurityOptions> = {
  allowedOrigins: [],
  maxBodyBytes: 1024 * 1024,
  publicMaxBodyBytes: 64 * 1024,
  trustProxy: 0,
}

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
  const collectionSlugs = { ...defaultCollectionSlugs, ...options.collectionSlugs } as PluginCollectionSlugs

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
      windowSeconds: options.community?.rateLimit?.windowSeconds ?? defaultCommunityOptions.rateLimit.windowSeconds,
    },
    voterCookieName: options.community?.voterCookieName ?? defaultCommunityOptions.voterCookieName,
    newVoters: {
      max: options.community?.newVoters?.max ?? defaultCommunityOptions.newVoters.max,
      windowSeconds: options.community?.newVoters?.windowSeconds ?? defaultCommunityOptions.newVoters.windowSeconds,
    },
  }
  const accounts = {
    lockAfterFailedLogins: options.accounts?.lockAfterFailedLogins ?? 20,
    loginAttempts: {
      max: options.accounts?.loginAttempts?.max ?? 5,
      windowSeconds: options.accounts?.loginAttempts?.windowSeconds ?? 900,
    },
    minPasswordLength: options.accounts?.minPasswordLength ?? 12,
  }
  const security = {
    allowedOrigins: [...(options.security?.allowedOrigins ?? defaultSecurityOptions.allowedOrigins)],
    maxBodyBytes: options.security?.maxBodyBytes ?? defaultSecurityOptions.maxBodyBytes,
    publicMaxBodyBytes: options.security?.publicMaxBodyBytes ?? defaultSecurityOptions.publicMaxBodyBytes,
    trustProxy: options.security?.trustProxy ?? defaultSecurityOptions.trustProxy,
  }
  const publicApi = {
    cacheControl: {
      sMaxAge: options.publicApi?.cacheControl?.sMaxAge ?? 60,
      staleWhileRevalidate: options.publicApi?.cacheControl?.staleWhileRevalidate ?? 300,
    },
    cacheMaxBytes: options.publicApi?.cacheMaxBytes ?? 64 * 1024 * 1024,
    corsOrigins: options.publicApi?.corsOrigins ?? ('*' as const),
  }
  const webhooks = {
    allowPrivateTargets: options.webhooks?.allowPrivateTargets ?? false,
    allowedPrivateOrigins: (options.webhooks?.allowedPrivateOrigins ?? []).map((origin) => {
      if (typeof origin !== 'string' || !URL.canParse(origin)) {
        throw new InvalidPluginOptionsError(
          `webhooks.allowedPrivateOrigins must be origins like http://localhost:3000, got "${origin}"`,
        )
      }
      return new URL(origin).origin
    }),
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
  const freshness = {
    cron: options.freshness?.cron ?? '0 4 * * *',
    reviewEveryDays: options.freshness?.reviewEveryDays ?? 180,
  }
  const releases = { cron: options.releases?.cron ?? '* * * * *' }
  for (const [name, cron] of [
    ['freshness.cron', freshness.cron],
    ['releases.cron', releases.cron],
  ] as const) {
    if (typeof cron !== 'string' || ![5, 6].includes(cron.trim().split(/\s+/).length)) {
      throw new InvalidPluginOptionsError(`${name} must be a cron expression of 5 or 6 fields, got "${String(cron)}"`)
    }
  }
  const content = { maxQuoteLength: options.content?.maxQuoteLength ?? 2000 }
  const cluster = {
    jobLeaseSeconds: options.cluster?.jobLeaseSeconds ?? 600,
    redisKeyPrefix: options.cluster?.redisKeyPrefix ?? 'verdicts:',
    redisUrl: options.cluster?.redisUrl?.trim() || null,
  }
  if (cluster.redisUrl && !/^rediss?:\/\//.test(cluster.redisUrl)) {
    throw new InvalidPluginOptionsError(
      `cluster.redisUrl must start with redis:// or rediss://, got "${cluster.redisUrl}"`,
    )
  }
  const wholeNumbers: Array<[string, number, number]> = [
    ['cluster.jobLeaseSeconds', cluster.jobLeaseSeconds, 30],
    ['content.maxQuoteLength', content.maxQuoteLength, 1],
    ['freshness.reviewEveryDays', freshness.reviewEveryDays, 1],
    ['publicApi.cacheControl.sMaxAge', publicApi.cacheControl.sMaxAge, 0],
    ['publicApi.cacheMaxBytes', publicApi.cacheMaxBytes, 1024],
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
    ['community.newVoters.max', community.newVoters.max, 1],
    ['community.newVoters.windowSeconds', community.newVoters.windowSeconds, 1],
    ['security.trustProxy', security.trustProxy, 0],
    ['accounts.lockAfterFailedLogins', accounts.lockAfterFailedLogins, 1],
    ['accounts.loginAttempts.max', accounts.loginAttempts.max, 1],
    ['accounts.loginAttempts.windowSeconds', accounts.loginAttempts.windowSeconds, 1],
    ['accounts.minPasswordLength', accounts.minPasswordLength, 8],
    ['security.maxBodyBytes', security.maxBodyBytes, 1024],
    ['security.publicMaxBodyBytes', security.publicMaxBodyBytes, 1024],
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
    throw new InvalidPluginOptionsError(
      `newsletter.publicUrl must be an origin like https://example.com, got "${newsletter.publicUrl}"`,
    )
  }
  if (publicApi.corsOrigins !== '*' && !Array.isArray(publicApi.corsOrigins)) {
    throw new InvalidPluginOptionsError(`publicApi.corsOrigins must be '*' or a list of origins`)
  }
  for (const origin of security.allowedOrigins) {
    if (typeof origin !== 'string' || !URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new InvalidPluginOptionsError(
        `security.allowedOrigins must be origins like https://example.com, got "${origin}"`,
      )
    }
  }
  if (!/^[A-Za-z0-9_-]+$/.test(community.voterCookieName)) {
    throw new InvalidPluginOptionsError(
      `community.voterCookieName must be letters, digits, _ or -, got "${community.voterCookieName}"`,
    )
  }

  return {
    accounts,
    cluster,
    collectionSlugs,
    community,
    content,
    enabled: options.enabled ?? true,
    freshness,
    newsletter,
    overrideCollections: { ...options.overrideCollections },
    pricingTiers: pricingTiers.map((tier) => ({ ...tier })),
    security,
    publicApi: {
      ...publicApi,
      corsOrigins: publicApi.corsOrigins === '*' ? '*' : [...publicApi.corsOrigins],
    },
    releases,
    webhooks,
    workflow: { allowSelfApproval: options.workflow?.allowSelfApproval ?? false },
  }
}
