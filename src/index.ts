export { verdictsPlugin, verdictsPluginMarker } from './plugin'
export {
  defaultCollectionSlugs,
  defaultPricingTiers,
  InvalidPluginOptionsError,
  sanitizeOptions,
} from './options'
export type {
  CollectionOverride,
  CollectionSlugs,
  PricingTierOption,
  SanitizedVerdictsOptions,
  VerdictsCollectionKey,
  VerdictsPluginOptions,
} from './options'
