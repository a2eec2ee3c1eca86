import { describe, expect, it } from '@jest/globals'

import { PageCache } from '../../src/public/pageCache.ts'
import { listCacheKey } from '../../src/public/listCacheKey.ts'

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
