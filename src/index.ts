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
export { createMatchupRoute } from './public/matchupRoute'
export { PublicPages } from './public/pages'
export type { PublicMatchupPage, PublicToolPage } from './public/pages'
