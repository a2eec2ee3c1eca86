import { formatPercent } from '../scores/score.ts'

/**
 * The weekly digest as plain data: which comparisons went live in the period and which
 * panel scores moved, and why, in public words (a persona may be named, a user never).
 */
export type DigestMatchup = {
  firstPublishedAt: string
  slug: string
  title: string
  tools: Array<{ name: string; panelPercent: null | number }>
}

export type DigestScoreEntry = {
  action: string
  createdAt: string
  from: { percent?: null | number }
  to: { percent?: null | number }
  toolId: number | string
  toolName: string
  verdictTitle?: null | string
}

export type DigestItem = { kind: 'matchup' | 'note' | 'score'; text: string; title: string; url: null | string }

export type Digest = { intro: string; items: DigestItem[]; title: string }

const causes: Record<string, (verdict: null | string) => string> = {
  delete: (verdict) => (verdict ? `${verdict} was removed` : 'a verdict was removed'),
  edit: (verdict) => (verdict ? `${verdict} changed its decision` : 'a verdict changed its decision'),
  move: (verdict) => (verdict ? `${verdict} moved to another tool` : 'a verdict moved to another tool'),
  'persona-deleted': () => 'a reviewer persona left the panel',
  publish: (verdict) => (verdict ? `${verdict} was published` : 'a new verdict was published'),
  reconcile: () => 'a recount corrected the figure',
  unpublish: (verdict) => (verdict ? `${verdict} was withdrawn` : 'a verdict was withdrawn'),
}

/** "30 Nov 2026", in UTC. */
export function formatDay(iso: string | Date): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC', year: 'numeric' })
}

/**
 * Net panel moves per tool over the period: the first entry's "from" to the last entry's
 * "to" (entries in time order), with every cause on the way; a tool that ended where it
 * started is left out.
 */
export function panelMoves(
  entries: DigestScoreEntry[],
): Array<{ causes: string[]; from: null | number; to: null | number; toolName: string }> {
  const byTool = new Map<string, { causes: string[]; from: null | number; to: null | number; toolName: string }>()
  const ordered = [...entries].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  for (const entry of ordered) {
    const key = String(entry.toolId)
    const move = byTool.get(key) ?? { causes: [], from: entry.from.percent ?? null, to: null, toolName: entry.toolName }
    move.to = entry.to.percent ?? null
    move.toolName = entry.toolName
    const cause = (causes[entry.action] ?? (() => 'the panel changed'))(entry.verdictTitle ?? null)
    if (!move.causes.includes(cause)) {
      move.causes.push(cause)
    }
    byTool.set(key, move)
  }
  return [...byTool.values()].filter((move) => move.from !== move.to)
}

/** Composes the draft digest; editors then edit the intro and reorder or drop items. */
export function composeDigest(args: {
  matchups: DigestMatchup[]
  scoreEntries: DigestScoreEntry[]
  since: Date
  siteUrl: string
  until: Date
}): Digest {
  const matchups = [...args.matchups].sort((a, b) => a.firstPublishedAt.localeCompare(b.firstPublishedAt))
  const items: DigestItem[] = matchups.map((matchup) => ({
    kind: 'matchup',
    text: matchup.tools.map((tool) => `${tool.name}: panel ship ${formatPercent(tool.panelPercent)}`).join(' · '),
    title: matchup.title,
    url: `${args.siteUrl}/compare/${matchup.slug}`,
  }))
  for (const move of panelMoves(args.scoreEntries)) {
    items.push({
      kind: 'score',
      text: `Panel ship ${formatPercent(move.from)} → ${formatPercent(move.to)}: ${move.causes.join('; ')}.`,
      title: move.toolName,
      url: null,
    })
  }
  const comparisons =
    matchups.length === 1 ? 'one new comparison' : `${matchups.length === 0 ? 'no' : matchups.length} new comparisons`
  const moved = items.length - matchups.length
  return {
    intro: `This week: ${comparisons}${moved > 0 ? ` and ${moved} panel score${moved === 1 ? '' : 's'} that moved` : ''}.`,
    items,
    title: `Weekly AI Tool Verdicts: ${formatDay(args.since)} – ${formatDay(args.until)}`,
  }
}
