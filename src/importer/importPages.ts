import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq, ValidationError } from 'payload'

import type { Assignment } from './assignments.ts'
import type { ContentScores } from './attributeByContent.ts'
import type { PagePlan, RecordAction, StoredPersona } from './planPage.ts'

import { formatPercent } from '../scores/score.ts'
import { defaultPanel } from '../catalog/defaultPanel.ts'
import { pluginOptionsOf } from '../pluginOptions.ts'
import { applyPlan } from './applyPlan.ts'
import { AssignmentError, assignmentsFor, unmatchedAssignments } from './assignments.ts'
import { inTransaction } from './pageTransaction.ts'
import { PageError, parsePage } from './parsePage.ts'
import { planPage } from './planPage.ts'
import { loadStoredState } from './storedState.ts'

export type ImportFile = { path: string; text: string }

export type ImportOptions = {
  /** Which tool a quote is about, by file and line (`--assign`); overrules the importer. */
  assign?: Assignment[]
  /** Only plan and report; write nothing (not even the default panel). */
  dryRun?: boolean
  /** Progress lines, one per step. */
  onProgress?: (line: string) => void
  /** Publish what the import creates; otherwise it waits in review. */
  publish?: boolean
}

export type RecordCounts = Record<'created' | 'unchanged' | 'updated', number>
export type RecordKind = 'categories' | 'matchups' | 'personas' | 'tools' | 'verdicts'

export type PanelLine = {
  /** The tool's verdicts once this page's are all published (other personas' included). */
  computed: null | number
  /** Decisions chosen to match the printed figure, pending a reviewer's confirmation. */
  inferred: boolean
  /** The stored panel percentage after the import; absent in a dry run. */
  live?: null | number
  /** Verdicts of the tool by personas the page does not show. */
  otherVerdicts: number
  /** The ship share of the page's own quotes, e.g. "3/4". */
  page: string
  printed: null | number
  tool: string
}

/** A quote whose tool the page did not make plain: inferred from its content, or assigned. */
export type AttributionLine = {
  evidence: 'assigned' | 'content'
  line: number
  persona: string
  /** For 'content': the quote's similarity to the left and the right tool. */
  scores?: ContentScores
  tool: string
}

export type PageReport = {
  /** False when the database had no transactions: a failed page may have left records. */
  atomic?: boolean
  attributions: AttributionLine[]
  counts: Record<RecordKind, RecordCounts>
  error?: { line: null | number; message: string }
  file: string
  outcome: 'failed' | 'imported' | 'planned'
  panel: PanelLine[]
  review: string[]
  title: null | string
}

export type ImportReport = {
  /** Personas of the default panel created (or, in a dry run, to be created) first. */
  defaultPanel: string[]
  dryRun: boolean
  pages: PageReport[]
  publish: boolean
}

const recordKinds: RecordKind[] = ['categories', 'personas', 'tools', 'verdicts', 'matchups']

function emptyCounts(): Record<RecordKind, RecordCounts> {
  return Object.fromEntries(recordKinds.map((kind) => [kind, { created: 0, unchanged: 0, updated: 0 }])) as Record<
    RecordKind,
    RecordCounts
  >
}

const outcomeOf: Record<RecordAction, keyof RecordCounts> = {
  create: 'created',
  unchanged: 'unchanged',
  update: 'updated',
}

async function storedPersonas(req: PayloadRequest): Promise<StoredPersona[]> {
  const { docs } = await req.payload.find({
    collection: pluginOptionsOf(req.payload).collectionSlugs.reviewers,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    sort: 'position',
  })
  return (docs as unknown as Array<StoredPersona & { voiceMarkers?: null | string[] }>).map((persona) => ({
    id: persona.id,
    name: persona.name,
    position: persona.position,
    slug: persona.slug,
    voiceMarkers: persona.voiceMarkers ?? [],
  }))
}

/** What the summary says about a planned (and, unless a dry run, written) page. */
function describePlan(
  plan: PagePlan,
  publish: boolean,
  live?: [null | number, null | number],
): Omit<PageReport, 'file' | 'outcome'> {
  const counts = emptyCounts()
  const tally = (kind: RecordKind, action: RecordAction) => (counts[kind][outcomeOf[action]] += 1)
  plan.categories.forEach((category) => tally('categories', category.action))
  plan.placeholders.forEach(() => tally('personas', 'create'))
  plan.positionShifts.forEach(() => tally('personas', 'update'))
  plan.tools.forEach((tool) => tally('tools', tool.action))
  plan.verdicts.forEach((verdict) => tally('verdicts', verdict.action))
  tally('matchups', plan.matchup.action)

  const review: string[] = []
  const toolName = (side: 'left' | 'right') => plan.tools[side === 'left' ? 0 : 1].data.name
  const attributions: AttributionLine[] = plan.verdicts
    .filter(
      (verdict) => verdict.toolEvidence === 'assigned' || (verdict.toolInferred && verdict.toolEvidence === 'content'),
    )
    .map((verdict) => ({
      evidence: verdict.toolEvidence as AttributionLine['evidence'],
      line: verdict.line,
      persona: verdict.personaName,
      ...(verdict.toolScores ? { scores: verdict.toolScores } : {}),
      tool: toolName(verdict.side),
    }))
  for (const placeholder of plan.placeholders) {
    review.push(
      `line ${placeholder.line}: no persona's voice markers match; created the placeholder persona "${placeholder.name}" (flagged "needs an editor")`,
    )
  }
  for (const [index, check] of plan.panel.entries()) {
    const side = index === 0 ? 'left' : 'right'
    const inferred = plan.verdicts.filter(
      (verdict) => verdict.side === side && verdict.inferred && verdict.action !== 'unchanged',
    )
    if (inferred.length > 0) {
      review.push(
        `${check.tool}: ${formatPercent(check.printed)} is ${check.ship} of ${check.total} shipping; inferred ${inferred
          .map((verdict) => `${verdict.personaName} ${verdict.decision}`)
          .join(', ')}; each persona's reviewers confirm in the workflow`,
      )
    }
    if (check.planned.percent !== check.printed) {
      review.push(
        `${check.tool}: ${check.otherVerdicts} verdict(s) by personas not on this page make it ${formatPercent(check.planned.percent)}, not the printed ${formatPercent(check.printed)}`,
      )
    }
    if (live && publish && live[index] !== check.printed && check.planned.percent === check.printed) {
      review.push(
        `${check.tool}: live panel is ${formatPercent(live[index])}, printed ${formatPercent(check.printed)}; changes in review are not live yet`,
      )
    }
  }
  for (const attribution of attributions.filter((line) => line.evidence === 'content')) {
    const verdict = plan.verdicts.find((planned) => planned.line === attribution.line)!
    const other = toolName(verdict.side === 'left' ? 'right' : 'left')
    const scores = attribution.scores!
    review.push(
      `line ${attribution.line}: ${attribution.persona}'s quote names neither tool; attributed to ${attribution.tool} by its content (similarity ${scores[verdict.side].toFixed(3)}, against ${scores[verdict.side === 'left' ? 'right' : 'left'].toFixed(3)} for ${other}); the persona's reviewers confirm in the workflow`,
    )
  }
  for (const tool of plan.tools.filter((planned) => planned.action === 'update')) {
    review.push(`${tool.data.name}: the page changed ${tool.changes.join(', ')}; updated`)
  }
  for (const verdict of plan.verdicts.filter((planned) => planned.action === 'update')) {
    review.push(
      `line ${verdict.line}: ${verdict.personaName} on ${plan.tools[verdict.side === 'left' ? 0 : 1].data.name} changed (${verdict.changes.join(', ')}); new draft in review`,
    )
  }
  if (plan.matchup.action === 'update') {
    review.push(`matchup ${plan.matchup.slug} changed (${plan.matchup.changes.join(', ')}); new draft in review`)
  }
  const created = counts.verdicts.created + (plan.matchup.action === 'create' ? 1 : 0)
  if (!publish && created > 0) {
    review.push(`${created} new verdict(s) and matchup(s) wait in review (import with --publish to publish them)`)
  }

  return {
    attributions,
    counts,
    panel: plan.panel.map((check, index) => ({
      computed: check.planned.percent,
      inferred: check.inferred,
      ...(live ? { live: live[index] } : {}),
      otherVerdicts: check.otherVerdicts,
      page: `${check.ship}/${check.total}`,
      printed: check.printed,
      tool: check.tool,
    })),
    review,
    title: plan.page.title.value,
  }
}

function describeError(error: unknown): { line: null | number; message: string } {
  if (error instanceof PageError) {
    return { line: error.line, message: error.reason }
  }
  if (error instanceof AssignmentError) {
    return { line: null, message: error.message }
  }
  if (error instanceof ValidationError) {
    const fields = (error.data?.errors ?? []).map((field) => `${field.path}: ${field.message}`)
    return { line: null, message: `${error.message}${fields.length ? ` (${fields.join('; ')})` : ''}` }
  }
  return { line: null, message: error instanceof Error ? error.message : String(error) }
}

/**
 * Imports comparison pages: each page is planned in full (so bad input fails before any
 * write) and then written in its own transaction, so a failing page leaves nothing behind
 * and the other pages still import. An empty panel is first filled with the default panel.
 */
export async function importPages(
  payload: Payload,
  files: ImportFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { dryRun = false, onProgress = () => {}, publish = false } = options
  const pluginOptions = pluginOptionsOf(payload)
  const report: ImportReport = { defaultPanel: [], dryRun, pages: [], publish }
  const assign = options.assign ?? []
  const stray = unmatchedAssignments(
    files.map((file) => file.path),
    assign,
  )
  if (stray.length > 0) {
    throw new AssignmentError(
      `--assign names ${stray.map((assignment) => `${assignment.file}:${assignment.line}`).join(', ')}, but no page being imported is that file`,
    )
  }

  const readReq = await createLocalReq({}, payload)
  const panelIsEmpty = (await storedPersonas(readReq)).length === 0
  if (panelIsEmpty) {
    report.defaultPanel = defaultPanel.map((persona) => persona.name)
    if (!dryRun) {
      onProgress(`No personas yet: creating the default panel (${report.defaultPanel.join(', ')})`)
      await inTransaction(payload, async (req) => {
        for (const persona of defaultPanel) {
          await payload.create({ collection: pluginOptions.collectionSlugs.reviewers, data: persona, depth: 0, req })
        }
      })
    }
  }

  for (const file of files) {
    onProgress(`${file.path}: reading`)
    let writing: { atomic: boolean } | undefined
    try {
      const page = parsePage(file.text, file.path)
      const context = { assignments: assignmentsFor(file.path, assign) }
      onProgress(`${file.path}: "${page.title.value}", ${page.quotes.length} quotes`)
      if (dryRun) {
        const req = await createLocalReq({}, payload)
        const personas = panelIsEmpty ? defaultPanel : await storedPersonas(req)
        const plan = planPage(pluginOptions, page, personas, await loadStoredState(req, pluginOptions, page), context)
        report.pages.push({ file: file.path, outcome: 'planned', ...describePlan(plan, publish) })
        continue
      }
      const { atomic, result } = await inTransaction(payload, async (req, txAtomic) => {
        const personas = await storedPersonas(req)
        const plan = planPage(pluginOptions, page, personas, await loadStoredState(req, pluginOptions, page), context)
        onProgress(`${file.path}: writing`)
        writing = { atomic: txAtomic }
        const live = await applyPlan(req, pluginOptions, plan, personas, { publish })
        return describePlan(plan, publish, live)
      })
      report.pages.push({ atomic, file: file.path, outcome: 'imported', ...result })
      onProgress(`${file.path}: done`)
    } catch (error) {
      const described = describeError(error)
      onProgress(`${file.path}: failed`)
      // Nothing is written before a page has planned cleanly; after that, a transaction undoes it.
      const atomic = writing === undefined || writing.atomic
      report.pages.push({
        atomic,
        attributions: [],
        counts: emptyCounts(),
        error: described,
        file: file.path,
        outcome: 'failed',
        panel: [],
        review: [],
        title: null,
      })
    }
  }
  return report
}
