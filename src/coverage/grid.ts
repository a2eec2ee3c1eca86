/**
 * The coverage grid of a matchup as plain data, with no Payload import: one cell per
 * (persona, tool), in panel order and left tool first, each with its verdict's state.
 */

export const coverageStates = [
  'missing',
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'stale',
  'tool_changed',
] as const
export type CoverageState = (typeof coverageStates)[number]

export const coverageStateLabels: Record<CoverageState, string> = {
  approved: 'Approved',
  changes_requested: 'Changes requested',
  draft: 'Draft',
  in_review: 'In review',
  missing: 'Missing',
  published: 'Published',
  stale: 'Due for re-review',
  tool_changed: 'Tool changed',
}

type Id = number | string
export type CoveragePersona = { id: Id; name: string; position: number; slug: string }
export type CoverageTool = { id: Id; name: string; slug: string }
/** The newest version of a verdict, and whether a published version of it is live. */
export type CoverageVerdict = {
  id: Id
  live: boolean
  reviewer: Id
  stale?: boolean | null
  tool: Id
  toolChangedSinceReview?: boolean | null
  workflowStage?: null | string
}

export type CoverageCell = {
  /** Where the verdict is edited, or where a new one starts with persona and tool filled in. */
  href: string
  live: boolean
  persona: string
  stage: null | string
  state: CoverageState
  tool: string
  verdict: Id | null
}

export type Coverage = {
  cells: CoverageCell[]
  counts: Record<CoverageState, number>
  personas: Array<{ name: string; slug: string }>
  tools: Array<{ name: string; slug: string }>
}

/**
 * What a cell shows. A live verdict's flags come first (they are what needs doing); then
 * the stage of its newest version, so a draft waiting over a live verdict shows as a draft.
 */
export function coverageState(verdict: CoverageVerdict | undefined): CoverageState {
  if (!verdict) {
    return 'missing'
  }
  if (verdict.live && verdict.toolChangedSinceReview) {
    return 'tool_changed'
  }
  if (verdict.live && verdict.stale) {
    return 'stale'
  }
  const stage = verdict.workflowStage ?? 'draft'
  return (coverageStates as readonly string[]).includes(stage) ? (stage as CoverageState) : 'draft'
}

/** The query string that opens a new verdict with this persona and tool filled in. */
export const prefillParams = { reviewer: 'prefillReviewer', tool: 'prefillTool' } as const

export function buildCoverage(
  personas: CoveragePersona[],
  tools: [CoverageTool, CoverageTool],
  verdicts: CoverageVerdict[],
  adminCollectionUrl: string,
): Coverage {
  const ordered = [...personas].sort(
    (a, b) => a.position - b.position || a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug),
  )
  const byPair = new Map(verdicts.map((verdict) => [`${String(verdict.reviewer)}|${String(verdict.tool)}`, verdict]))
  const counts = Object.fromEntries(coverageStates.map((state) => [state, 0])) as Record<CoverageState, number>
  const cells = ordered.flatMap((persona) =>
    tools.map((tool): CoverageCell => {
      const verdict = byPair.get(`${String(persona.id)}|${String(tool.id)}`)
      const state = coverageState(verdict)
      counts[state] += 1
      const query = new URLSearchParams({
        [prefillParams.reviewer]: String(persona.id),
        [prefillParams.tool]: String(tool.id),
      })
      return {
        href: verdict ? `${adminCollectionUrl}/${verdict.id}` : `${adminCollectionUrl}/create?${query.toString()}`,
        live: verdict?.live ?? false,
        persona: persona.slug,
        stage: verdict?.workflowStage ?? null,
        state,
        tool: tool.slug,
        verdict: verdict?.id ?? null,
      }
    }),
  )
  return {
    cells,
    counts,
    personas: ordered.map(({ name, slug }) => ({ name, slug })),
    tools: tools.map(({ name, slug }) => ({ name, slug })),
  }
}

/**
 * A relation's id from a prefill query parameter: digits are a numeric id (SQLite,
 * PostgreSQL), 24 hex digits a MongoDB ObjectId; anything else is ignored.
 */
export function prefilledId(value: unknown): number | string | undefined {
  if (typeof value !== 'string') {
    return undefined
  }
  if (/^[1-9][0-9]{0,15}$/.test(value)) {
    return Number(value)
  }
  return /^[0-9a-f]{24}$/i.test(value) ? value : undefined
}
