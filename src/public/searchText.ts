/**
 * The public lists' `q` search, done in plain code rather than with the databases' LIKE:
 * Payload passes `%`, `_` and `\` through to LIKE unescaped (and SQLite's LIKE has no
 * escape character unless the query names one), so `q=%` matched every tool. Here every
 * character means itself: each word of `q` must appear in the text, ignoring case.
 */
export function matchesSearch(text: string, q: string): boolean {
  const haystack = text.toLocaleLowerCase('en')
  return q
    .toLocaleLowerCase('en')
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word))
}
