import { describe, expect, it } from '@jest/globals'

import { isValidSlug, matchupSlug, slugify } from '../../src/catalog/slugify.ts'

describe('slugify', () => {
  it.each([
    ['Mistral 3 Small', 'mistral-3-small'],
    ['Code Llama 4 (70B & 400B)', 'code-llama-4-70b-400b'],
    ['Gemini 2.5 Flash Lite', 'gemini-2-5-flash-lite'],
    ['Mistral-Next 22B', 'mistral-next-22b'],
    ['  Café Crème  ', 'cafe-creme'],
    ['The Skeptic', 'the-skeptic'],
    // Other scripts are transliterated, not dropped: every name gets a readable slug.
    ['通义千问', 'tong-yi-qian-wen'],
    ['Déjà Vu 🤖 Coder 日本', 'deja-vu-coder-ri-ben'],
    ['Привет мир', 'privet-mir'],
    ['Ｆｕｌｌ ﬁ', 'full-fi'],
    // Nothing to read aloud: the code points still make a stable slug.
    ['🤖 ✨', 'u1f916-u2728'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug)
    expect(isValidSlug(slug)).toBe(true)
  })

  it('gives a blank or punctuation-only name no slug (the field then says a slug is required)', () => {
    expect(slugify('   ')).toBe('')
    expect(slugify('— “…”')).toBe('')
  })

  it('rejects slugs with capitals, spaces or doubled dashes', () => {
    expect(isValidSlug('Mistral')).toBe(false)
    expect(isValidSlug('a b')).toBe(false)
    expect(isValidSlug('a--b')).toBe(false)
    expect(isValidSlug('')).toBe(false)
  })

  it('builds matchup slugs left first', () => {
    expect(matchupSlug('ollama', 'openrouter')).toBe('ollama-vs-openrouter')
  })
})
