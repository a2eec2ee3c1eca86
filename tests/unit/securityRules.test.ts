import { describe, expect, it } from '@jest/globals'

import { passwordProblem } from '../../src/accounts/passwordRules.ts'
import { isSameSiteOrAllowed } from '../../src/http/origins.ts'
import { parseStrictId } from '../../src/http/strictId.ts'
import { matchesSearch } from '../../src/public/searchText.ts'
import { isSafeLinkUrl, richTextProblem } from '../../src/catalog/richTextInput.ts'

const headers = (values: Record<string, string>) => {
  const map = new Headers(values)
  return { get: (name: string) => map.get(name) }
}

describe('parseStrictId', () => {
  it('accepts only whole numbers without leading zeros on number-id databases', () => {
    expect(parseStrictId('42', 'number')).toBe(42)
    expect(parseStrictId('2147483647', 'number')).toBe(2147483647)
    // Past PostgreSQL's 32-bit ids a number names no document there: the query would fail.
    for (const raw of [
      '0',
      '042',
      '1e3',
      '1.0',
      '-1',
      "1'",
      '1 OR 1=1',
      '',
      ' 1',
      '2147483648',
      '9'.repeat(16),
      'abc',
    ]) {
      expect(parseStrictId(raw, 'number')).toBeNull()
    }
  })

  it('accepts only ObjectIds on MongoDB', () => {
    expect(parseStrictId('65f1c0ffee0123456789abcd', 'text')).toBe('65f1c0ffee0123456789abcd')
    expect(parseStrictId('1', 'text')).toBeNull()
    expect(parseStrictId({ $ne: null }, 'text')).toBeNull()
  })
})

describe('isSafeLinkUrl', () => {
  it('keeps web, mail, phone and relative links', () => {
    for (const url of [
      'https://example.com',
      'http://x.test/a?b#c',
      'mailto:a@b.c',
      'tel:+331',
      '/compare/a-vs-b',
      '#top',
      'pricing.html',
    ]) {
      expect(isSafeLinkUrl(url)).toBe(true)
    }
  })

  it('refuses script and data schemes, however they are spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:x',
      ' java\tscript:x',
      'java\u0000script:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect(isSafeLinkUrl(url)).toBe(false)
    }
  })
})

describe('richTextProblem', () => {
  it('names what is wrong with a malformed tree', () => {
    expect(richTextProblem({ root: { children: 'x' } })).toMatch(/children/)
    expect(richTextProblem('text')).toMatch(/rich text document/)
    expect(richTextProblem({ root: { children: [1] } })).toMatch(/not a node/)
    expect(richTextProblem(null)).toBeNull()
  })

  it('refuses a tree nested past 50 levels', () => {
    let node: Record<string, unknown> = { text: 'x', type: 'text' }
    for (let depth = 0; depth < 60; depth += 1) {
      node = { children: [node], type: 'paragraph' }
    }
    expect(richTextProblem({ root: { children: [node], type: 'root' } })).toMatch(/deeper/)
  })
})

describe('passwordProblem', () => {
  it('wants 12 to 256 characters', () => {
    expect(passwordProblem('123', 12)).toMatch(/at least 12/)
    expect(passwordProblem('twelve-chars', 12)).toBeNull()
    expect(passwordProblem('x'.repeat(257), 12)).toMatch(/at most 256/)
    expect(passwordProblem(123, 12)).toMatch(/text/)
  })
})

describe('isSameSiteOrAllowed', () => {
  const url = 'http://cms.test/api/public/tools/x/vote'
  it('accepts the app’s own origin, listed origins and non-browser clients', () => {
    expect(isSameSiteOrAllowed(headers({ host: 'cms.test', origin: 'http://cms.test' }), url, [])).toBe(true)
    expect(isSameSiteOrAllowed(headers({ origin: 'https://reader.example' }), url, ['https://reader.example'])).toBe(
      true,
    )
    expect(isSameSiteOrAllowed(headers({}), url, [])).toBe(true)
    expect(isSameSiteOrAllowed(headers({ 'sec-fetch-site': 'same-origin' }), url, [])).toBe(true)
  })

  it('refuses other origins, opaque origins and cross-site fetches', () => {
    expect(isSameSiteOrAllowed(headers({ host: 'cms.test', origin: 'http://evil.example' }), url, [])).toBe(false)
    expect(isSameSiteOrAllowed(headers({ origin: 'null' }), url, [])).toBe(false)
    expect(isSameSiteOrAllowed(headers({ 'sec-fetch-site': 'cross-site' }), url, [])).toBe(false)
  })
})

describe('matchesSearch', () => {
  it('treats every character literally, words in any order, case ignored', () => {
    expect(matchesSearch('Alpha Coder', 'coder ALPHA')).toBe(true)
    expect(matchesSearch('Alpha Coder', '%')).toBe(false)
    expect(matchesSearch('100% Free_Tool', '% free_')).toBe(true)
  })
})
