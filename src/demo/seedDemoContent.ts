import type { CollectionSlug, Payload, Where } from 'payload'

import { richTextFromParagraphs } from '../catalog/richText.ts'
import { collectionSlugsOf } from '../pluginOptions.ts'
import {
  demoCategories,
  demoMatchups,
  demoPassword,
  demoPersonas,
  demoTools,
  demoUsers,
  demoVerdicts,
} from './demoContent.ts'
import type { Id } from '../domain/ids.ts'

export type SeedCounts = { created: number; existing: number }
export type SeedSummary = Record<'categories' | 'matchups' | 'personas' | 'tools' | 'users' | 'verdicts', SeedCounts>

/**
 * Writes the demo content, creating only what is missing (matched by slug, email, or
 * persona + tool), so running it twice changes nothing. Verdicts and matchups are published.
 */
export async function seedDemoContent(payload: Payload, log: (line: string) => void = () => {}): Promise<SeedSummary> {
  const slugs = collectionSlugsOf(payload)
  const summary = {} as SeedSummary

  async function ensure(
    kind: keyof SeedSummary,
    collection: CollectionSlug,
    where: Where,
    data: Record<string, unknown>,
  ): Promise<Id> {
    const counts = (summary[kind] ??= { created: 0, existing: 0 })
    const found = await payload.find({ collection: collection, depth: 0, limit: 1, where })
    if (found.docs[0]) {
      counts.existing += 1
      return (found.docs[0] as { id: Id }).id
    }
    const created = await payload.create({ collection: collection, data: data, depth: 0 })
    counts.created += 1
    return (created as { id: Id }).id
  }

  log('Seeding demo accounts…')
  const userIds = new Map<string, Id>()
  for (const user of demoUsers) {
    const id = await ensure(
      'users',
      slugs.users,
      { email: { equals: user.email } },
      {
        email: user.email,
        name: user.name,
        password: demoPassword,
        role: user.role,
      },
    )
    if (user.persona) {
      userIds.set(user.persona, id)
    }
  }

  log('Seeding categories and the panel…')
  const categoryIds = new Map<string, Id>()
  for (const category of demoCategories) {
    categoryIds.set(
      category.slug,
      await ensure('categories', slugs.categories, { slug: { equals: category.slug } }, category),
    )
  }
  const personaIds = new Map<string, Id>()
  for (const persona of demoPersonas) {
    const approver = userIds.get(persona.slug)
    personaIds.set(
      persona.slug,
      await ensure(
        'personas',
        slugs.reviewers,
        { slug: { equals: persona.slug } },
        {
          ...persona,
          approvers: approver === undefined ? [] : [approver],
        },
      ),
    )
  }

  log(`Seeding ${demoTools.length} tools…`)
  const toolIds = new Map<string, Id>()
  for (const tool of demoTools) {
    toolIds.set(
      tool.slug,
      await ensure(
        'tools',
        slugs.tools,
        { slug: { equals: tool.slug } },
        {
          ...tool,
          category: categoryIds.get(tool.category),
          description: richTextFromParagraphs([tool.description]),
        },
      ),
    )
  }

  log(`Seeding ${demoVerdicts.length} verdicts…`)
  for (const verdict of demoVerdicts) {
    const reviewer = personaIds.get(verdict.persona)
    const tool = toolIds.get(verdict.tool)
    await ensure(
      'verdicts',
      slugs.verdicts,
      { and: [{ reviewer: { equals: reviewer } }, { tool: { equals: tool } }] },
      {
        _status: 'published',
        decision: verdict.decision,
        quote: richTextFromParagraphs([verdict.quote]),
        reviewer,
        tool,
      },
    )
  }

  log(`Seeding ${demoMatchups.length} matchups…`)
  for (const matchup of demoMatchups) {
    const leftTool = toolIds.get(matchup.left)
    const rightTool = toolIds.get(matchup.right)
    await ensure(
      'matchups',
      slugs.matchups,
      {
        or: [
          { and: [{ leftTool: { equals: leftTool } }, { rightTool: { equals: rightTool } }] },
          { and: [{ leftTool: { equals: rightTool } }, { rightTool: { equals: leftTool } }] },
        ],
      },
      {
        _status: 'published',
        intro: matchup.intro ? richTextFromParagraphs([matchup.intro]) : undefined,
        leftTool,
        rightTool,
      },
    )
  }
  return summary
}

export function formatSeedSummary(summary: SeedSummary): string {
  return Object.entries(summary)
    .map(([kind, counts]) => `  ${kind.padEnd(11)} ${counts.created} created, ${counts.existing} already there`)
    .join('\n')
}

export function formatDemoLogins(): string {
  const rows = demoUsers.map((user) => {
    const who = user.persona ? `reviewer (${user.persona})` : user.role
    return `  ${user.email.padEnd(28)} ${demoPassword.padEnd(15)} ${who}`
  })
  return ['Demo logins (email, password, role):', ...rows].join('\n')
}
