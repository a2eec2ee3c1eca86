import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { ImportFile } from '../../src/importer/importPages.ts'

const projectRoot = path.resolve(import.meta.dirname, '../..')

/** The publication's sample pages, beside the project (read at test time, never copied). */
export const seedsDir = path.resolve(projectRoot, '../shared/seeds')
/** Pages written for these tests. */
export const importFixturesDir = path.resolve(projectRoot, 'tests/fixtures/import')

export function pageFile(dir: string, name: string): ImportFile {
  const file = path.join(dir, name)
  return { path: file, text: readFileSync(file, 'utf8') }
}

export function seedPages(): ImportFile[] {
  return readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => pageFile(seedsDir, name))
}

export const fixturePage = (name: string) => pageFile(importFixturesDir, name)

/** The text of a public rich-text field: tags dropped, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}
