/**
 * Turns a display name into a URL slug: "Code Llama 4 (70B & 400B)" → "code-llama-4-70b-400b".
 * Accents are folded to ASCII so that slugs stay stable across keyboards.
 */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

export const slugFormat = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function isValidSlug(value: unknown): value is string {
  return typeof value === 'string' && slugFormat.test(value)
}

export function matchupSlug(leftToolSlug: string, rightToolSlug: string): string {
  return `${leftToolSlug}-vs-${rightToolSlug}`
}
