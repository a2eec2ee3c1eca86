/**
 * Ship or skip: what a verdict (and a community vote) says about a tool. A page never
 * prints the word; the panel percentage does.
 */
export const decisions = ['ship', 'skip'] as const
export type Decision = (typeof decisions)[number]

export const decisionOptions: Array<{ label: string; value: Decision }> = [
  { label: 'Ship', value: 'ship' },
  { label: 'Skip', value: 'skip' },
]

export function isDecision(value: unknown): value is Decision {
  return decisions.includes(value as Decision)
}
