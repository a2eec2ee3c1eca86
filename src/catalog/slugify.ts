import { transliterate } from 'transliteration'

/**
 * Turns a display name into a URL slug: "Code Llama 4 (70B & 400B)" → "code-llama-4-70b-400b",
 * "通义千问" → "tong-yi-qian-wen", "Déjà Vu 🤖 Coder 日本" → "deja-vu-coder-ri-ben".
 * Every script is transliterated to ASCII (the `transliteration` package: pinyin for Chinese,
 * romaji-like readings for kana, accents folded) so that slugs stay readable and stable
 * across keyboards. Symbols without a reading (emoji) are dropped; a name made only of them
 * falls back to its code points ("🤖" → "u1f916"), so every name still gets a slug;
 * punctuation alone ("—") makes none.
 */
export function slugify(value: string): string {
  const slug = asSlug(transliterate(value.normalize('NFKC')))
  if (slug !== '') {
    return slug
  }
  // Only letters, digits and pictographs name something; a name of dashes and quotes gets
  // no slug (the field, and the importer, then say so).
  const meaningful = Array.from(value).filter((character) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(character))
  return asSlug(meaningful.map((character) => `u${character.codePointAt(0)?.toString(16)}`).join(' '))
}

function asSlug(ascii: string): string {
  return ascii
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
