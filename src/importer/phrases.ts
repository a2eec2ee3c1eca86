/**
 * Phrase matching for the importer: case-insensitive, typographic apostrophes and runs
 * of whitespace treated as plain ones, and a phrase must start at a word boundary (so
 * "the moat" is found in "The moat question" but "art" is not found in "start").
 */

export function normalizeText(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase()
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function phrasePattern(phrase: string): RegExp {
  return new RegExp(`(?<![a-z0-9])${escapeRegExp(normalizeText(phrase))}`, 'g')
}

/** The distinct phrases of `phrases` that occur in `text`. */
export function phrasesFound(text: string, phrases: string[]): string[] {
  const haystack = normalizeText(text)
  return [...new Set(phrases.filter((phrase) => phrase.trim() && phrasePattern(phrase).test(haystack)))]
}

/**
 * Which labelled phrases occur in `text`, longest phrases first, each occurrence masked
 * once found: in "Code Llama 4 (70B & 400B)" only the longer name counts, not the shorter
 * "Code Llama 4" inside it. Returns the labels found, with how often.
 */
export function labelledOccurrences<Label extends string>(
  text: string,
  phrases: Array<{ label: Label; phrase: string }>,
): Map<Label, number> {
  let haystack = normalizeText(text)
  const counts = new Map<Label, number>()
  const byLength = [...phrases].filter((entry) => entry.phrase.trim()).sort((a, b) => b.phrase.length - a.phrase.length)
  for (const { label, phrase } of byLength) {
    haystack = haystack.replace(phrasePattern(phrase), (match) => {
      counts.set(label, (counts.get(label) ?? 0) + 1)
      return ' '.repeat(match.length)
    })
  }
  return counts
}

/** Whitespace-insensitive equality of two quotes or descriptions. */
export function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim()
}
