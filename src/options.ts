import type { CollectionConfig } from 'payload'

/** The collections the plugin adds, by role. */
export type VerdictsCollectionKey =
  | 'categories'
  | 'matchups'
  | 'reviewers'
  | 'tools'
  | 'users'
  | 'verdicts'

export type CollectionSlugs = Record<VerdictsCollectionKey, string>

/** Receives the collection the plugin built and returns the one to register. */
export type CollectionOverride = (args: { defaultCollection: CollectionConfig }) => CollectionConfig

export type PricingTierOption = {
  label: string
  value: string
}

export type VerdictsPluginOptions = {
  /**
   * Slugs of the collections the plugin adds. Override one to avoid a clash with a host
   * collection; every relation inside the plugin follows the map.
   * @default { categories: 'categories', matchups: 'matchups', reviewers: 'reviewers', tools: 'tools', users: 'users', verdicts: 'verdicts' }
   */
  collectionSlugs?: Partial<CollectionSlugs>
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
  /**
   * The pricing tiers an editor can pick for a tool, in display order. `value` is stored,
   * `label` is what pages print as the "Entry" price.
   * @default Free, Freemium, Paid, Enterprise
   */
  pricingTiers?: PricingTierOption[]
}

export type SanitizedVerdictsOptions = {
  collectionSlugs: CollectionSlugs
  enabled: boolean
  overrideCollections: Partial<Record<VerdictsCollectionKey, CollectionOverride>>
  pricingTiers: PricingTierOption[]
}

export const defaultCollectionSlugs: CollectionSlugs = {
  categories: 'categories',
  matchups: 'matchups',
  reviewers: 'reviewers',
  tools: 'tools',
  users: 'users',
  verdicts: 'verdicts',
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

  return {
    collectionSlugs,
    enabled: options.enabled ?? true,
    overrideCollections: { ...options.overrideCollections },
    pricingTiers: pricingTiers.map((tier) => ({ ...tier })),
  }
}
