export { verdictsPlugin } from './plugin.ts'
export {
  defaultCollectionSlugs,
  defaultPricingTiers,
  InvalidPluginOptionsError,
  sanitizeOptions,
  verdictsPluginMarker,
} from './options.ts'
export type {
  CollectionOverride,
  CollectionSlugs,
  PricingTierOption,
  SanitizedVerdictsOptions,
  VerdictsCollectionKey,
  VerdictsPluginOptions,
} from './options.ts'
export { collectionSlugsOf, pluginOptionsOf } from './pluginOptions.ts'
export { csrfOrigins } from './http/csrf.ts'
export { socketAddressHeader, socketProofHeader } from './http/clientAddress.ts'
export { PublicPages } from './public/pages.ts'
export type { PublicMatchupPage, PublicScorecardEntry, PublicTool, PublicToolPage } from './public/pages.ts'
export { matchupTag, parsePageTag, toolTag } from './domain/cacheTags.ts'
export { reviewedLine, scorecardRows } from './public/scorecard.ts'
export type { PublicScoreChange, PublicToolHistory } from './public/history.ts'
export type { PublicMethodology } from './public/methodology.ts'
export type { PublicPublication, PublicSitemap } from './public/publications.ts'
export { formatPercent } from './scores/score.ts'
export { reconcileScores } from './scores/reconcile.ts'
export type { ReconcileReport, ScoreDrift } from './scores/reconcile.ts'
export { verifyWebhook, WebhookVerificationError } from './webhooks/signature.ts'
