#!/usr/bin/env node
/**
 * `npm run build:plugin` (and `prepack`): compiles the plugin's entry points (src/index.ts,
 * src/exports/*.ts) and everything they import into dist/ as ES modules with .d.ts files,
 * using tsc and tsconfig.build.json. The demo app, the CLI and the tests are not part of the
 * package.
 *
 * Sources import each other by their real file names (`./options.ts`), which every tool
 * here resolves (tsc, Next.js's Turbopack, jest, esbuild); tsc's
 * `rewriteRelativeImportExtensions` turns them into `./options.js` in the emitted
 * JavaScript but leaves declaration files alone, so this script rewrites those. Afterwards
 * every relative import in dist/ is checked to name a file that exists, so the package
 * loads under plain Node ESM, not only through a bundler.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')

rmSync(dist, { force: true, recursive: true })
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
})

function* filesUnder(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) {
      yield* filesUnder(full)
    } else if (entry.name.endsWith('.js') || entry.name.endsWith('.d.ts')) {
      yield full
    }
  }
}

const broken = []
let count = 0
for (const file of filesUnder(dist)) {
  count += 1
  let text = readFileSync(file, 'utf8')
  if (file.endsWith('.d.ts')) {
    const rewritten = text.replace(/(['"]\.{1,2}\/[^'"]+)\.tsx?(['"])/g, '$1.js$2')
    if (rewritten !== text) {
      writeFileSync(file, rewritten)
      text = rewritten
    }
  }
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    if (!existsSync(path.resolve(path.dirname(file), match[1]))) {
      broken.push(`${path.relative(root, file)}: ${match[1]}`)
    }
  }
}
if (broken.length > 0) {
  process.stderr.write(`Relative imports that plain Node cannot resolve:\n${broken.join('\n')}\n`)
  process.exit(1)
}
process.stdout.write(`dist/: ${count} files, every relative import resolves\n`)
