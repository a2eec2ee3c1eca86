import { describe, expect, it } from '@jest/globals'

import { demoAdminLogin, devAdminUrl, formatReady, rewriteNextLine, warmupSteps } from '../../src/demo/devWarmup.ts'

describe('`npm run dev` says ready when it is (scripts/dev.ts)', () => {
  it('prints the real admin URL: SERVER_URL, else localhost on the port next dev uses', () => {
    expect(devAdminUrl({}, [])).toBe('http://localhost:3000/admin')
    expect(devAdminUrl({ PORT: '4123' }, [])).toBe('http://localhost:4123/admin')
    expect(devAdminUrl({ PORT: '4123' }, ['-p', '5000'])).toBe('http://localhost:5000/admin')
    expect(devAdminUrl({}, ['--turbopack', '--port=5001'])).toBe('http://localhost:5001/admin')
    expect(devAdminUrl({ PORT: '4123', SERVER_URL: 'https://cms.example.org/' }, [])).toBe(
      'https://cms.example.org/admin',
    )
  })

  it('rewords Next.js\'s early "Ready" (nothing is compiled yet) and passes other lines through', () => {
    expect(rewriteNextLine(' \u001b[32m✓\u001b[39m Ready in 2.1s')).toBe(
      ' ○ Next.js listening (2.1s); compiling the admin and preparing the database before it is ready…',
    )
    expect(rewriteNextLine('   - Local:        http://localhost:3000')).toBe('   - Local:        http://localhost:3000')
    const ready = formatReady('http://localhost:4123/admin', 95.4, [])
    expect(ready).toContain('✓ Ready in 95 s: http://localhost:4123/admin')
    expect(ready).toContain('Comparisons: http://localhost:4123/compare')
  })

  it('warms the admin first (it starts Payload and seeds), the revalidation webhook, and the signed-in views', () => {
    expect(warmupSteps[0].path).toBe('/admin/login')
    expect(warmupSteps.some((step) => step.path === '/api/revalidate' && step.method === 'POST')).toBe(true)
    expect(warmupSteps.filter((step) => step.signedIn).map((step) => step.path)).toEqual([
      '/admin',
      '/admin/collections/verdicts',
      '/admin/collections/verdicts/{verdict}',
      '/admin/collections/matchups/{matchup}',
    ])
  })

  it('signs in as the demo admin only on the demo database', () => {
    expect(demoAdminLogin({})?.email).toBe('admin@verdicts.test')
    expect(demoAdminLogin({ DATABASE_URI: 'postgres://127.0.0.1/verdicts' })).toBeNull()
    expect(demoAdminLogin({ VERDICTS_DEMO_SEED: 'false' })).toBeNull()
  })
})
