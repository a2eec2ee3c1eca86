/**
 * Freshness as plain rules, with no Payload import: when a verdict is due for re-review,
 * and what changed on a tool in words an approver can act on.
 */

const dayMs = 24 * 60 * 60 * 1000

/** The default number of days after its last review at which a verdict is due again. */
export const defaultReviewEveryDays = 180

/** A persona's own interval wins over the panel's; an empty or invalid one falls back to it. */
export function reviewEveryDaysFor(
  persona: null | { reviewEveryDays?: null | number } | undefined,
  panelDays: number,
): number {
  const own = persona?.reviewEveryDays
  return typeof own === 'number' && Number.isInteger(own) && own >= 1 ? own : panelDays
}

/** The moment a verdict reviewed at `reviewedAt` falls due. */
export function dueAt(reviewedAt: Date | string, days: number): Date {
  return new Date(new Date(reviewedAt).getTime() + days * dayMs)
}

/** Verdicts reviewed before this moment are due at `now`. */
export function dueCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * dayMs)
}

/** Whether a verdict last reviewed at `reviewedAt` is due at `now`; never reviewed is never due. */
export function isDue(reviewedAt: Date | null | string | undefined, days: number, now: Date): boolean {
  if (!reviewedAt) {
    return false
  }
  return dueAt(reviewedAt, days).getTime() <= now.getTime()
}

/** One change of a tool that a verdict's approval did not see. */
export type ToolChange = { at: string; field: WatchedToolField; from: null | string; label: string; to: null | string }

/** The tool fields a verdict's judgement rests on: a change to any of them asks for re-review. */
export const watchedToolFields = ['pricing.tier', 'pricing.note', 'tagline', 'description', 'category'] as const
export type WatchedToolField = (typeof watchedToolFields)[number]

export const watchedToolFieldLabels: Record<WatchedToolField, string> = {
  category: 'Category',
  description: 'Description',
  'pricing.note': 'Pricing note',
  'pricing.tier': 'Pricing tier',
  tagline: 'Tagline',
}

/** Text long enough to recognise, short enough for a mail line. */
const excerptLength = 120

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > excerptLength ? `${flat.slice(0, excerptLength - 1)}…` : flat
}

/** The plain text of a Lexical state (or any value), for comparing and for showing old → new. */
export function plainText(value: unknown): null | string {
  if (value === null || value === undefined || value === '') {
    return null
  }
  if (typeof value === 'string' || typeof value === 'number') {
    return String(value)
  }
  const parts: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') {
      return
    }
    const { children, text } = node as { children?: unknown[]; text?: unknown }
    if (typeof text === 'string') {
      parts.push(text)
    }
    if (Array.isArray(children)) {
      children.forEach(walk)
      parts.push(' ')
    }
  }
  walk((value as { root?: unknown }).root ?? value)
  const joined = parts.join('').replace(/\s+/g, ' ').trim()
  return joined === '' ? null : joined
}

/**
 * The watched fields that differ between two versions of a tool, as shown values
 * (`readable` turns a stored value, e.g. a category id or a tier, into what editors see).
 * Rich text compares by its text, so a re-save that only reshuffles nodes is no change.
 */
export function toolChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  at: Date,
  readable: (field: WatchedToolField, value: null | string) => null | string = (_field, value) => value,
): ToolChange[] {
  const read = (doc: Record<string, unknown>, field: WatchedToolField): null | string => {
    const value = field
      .split('.')
      .reduce<unknown>(
        (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
        doc,
      )
    if (field === 'category' && value && typeof value === 'object') {
      return plainText((value as { id?: unknown }).id)
    }
    return plainText(value)
  }
  return watchedToolFields.flatMap((field) => {
    const from = read(before, field)
    const to = read(after, field)
    if (from === to) {
      return []
    }
    const shown = (value: null | string) => {
      const text = readable(field, value)
      return text === null ? null : excerpt(text)
    }
    return [{ at: at.toISOString(), field, from: shown(from), label: watchedToolFieldLabels[field], to: shown(to) }]
  })
}

/** "Pricing tier: Free → Paid; Tagline: (none) → Hosted gateway" */
export function describeToolChanges(changes: ToolChange[]): string {
  const shown = (value: null | string) => (value === null ? '(none)' : `"${value}"`)
  return changes.map((change) => `${change.label}: ${shown(change.from)} → ${shown(change.to)}`).join('; ')
}
