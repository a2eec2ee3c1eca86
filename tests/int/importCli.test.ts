import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'

import type { ImportReport } from '../../src/importer/importPages.ts'
import type { PublicMatchupPage } from '../../src/public/pages.ts'

import { runCli, runCliProcess } from '../helpers/appServer.ts'
import { testDatabaseUri } from '../helpers/database.ts'

const malformed = 'tests/fixtures/import/malformed.txt'
const good = 'tests/fixtures/import/different-panels.txt'

describe('npm run verdicts -- import', () => {
  it("imports the good page, names the bad one's file and line, and exits 1", () => {
    const databaseUri = testDatabaseUri('import-cli')
    const badLine = readFileSync(malformed, 'utf8').split('\n').indexOf('Panel score') + 1

    const first = runCliProcess(['import', malformed, good, '--publish'], databaseUri)
    expect(first.status).toBe(1)
    expect(first.stdout).toContain(
      `✗ ${malformed}:${badLine}: expected "Panel ship" after the panel percentage, found "Panel score"`,
    )
    expect(first.stdout).toContain('nothing was written from this page')
    expect(first.stdout).toContain(`✓ ${good} — Alpha Coder vs Beta Chat`)
    expect(first.stdout).toMatch(/Beta Chat\s+67%\s+2\/3\s+67%\s+67%\s+inferred/)
    expect(first.stdout).toContain('2 page(s): 1 imported, 1 failed.')
    expect(first.stderr).toContain(`${good}: done`)
    expect(first.stdout).not.toContain(`${good}: done`)

    const page = JSON.parse(runCli(['matchup', 'alpha-coder-vs-beta-chat'], databaseUri)) as PublicMatchupPage
    expect(page.tools.map((tool) => tool.panel.percent)).toEqual([100, 67])

    // On a brand-new database file Payload logs while it connects; that goes to stderr.
    const fresh = runCliProcess(['import', good, '--dry-run', '--json'], testDatabaseUri('import-cli-fresh'))
    expect(fresh.status).toBe(0)
    expect((JSON.parse(fresh.stdout) as ImportReport).pages).toHaveLength(1)
    expect(fresh.stderr).toContain('INFO:')

    const again = runCliProcess(['import', good, '--publish', '--json'], databaseUri)
    expect(again.status).toBe(0)
    const report = JSON.parse(again.stdout) as ImportReport
    expect(report.pages[0].counts.verdicts).toEqual({ created: 0, unchanged: 7, updated: 0 })
    expect(report.pages[0].counts.matchups).toEqual({ created: 0, unchanged: 1, updated: 0 })
  }, 120_000)

  it('--assign says which tool a quote is about; the JSON summary carries inferred and assigned attributions', () => {
    const databaseUri = testDatabaseUri('import-cli-assign')
    const ambiguous = 'tests/fixtures/import/ambiguous-lone-quote.txt'
    const line =
      readFileSync(ambiguous, 'utf8')
        .split('\n')
        .findIndex((text) => text.startsWith('“The job-to-be-done')) + 1

    const malformedOption = runCliProcess(['import', ambiguous, '--assign', `${line}=left`], databaseUri)
    expect(malformedOption.status).toBe(2)
    expect(malformedOption.stderr).toContain(`--assign "${line}=left": expected <file>:<line>=left|right`)

    const failed = runCliProcess(['import', ambiguous, '--json'], databaseUri)
    expect(failed.status).toBe(1)
    expect((JSON.parse(failed.stdout) as ImportReport).pages[0].error?.message).toContain(
      `--assign ambiguous-lone-quote.txt:${line}=left or =right`,
    )

    const assigned = runCliProcess(
      [
        'import',
        ambiguous,
        'tests/fixtures/import/lone-quote-by-content.txt',
        '--assign',
        `ambiguous-lone-quote.txt:${line}=left`,
        '--json',
      ],
      databaseUri,
    )
    expect(assigned.status).toBe(0)
    const report = JSON.parse(assigned.stdout) as ImportReport
    expect(
      report.pages.map((page) => page.attributions.map((attribution) => [attribution.evidence, attribution.tool])),
    ).toEqual([[['assigned', 'Ferrule Books']], [['content', 'Ferris Ledger']]])
    expect(Object.keys(report.pages[1].attributions[0].scores ?? {})).toEqual(['left', 'right'])
  }, 120_000)
})
