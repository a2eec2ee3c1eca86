export { verdictsPlugin } from './plugin.js'
export {
  defaultCollectionSlugs,
  defaultPricingTiers,
  InvalidPluginOptionsError,
  sanitizeOptions,
  verdictsPluginMarker,
} from './options.js'
export type {
  CollectionOverride,
  CollectionSlugs,
  PricingTierOption,
  SanitizedVerdictsOptions,
  VerdictsCollectionKey,
  VerdictsPluginOptions,
} from './options.js'
export { collectionSlugsOf, pluginOptionsOf } from './pluginOptions.js'
export { PublicPages } from './public/pages.js'
export type {
  PublicMatchupPage,
  PublicScorecardEntry,
  PublicTool,
  PublicToolPage,
} from './public/pages.js'
export { matchupTag, toolTag } from './public/cacheTags.js'
export { scorecardRows } from './public/scorecard.js'
export { formatPercent } from './scores/score.js'
export { reconcileScores } from './scores/reconcile.js'
export type { ReconcileReport, ScoreDrift } from './scores/reconcile.js'
export { verifyWebhook, WebhookVerificationError } from './webhooks/signature.js'
