import type { ImportReport, PageReport, RecordKind } from './importPages.ts'

import { formatPercent } from '../scores/score.ts'

const kinds: RecordKind[] = ['categories', 'personas', 'tools', 'verdicts', 'matchups']

function table(rows: string[][], indent = '  '): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
        .join('   ')
        .trimEnd(),
  )
}

function formatPage(page: PageReport, dryRun: boolean): string[] {
  if (page.outcome === 'failed') {
    const where = page.error?.line ? `${page.file}:${page.error.line}` : page.file
    return [
      `✗ ${where}: ${page.error?.message ?? 'failed'}`,
      page.atomic === false
        ? '  this database has no transactions: records written before the failure remain'
        : '  nothing was written from this page',
    ]
  }
  const lines = [`${dryRun ? '·' : '✓'} ${page.file} — ${page.title}${dryRun ? ' (dry run: would be)' : ''}`]
  lines.push(
    ...table([
      ['', 'created', 'updated', 'unchanged'],
      ...kinds.map((kind) => [
        kind,
        ...(['created', 'updated', 'unchanged'] as const).map((outcome) => String(page.counts[kind][outcome])),
      ]),
    ]),
  )
  lines.push(
    ...table([
      ['panel ship', 'printed', 'page', 'computed', ...(dryRun ? [] : ['live']), ''],
      ...page.panel.map((line) => [
        line.tool,
        formatPercent(line.printed),
        line.page,
        formatPercent(line.computed),
        ...(dryRun ? [] : [formatPercent(line.live ?? null)]),
        line.inferred ? 'inferred' : '',
      ]),
    ]),
  )
  const assigned = page.attributions.filter((attribution) => attribution.evidence === 'assigned')
  if (assigned.length > 0) {
    lines.push(
      '  assigned with --assign:',
      ...assigned.map((attribution) => `    - line ${attribution.line}: ${attribution.persona} on ${attribution.tool}`),
    )
  }
  if (page.review.length > 0) {
    lines.push('  needs review:', ...page.review.map((item) => `    - ${item}`))
  }
  if (page.atomic === false) {
    lines.push('  (written without a transaction: this database does not support them)')
  }
  return lines
}

/** The per-page summary `verdicts import` prints. */
export function formatImportReport(report: ImportReport): string {
  const lines: string[] = []
  if (report.defaultPanel.length > 0) {
    lines.push(
      `${report.dryRun ? 'Would create' : 'Created'} the default panel: ${report.defaultPanel.join(', ')}.`,
      '',
    )
  }
  for (const page of report.pages) {
    lines.push(...formatPage(page, report.dryRun), '')
  }
  const failed = report.pages.filter((page) => page.outcome === 'failed').length
  const done = report.pages.length - failed
  lines.push(
    `${report.pages.length} page(s): ${done} ${report.dryRun ? 'planned' : 'imported'}, ${failed} failed.` +
      (report.dryRun
        ? ' Dry run: nothing was written.'
        : report.publish
          ? ''
          : ' New content waits in review (--publish to publish it).'),
  )
  return lines.join('\n')
}
