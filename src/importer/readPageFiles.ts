import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'

import type { ImportFile } from './importPages.ts'

/**
 * The pages named on the command line: each file as given, and for a directory every
 * `.txt` file directly in it, by name. A path that does not exist is an error.
 */
export async function readPageFiles(paths: string[]): Promise<ImportFile[]> {
  const files: string[] = []
  for (const given of paths) {
    const info = await stat(given).catch(() => null)
    if (!info) {
      throw new Error(`${given}: no such file or directory`)
    }
    if (info.isDirectory()) {
      const names = (await readdir(given)).filter((name) => name.toLowerCase().endsWith('.txt')).sort()
      files.push(...names.map((name) => path.join(given, name)))
    } else {
      files.push(given)
    }
  }
  return Promise.all(files.map(async (file) => ({ path: file, text: await readFile(file, 'utf8') })))
}
