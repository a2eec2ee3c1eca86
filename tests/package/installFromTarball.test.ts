/**
 * What a user does after `npm install verdicts-cms`: the tarball `npm pack` makes is
 * installed with npm into a throwaway Payload app that has its own users collection, an
 * unrelated collection and hooks of its own, with the plugin added in one line
 * (tests/package/hostApp). Runs on SQLite only: it proves the package, not a database.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const projectRoot = path.resolve(import.meta.dirname, '../..')
const ownPackage = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>
  name: string
  overrides?: Record<string, string>
}

/** The host installs the same Payload, Next.js and React the demo app pins. */
const hostDependencies = [
  '@payloadcms/db-sqlite',
  '@payloadcms/next',
  '@payloadcms/richtext-lexical',
  '@payloadcms/ui',
  'graphql',
  'next',
  'payload',
  'react',
  'react-dom',
]

type Report = {
  adminRole: string
  collections: string[]
  created: number[]
  customIds: { byPath: number; byWhere: number; notesById: number }
  editorNickname: string
  note: string
  panelScore: { percent: null | number; ship: number; skip: number; total: number }
  publicPage: { panels: Array<[string, null | number]>; scorecard: Array<[string, string, string]>; status: number }
  steps: string[]
  userAuth: boolean
  userFields: string[]
}

let workDir: string
let appDir: string
let report: Report
let importMap: string

const run = (command: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 480_000,
  })

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'verdicts-package-'))
  appDir = path.join(workDir, 'host-app')
  mkdirSync(appDir)
  // `npm pack` runs `prepack`, which builds dist/ from the sources.
  const tarball = run('npm', ['pack', '--silent', '--pack-destination', workDir], projectRoot)
    .trim()
    .split('\n')
    .at(-1)!
  const dependencies = Object.fromEntries(hostDependencies.map((name) => [name, ownPackage.devDependencies[name]]))
  dependencies[ownPackage.name] = `file:../${tarball}`
  writeFileSync(
    path.join(appDir, 'package.json'),
    JSON.stringify(
      { dependencies, name: 'host-app', overrides: ownPackage.overrides, private: true, type: 'module' },
      null,
      2,
    ),
  )
  for (const file of ['payload.config.mjs', 'boot.mjs']) {
    copyFileSync(path.join(import.meta.dirname, 'hostApp', file), path.join(appDir, file))
  }
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], appDir)
  // Lexical's default entry files stall plain Node 20 (see scripts/runTs.mjs); a host app
  // runs its scripts with the production condition as Next.js does.
  const node = ['--conditions=production', '--no-deprecation']
  run(process.execPath, [...node, 'boot.mjs'], appDir)
  report = JSON.parse(readFileSync(path.join(appDir, 'report.json'), 'utf8')) as Report
  // A Next.js app made from Payload's template has this file; the generator fills it in.
  const importMapFile = path.join(appDir, 'app/(payload)/admin/importMap.js')
  mkdirSync(path.dirname(importMapFile), { recursive: true })
  writeFileSync(importMapFile, 'export const importMap = {}\n')
  run(process.execPath, [...node, 'node_modules/payload/bin.js', 'generate:importmap'], appDir, {
    PAYLOAD_CONFIG_PATH: path.join(appDir, 'payload.config.mjs'),
  })
  importMap = readFileSync(importMapFile, 'utf8')
}, 900_000)

afterAll(() => {
  if (workDir) {
    rmSync(workDir, { force: true, recursive: true })
  }
})

describe('verdicts-cms installed from its tarball into a foreign Payload app', () => {
  it('keeps the host collections and hooks and extends its users collection', () => {
    expect(report.collections.slice(0, 2)).toEqual(['users', 'notes'])
    expect(report.collections).toEqual(
      expect.arrayContaining(['tools', 'categories', 'reviewers', 'verdicts', 'matchups']),
    )
    expect(report.collections.filter((slug) => slug === 'users')).toHaveLength(1)
    expect(report.note).toBe('host hook saw "hello"')
    // The REST guard holds ids to the database's shape, but a collection with text ids of
    // its own keeps them; a collection with the database's ids still refuses text.
    expect(report.customIds).toEqual({ byPath: 200, byWhere: 1, notesById: 400 })
    expect(report.userAuth).toBe(true)
    expect(report.userFields).toEqual(expect.arrayContaining(['nickname', 'role']))
    expect(report.editorNickname).toBe('set by the host')
    expect(report.adminRole).toBe('admin')
  })

  it('takes a verdict and a matchup through the workflow, moving the panel score', () => {
    expect(report.created).toEqual([201, 201])
    expect(report.steps.every((step) => step.endsWith(' 200'))).toBe(true)
    expect(report.steps).toHaveLength(6)
    expect(report.panelScore).toMatchObject({ percent: 100, ship: 1, skip: 0, total: 1 })
  })

  it('answers the public matchup endpoint', () => {
    expect(report.publicPage).toEqual({
      panels: [
        ['host-left', 100],
        ['host-right', null],
      ],
      scorecard: [['The Host Skeptic', 'host-left', 'ship']],
      status: 200,
    })
  })

  it('generates an import map that names only package paths', () => {
    expect(importMap).toContain("from 'verdicts-cms/client'")
    for (const component of ['WorkflowPanel', 'PublishThroughWorkflow', 'RoleDashboard']) {
      expect(importMap).toContain(`"verdicts-cms/client#${component}"`)
    }
    expect(importMap).not.toMatch(/from '\.{0,2}\/|"\/src\//)
  })
})
