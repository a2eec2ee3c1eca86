import type { CollectionConfig, Config } from 'payload'

import { describe, expect, it, jest } from '@jest/globals'

import { verdictsPlugin } from '../../src/plugin.ts'

const ourSlugs = [
  'users',
  'tools',
  'categories',
  'reviewers',
  'verdicts',
  'matchups',
  'releases',
  'votes',
  'score-history',
  'workflow-events',
  'webhook-subscriptions',
  'webhook-deliveries',
  'subscribers',
  'newsletter-issues',
  'newsletter-deliveries',
  'public-pages',
]

function hostConfig(): Config {
  const afterChange = jest.fn()
  return {
    collections: [{ slug: 'posts', fields: [{ name: 'title', type: 'text' }], hooks: { afterChange: [afterChange] } }],
    endpoints: [{ handler: () => Response.json({ ok: true }), method: 'get', path: '/host-health' }],
    onInit: jest.fn(),
    secret: 'x',
  } as unknown as Config
}

const slugsOf = (config: Config) => (config.collections ?? []).map((collection) => collection.slug)
const find = (config: Config, slug: string) =>
  (config.collections ?? []).find((collection) => collection.slug === slug) as CollectionConfig

describe('verdictsPlugin', () => {
  it("adds its collections and keeps the host's collections, hooks and endpoints", () => {
    const host = hostConfig()
    const result = verdictsPlugin()(host)
    expect(slugsOf(result)).toEqual(['posts', ...ourSlugs])
    expect(find(result, 'posts')).toBe(host.collections![0])
    expect(find(result, 'posts').hooks?.afterChange).toHaveLength(1)
    expect(result.endpoints?.[0]).toBe(host.endpoints![0])
    expect(result.endpoints?.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual([
      'get /host-health',
      'get /editorial/dashboard',
      'post /public/tools/:slug/vote',
      'delete /public/tools/:slug/vote',
      'get /public/tools/:slug/vote',
      'get /public/matchups/:slug',
      'get /public/tools/:slug',
      'get /public/matchups',
      'get /public/tools',
      'get /public/openapi.json',
      'get /public/tools/:slug/history',
      'get /public/feed',
      'get /public/sitemap',
      'get /public/methodology',
      'post /public/newsletter/subscribe',
      'get /public/newsletter/confirm',
      'get /public/newsletter/unsubscribe',
      'post /public/newsletter/unsubscribe',
      'post /public/newsletter/provider-events',
      'get /health',
    ])
    expect(result.admin?.user).toBe('users')
  })

  it("runs the host's onInit before its own", async () => {
    const host = hostConfig()
    const order: string[] = []
    ;(host.onInit as jest.Mock).mockImplementation(() => {
      order.push('host')
    })
    const commit = async () => {}
    const updateJobs = async () => null
    const db = { commitTransaction: commit, rollbackTransaction: async () => {}, updateJobs }
    const queue = async () => null
    const jobs = { handleSchedules: async () => null, queue }
    const destroy = async () => {}
    await verdictsPlugin()(host).onInit!({ collections: {}, config: { jobs: {} }, db, destroy, jobs } as never)
    order.push('after')
    expect(order).toEqual(['host', 'after'])
    expect(host.onInit).toHaveBeenCalledTimes(1)
    // Pages are dropped after a commit, so the plugin's onInit wrapped the adapter's.
    expect(db.commitTransaction).not.toBe(commit)
    // Job claims go through the plugin, so several runners run each job once (src/cluster/jobClaims.ts).
    expect(db.updateJobs).not.toBe(updateJobs)
    // Scheduled jobs are queued once per slot however many runners tick (src/cluster/schedules.ts).
    expect(jobs.queue).not.toBe(queue)
  })

  it('does not mutate the incoming config', () => {
    const host = hostConfig()
    const snapshot = JSON.stringify(host)
    verdictsPlugin()(host)
    expect(JSON.stringify(host)).toBe(snapshot)
    expect(host.collections).toHaveLength(1)
  })

  it('adds nothing twice when applied twice', () => {
    const once = verdictsPlugin()(hostConfig())
    const twice = verdictsPlugin()(once)
    expect(slugsOf(twice)).toEqual(slugsOf(once))
    expect(twice.endpoints).toHaveLength(once.endpoints!.length)
    // Webhook delivery, the newsletter's compose and send, the daily freshness run and the releases' regular look.
    expect(twice.jobs?.tasks?.map((task) => task.slug)).toEqual([
      'verdictsDeliverWebhook',
      'verdictsComposeNewsletter',
      'verdictsSendNewsletter',
      'verdictsMarkStaleVerdicts',
      'verdictsRunDueReleases',
    ])
    expect(twice.jobs?.autoRun).toHaveLength(4)
    expect(find(twice, 'users').fields).toHaveLength(find(once, 'users').fields.length)
  })

  it('schedules the newsletter compose task hourly on its own queue, deciding the UTC slot itself', () => {
    const result = verdictsPlugin()(hostConfig())
    const task = result.jobs?.tasks?.find((candidate) => candidate.slug === 'verdictsComposeNewsletter')
    expect(task?.schedule).toEqual([{ cron: '0 0 * * * *', queue: 'verdicts-newsletter' }])
    expect(result.jobs?.autoRun).toEqual(
      expect.arrayContaining([expect.objectContaining({ queue: 'verdicts-newsletter' })]),
    )
  })

  it('follows the slug map in every relation', () => {
    const result = verdictsPlugin({ collectionSlugs: { tools: 'ai-tools' } })(hostConfig())
    expect(slugsOf(result)).toContain('ai-tools')
    const verdicts = find(result, 'verdicts')
    const row = verdicts.fields.find((field) => field.type === 'row') as {
      fields: Array<{ name: string; relationTo?: string }>
    }
    expect(row.fields.find((field) => field.name === 'tool')?.relationTo).toBe('ai-tools')
  })

  it('when disabled, still adds every collection but registers no hooks or endpoints', () => {
    const host = hostConfig()
    const result = verdictsPlugin({ enabled: false })(host)
    expect(slugsOf(result)).toEqual(['posts', ...ourSlugs])
    expect(result.endpoints).toBe(host.endpoints)
    expect(result.jobs).toBe(host.jobs)
    expect(result.onInit).toBe(host.onInit)
    for (const slug of ourSlugs) {
      const hooks = find(result, slug).hooks ?? {}
      expect(Object.values(hooks).flat()).toHaveLength(0)
    }
    expect(find(result, 'newsletter-issues').endpoints).toEqual([])
    const tools = find(result, 'tools')
    const slugField = tools.fields.find((field) => 'name' in field && field.name === 'slug') as { hooks?: unknown }
    expect(slugField.hooks).toBeUndefined()
  })

  it('extends a host users collection instead of replacing it', () => {
    const host = hostConfig()
    const hostUsers: CollectionConfig = {
      slug: 'users',
      access: { read: () => true },
      auth: true,
      fields: [{ name: 'nickname', type: 'text' }],
    }
    host.collections!.push(hostUsers)
    const users = find(verdictsPlugin()(host), 'users')
    // The host's rules stay; only lifting a lockout is narrowed to admins when the host set no rule.
    expect(users.access?.read).toBe(hostUsers.access!.read)
    expect(Object.keys(users.access ?? {}).sort()).toEqual(['read', 'unlock'])
    expect(users.fields.map((field) => ('name' in field ? field.name : field.type))).toEqual([
      'nickname',
      'name',
      'role',
      'currentPassword',
      'approvesFor',
    ])
    expect(hostUsers.fields).toHaveLength(1)
  })

  it('refuses a host collection that clashes with one of its slugs', () => {
    const host = hostConfig()
    host.collections!.push({ slug: 'tools', fields: [] })
    expect(() => verdictsPlugin()(host)).toThrow(/already has a collection "tools".*collectionSlugs.tools/)
  })

  it('lets the host override a collection it builds', () => {
    const result = verdictsPlugin({
      overrideCollections: {
        tools: ({ defaultCollection }) => ({
          ...defaultCollection,
          fields: [...defaultCollection.fields, { name: 'githubStars', type: 'number' }],
        }),
      },
    })(hostConfig())
    expect(find(result, 'tools').fields.some((field) => 'name' in field && field.name === 'githubStars')).toBe(true)
  })
})
