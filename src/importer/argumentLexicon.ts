/**
 * Words that carry an evaluative charge in a product argument but that a general sentiment
 * lexicon (AFINN, as wink-nlp ships it) scores as neutral: "the bill grows", "bundled for
 * free", "obsolete", "it unlocks". Keyed by wink-nlp's stem so that every form counts
 * ("bundles", "bundled"); the value is the lean, -2..2, positive towards shipping. A word
 * inside a negation ("no lock-in", "never crashed") counts the other way, by wink-nlp's
 * negation scope. Data, not prose: extend freely, then run `npm run eval:import`.
 *
 * Written from how tool reviews argue in general (cost, substitution, decay, reliability,
 * reach), not from any one page, and deliberately small: a word earns a place only when it
 * leans the same way in almost any review.
 */
export const argumentLexicon: Record<string, number> = {
  // what a tool opens up or saves
  unlock: 2,
  enabl: 1,
  faster: 1,
  instant: 1,
  reliabl: 1,
  consist: 1,
  correct: 1,
  default: 1,
  standard: 1,
  adopt: 1,
  compound: 1,
  leverag: 1,
  // what it costs, who replaces it, how it decays
  bill: -1,
  cost: -1,
  expens: -1,
  overpr: -2,
  inflat: -1,
  squeez: -2,
  bundl: -2,
  commodit: -1,
  cannib: -2,
  redund: -2,
  obsolet: -2,
  retir: -1,
  churn: -1,
  cancel: -2,
  lock: -1,
  deprec: -2,
  // how it fails in use
  misread: -2,
  warp: -2,
  crash: -2,
  fragil: -2,
  brittl: -2,
  incomplet: -2,
  empti: -1,
  rewrit: -1,
  halfway: -2,
  wrong: -2,
  lack: -1,
  miss: -1,
  gap: -1,
  fail: -2,
  degrad: -2,
  stall: -1,
  margin: -1,
}
