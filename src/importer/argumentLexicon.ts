/**
 * The words of a product argument whose lean a general sentiment lexicon (AFINN, as wink-nlp
 * ships it) gets wrong or misses: "the bill grows", "bundled for free", "obsolete", "it
 * unlocks", "a default". The value is the lean, -2..2, positive towards shipping; 0 marks a
 * word that names a thing in software and business writing ("token", "object", "content")
 * although the general lexicon reads a feeling into it. A word listed here takes this value
 * instead of the general one. Every form of a word counts (words are matched by wink-nlp's
 * stem: "bundles", "bundled"), and a word inside a negation counts the other way ("no
 * lock-in", "never crashed").
 *
 * Written from the panel's five lenses (PRODUCT.md: the developer's primitive and first
 * hour, the skeptic's competitors and failure modes, the futurist's thesis, the buyer's
 * pricing and moat, the product lead's job-to-be-done and completeness), from how tool
 * reviews argue in general, not from any one quote; a word earns its place only when it
 * leans the same way in almost any review. Data, not prose: extend freely, then run
 * `npm run eval:import` and keep the held-out figures honest (README, "Importing pages").
 */
export const argumentLexicon: Record<string, number> = {
  // Developer: what the primitive gives, what it costs to wire in, how it fails in use.
  unlock: 2,
  enable: 1,
  seamless: 1,
  reliable: 1,
  predictable: 1,
  consistent: 1,
  correct: 1,
  instant: 1,
  faster: 1,
  default: 1,
  standard: 1,
  idiomatic: 1,
  friction: -1,
  boilerplate: -1,
  workaround: -1,
  hack: -1,
  latency: -1,
  flaky: -2,
  buggy: -2,
  crash: -2,
  fragile: -2,
  brittle: -2,
  misread: -2,
  warp: -2,
  wrong: -2,
  fail: -2,
  degrade: -2,
  stall: -1,
  lock: -1,
  deprecated: -2,
  // Skeptic: who else does it, and what makes it redundant.
  commodity: -1,
  commoditized: -1,
  bundle: -2,
  redundant: -2,
  obsolete: -2,
  cannibalize: -2,
  clone: -1,
  crowded: -1,
  undercut: -1,
  niche: -1,
  differentiated: 1,
  defensible: 1,
  // Futurist: whether the bet compounds or the ground moves under it.
  compound: 1,
  leverage: 1,
  adopt: 1,
  inevitable: 1,
  tailwind: 1,
  headwind: -1,
  hype: -1,
  retire: -1,
  // Buyer: who pays, whether the price holds, whether customers stay.
  revenue: 1,
  profitable: 1,
  funded: 1,
  payback: 1,
  affordable: 1,
  cheaper: 1,
  sticky: 1,
  save: 1,
  bill: -1,
  cost: -1,
  expensive: -1,
  overpriced: -2,
  inflate: -1,
  squeeze: -2,
  subsidize: -1,
  giveaway: -2,
  churn: -1,
  cancel: -2,
  margin: -1,
  // Product: whether the job gets done end to end.
  finished: 1,
  complete: 1,
  polished: 1,
  intuitive: 1,
  incomplete: -2,
  unfinished: -2,
  halfway: -2,
  clunky: -1,
  rewrite: -1,
  lack: -1,
  missing: -1,
  gap: -1,
  empty: -1,
  // Names of things in software and business writing, not feelings.
  asset: 0,
  content: 0,
  free: 0,
  kind: 0,
  legal: 0,
  object: 0,
  plus: 0,
  still: 0,
  token: 0,
  top: 0,
}
