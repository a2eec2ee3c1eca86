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
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug)
    expect(isValidSlug(slug)).toBe(true)
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
