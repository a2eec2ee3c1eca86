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
  sold: 0,
  still: 0,
  token: 0,
  top: 0,
}

/**
 * The words of an argument about a rival (`clauseTarget`), by the same rules, where they
 * mean something else than about the tool under review: the lean is the rival's strength,
 * positive when the rival does the job ("the platforms added it", "bundled for free", "built
 * into the editor"), negative when it falls short ("which need a data team"). The reading
 * turns it around, as it does every word about a rival: a strong rival argues for a skip.
 * A word listed here takes this value in a clause about a rival, instead of the others.
 */
export const rivalLexicon: Record<string, number> = {
  // The rival does the job too, or will.
  add: 1,
  added: 1,
  include: 1,
  offer: 1,
  ship: 1,
  launch: 1,
  roll: 1,
  build: 1,
  built: 1,
  bundle: 2,
  copy: 1,
  clone: 1,
  replicate: 1,
  undercut: 2,
  native: 1,
  already: 1,
  same: 1,
  free: 1,
  cheaper: 1,
  lower: 1,
  funded: 1,
  commoditized: 0,
  commodity: 0,
  crowded: 0,
  redundant: 0,
  obsolete: -2,
  // The rival falls short.
  need: -1,
  require: -1,
  ignore: -1,
  lack: -1,
  miss: -1,
  legacy: -1,
}
