#!/usr/bin/env node
/**
 * `node --conditions=production scripts/runTs.mjs <entry.ts> [args…]`: runs one of the
 * project's TypeScript entry points (the CLI, the production server, the bench, the test
 * scripts) with plain Node. esbuild bundles the project's own files into one ES module
 * (packages in node_modules stay external and load natively), which Node then imports;
 * the bundle is cached by content, so a repeated run skips the write.
 *
 * Why `--conditions=production`: Lexical's default Node entry files choose their build
 * with a top-level `await import(…)`, and under Node 20 a graph of such modules importing
 * each other now and then never finishes evaluating — the process ends silently with code
 * 0 (or 13), or hangs, having done nothing. That was the CLI's old "sometimes it stalls"
 * under tsx. The `production` export condition resolves Lexical straight to its built
 * files, which have no top-level await.
 */
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cacheFolder = path.join(projectRoot, 'node_modules/.cache/verdicts-run')

/** Bundled code keeps each source file's own `import.meta.url` and `import.meta.dirname`. */
const sourceLocation = {
  name: 'source-location',
  setup(builder) {
    builder.onLoad({ filter: /\.tsx?$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) {
        return undefined
      }
      const contents = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
      return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' }
    })
  },
}

async function main() {
  const [entry, ...args] = process.argv.slice(2)
  if (!process.execArgv.includes('--conditions=production')) {
    process.stderr.write(
      'Run with `node --conditions=production scripts/runTs.mjs …` (see the comment at the top of this file).\n',
    )
    process.exit(2)
  }
  if (!entry) {
    process.stderr.write('Usage: node --conditions=production scripts/runTs.mjs <entry.ts> [args…]\n')
    process.exit(2)
  }
  const result = await build({
    bundle: true,
    entryPoints: [path.resolve(entry)],
    format: 'esm',
    logLevel: 'warning',
    packages: 'external',
    platform: 'node',
    plugins: [sourceLocation],
    sourcemap: 'inline',
    target: 'node20',
    write: false,
  })
  const code = result.outputFiles[0].contents
  const name = `${path.basename(entry).replace(/\.tsx?$/, '')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`
  const bundle = path.join(cacheFolder, name)
  if (!existsSync(bundle)) {
    mkdirSync(cacheFolder, { recursive: true })
    // Written beside and renamed, so a run starting at the same moment never reads half a file.
    const partial = `${bundle}.${process.pid}.tmp`
    writeFileSync(partial, code)
    renameSync(partial, bundle)
  }
  process.setSourceMapsEnabled(true)
  process.argv = [process.argv[0], path.resolve(entry), ...args]
  await import(pathToFileURL(bundle).href)
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
