/**
 * `--assign <file>:<line>=left|right`: a person says which tool a quote is about. It is the
 * way out when the importer cannot tell (it never guesses), and it may overrule any other
 * evidence for that quote. Parsed once on the command line, then matched to each page file
 * by its path or its base name.
 */
import path from 'node:path'

import type { Side } from './attributeQuotes.ts'

export type Assignment = { file: string; line: number; side: Side }

export class AssignmentError extends Error {}

/** Parses "page.txt:31=left"; the file may itself contain colons ("C:\pages\a.txt:31=right"). */
export function parseAssignment(text: string): Assignment {
  const match = /^(.+):(\d+)=(left|right)$/.exec(text.trim())
  if (!match || Number(match[2]) < 1) {
    throw new AssignmentError(`--assign "${text}": expected <file>:<line>=left|right, for example page.txt:31=left`)
  }
  return { file: match[1], line: Number(match[2]), side: match[3] as Side }
}

/** The sides assigned to quotes of one page file, by line; a second, different side for a line is an error. */
export function assignmentsFor(file: string, assignments: Assignment[]): Map<number, Side> {
  const sides = new Map<number, Side>()
  const resolved = path.resolve(file)
  for (const assignment of assignments) {
    const sameFile =
      path.resolve(assignment.file) === resolved ||
      (!assignment.file.includes(path.sep) && assignment.file === path.basename(file))
    if (!sameFile) {
      continue
    }
    const earlier = sides.get(assignment.line)
    if (earlier && earlier !== assignment.side) {
      throw new AssignmentError(`--assign gives ${path.basename(file)}:${assignment.line} both left and right`)
    }
    sides.set(assignment.line, assignment.side)
  }
  return sides
}

/** Assignments that name no file being imported: reported rather than silently ignored. */
export function unmatchedAssignments(files: string[], assignments: Assignment[]): Assignment[] {
  return assignments.filter((assignment) => !files.some((file) => assignmentsFor(file, [assignment]).size > 0))
}
