/** The two figures every tool carries: the panel's verdicts and the community's votes. */
export const scoreKinds = ['panel', 'community'] as const
export type ScoreKind = (typeof scoreKinds)[number]

/** Why a stored score was recounted; the score history records it. */
export const scoreActions = [
  'publish',
  'unpublish',
  'edit',
  'move',
  'delete',
  'persona-deleted',
  'vote',
  'reconcile',
] as const
export type ScoreAction = (typeof scoreActions)[number]
