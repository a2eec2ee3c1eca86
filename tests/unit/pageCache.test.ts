import { describe, expect, it } from '@jest/globals'

import { cachedAnswer } from '../../src/public/cachedResponse.ts'
import { PageCache, cachedResponseFor } from '../../src/public/pageCache.ts'
import { listCacheKey } from '../../src/public/listCacheKey.ts'
import { sanitizeOptions } from '../../src/options.ts'

const page = (size: number) => async () => ({ tags: ['list'], value: 'x'.repeat(size - 2) })

describe('PageCache bound (issue 13, finding 9)', () => {
  it('keeps at most maxBytes, dropping the least recently read page first', async () => {
    const cache = new PageCache(300)
    await cache.getOrBuild('a', page(100))
    await cache.getOrBuild('b', page(100))
    await cache.getOrBuild('c', page(100))
    expect(cache.get('a')).toBeDefined() // a is now the most recent
    await cache.getOrBuild('d', page(100))
    expect(cache.sizeInBytes).toBeLessThanOrEqual(300)
    expect(cache.get('b')).toBeUndefined()
    expect(['a', 'c', 'd'].every((key) => cache.get(key))).toBe(true)
  })

  it('keeps a page read since the last eviction over one stored before it, and never drops the page just stored', async () => {
    const cache = new PageCache(300)
    for (const key of ['a', 'b', 'c']) {
      await cache.getOrBuild(key, page(100))
    }
    for (const key of ['a', 'b', 'c']) {
      cache.get(key)
    }
    // Every older page was read: one of them goes (the oldest), not the new one.
    await cache.getOrBuild('d', page(100))
    expect(cache.get('a')).toBeUndefined()
    expect(['b', 'c', 'd'].every((key) => cache.get(key))).toBe(true)
  })

  it('keeps a page that was read through evictions of pages stored after it and never read', async () => {
    const cache = new PageCache(300)
    for (const key of ['a', 'b', 'c']) {
      await cache.getOrBuild(key, page(100))
    }
    cache.get('b')
    await cache.getOrBuild('d', page(100))
    await cache.getOrBuild('e', page(100))
    // Checked at the end only: a read marks the page.
    expect(cache.size).toBe(3)
    expect(cache.get('a')).toBeUndefined()
    expect(cache.get('c')).toBeUndefined()
    expect(['b', 'd', 'e'].every((key) => cache.get(key))).toBe(true)
  })

  it('does not keep a page larger than the whole bound, and counts invalidations', async () => {
    const cache = new PageCache(300)
    await cache.getOrBuild('huge', page(1000))
    expect(cache.size).toBe(0)
    await cache.getOrBuild('a', page(100))
    cache.invalidate(['other'])
    expect(cache.sizeInBytes).toBe(100)
    cache.invalidate(['list'])
    expect(cache.sizeInBytes).toBe(0)
  })
})

describe('cachedAnswer headers (kept on the entry after its first answer)', () => {
  const listed = sanitizeOptions({ publicApi: { corsOrigins: ['https://site.example'] } })
  const header = (values: Record<string, string>) => (name: string) => values[name]

  it("names an allowed origin to that request only, and never leaks it into another's answer", () => {
    const entry = cachedResponseFor('{"a":1}', [])
    const allowed = cachedAnswer(entry, header({ origin: 'https://site.example' }), listed, true)
    expect(allowed.headers).toMatchObject({
      'Access-Control-Allow-Origin': 'https://site.example',
      'Content-Length': '7',
      ETag: entry.etag,
      Vary: 'Origin',
    })
    const other = cachedAnswer(entry, header({ origin: 'https://evil.example' }), listed, true)
    expect(other.headers['Access-Control-Allow-Origin']).toBeUndefined()
    expect(other.headers.Vary).toBe('Origin')
    // The Fetch route's headers carry no Content-Length (Next.js frames the body itself).
    expect(cachedAnswer(entry, header({}), listed).headers['Content-Length']).toBeUndefined()
  })

  it('answers 304 without a body or Content-Type to a current ETag, and follows the options it is given', () => {
    const entry = cachedResponseFor('{"a":1}', [])
    const star = sanitizeOptions()
    expect(cachedAnswer(entry, header({}), star, true).headers['Access-Control-Allow-Origin']).toBe('*')
    const notModified = cachedAnswer(entry, header({ 'if-none-match': entry.etag }), star, true)
    expect(notModified.status).toBe(304)
    expect(notModified.body).toBeNull()
    expect(notModified.headers['Content-Type']).toBeUndefined()
    expect(notModified.headers['Content-Length']).toBeUndefined()
    const shorter = sanitizeOptions({ publicApi: { cacheControl: { sMaxAge: 5 } } })
    expect(cachedAnswer(entry, header({}), shorter).headers['Cache-Control']).toContain('s-maxage=5,')
  })
})

describe('listCacheKey', () => {
  it('is the same for spellings of one query', () => {
    const base = { limit: 20, page: 1 }
    expect(listCacheKey('tools', { ...base, q: 'Alpha  Coder' })).toBe(
      listCacheKey('tools', { ...base, q: 'alpha coder' }),
    )
    expect(listCacheKey('tools', base)).not.toBe(listCacheKey('matchups', base))
    expect(listCacheKey('tools', base)).not.toBe(listCacheKey('tools', { ...base, page: 2 }))
  })
})
