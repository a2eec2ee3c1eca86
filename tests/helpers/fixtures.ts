import type { DefaultDocumentIDType, Payload } from 'payload'

import { richTextFromParagraphs } from '../../src/catalog/richText.ts'
import { defaultCollectionSlugs as slugs } from '../../src/options.ts'
import { categoryData, reviewerData, toolData } from './createData.ts'

export { slugs }

export const password = 'test-password-1'

export const accounts = {
  admin: { email: 'admin@test.local', role: 'admin' },
  editor: { email: 'editor@test.local', role: 'editor' },
  otherReviewer: { email: 'other-reviewer@test.local', role: 'reviewer' },
  reviewer: { email: 'reviewer@test.local', role: 'reviewer' },
} as const

export type AccountName = keyof typeof accounts
/**
 * Payload's declared id type: the demo's types are generated for SQL, so a number. On MongoDB the
 * ids are strings at run time; the tests only hand them back to Payload.
 */
export type Id = DefaultDocumentIDType

export type Fixtures = {
  categoryId: Id
  personaIds: { other: Id; skeptic: Id }
  toolIds: { alpha: Id; beta: Id; gamma: Id }
  userIds: Record<AccountName, Id>
}

/** An id no document has, of the database's kind (ObjectId hex on MongoDB). */
export const unknownId = (like: Id) => (typeof like === 'number' ? 999_999 : '0123456789abcdef01234567') as Id

/** A one-paragraph quote. */
export const quote = (text: string) => richTextFromParagraphs([text])

/** Rich text of one paragraph holding one link, as the admin's link button writes it. */
export const richTextWithLink = (url: string, text = 'pricing') => ({
  root: {
    children: [
      {
        children: [
          {
            children: [{ text, type: 'text', version: 1 }],
            fields: { linkType: 'custom', url },
            type: 'link',
            version: 3,
          },
        ],
        type: 'paragraph',
        version: 1,
      },
    ],
    type: 'root',
    version: 1,
  },
})

/**
 * A small newsroom: one account per role, two personas (each with its own reviewer),
 * a category and three tools. Created through the Local API.
 */
export async function createFixtures(payload: Payload): Promise<Fixtures> {
  const userIds = {} as Record<AccountName, Id>
  for (const [name, account] of Object.entries(accounts) as [AccountName, (typeof accounts)[AccountName]][]) {
    const user = await payload.create({
      collection: slugs.users,
      data: { ...account, password },
    })
    userIds[name] = user.id
  }
  const category = await payload.create({
    collection: slugs.categories,
    data: categoryData({ name: 'Developer Tools' }),
  })
  const persona = async (name: string, approver: Id) =>
    (
      await payload.create({
        collection: slugs.reviewers,
        data: reviewerData({ approvers: [approver], lens: `${name} lens`, name }),
      })
    ).id
  const tool = async (name: string) =>
    (
      await payload.create({
        collection: slugs.tools,
        data: toolData({ category: category.id, name, pricing: { tier: 'free' } }),
      })
    ).id
  return {
    categoryId: category.id,
    personaIds: {
      other: await persona('The Futurist', userIds.otherReviewer),
      skeptic: await persona('The Skeptic', userIds.reviewer),
    },
    toolIds: { alpha: await tool('Alpha Coder'), beta: await tool('Beta Chat'), gamma: await tool('Gamma Search') },
    userIds,
  }
}

type ErrorBody = { errors?: Array<{ data?: { errors?: Array<{ message: string; path: string }> }; message: string }> }

/** The field paths a REST validation error names, e.g. ['tool']. */
export function invalidFields(body: unknown): string[] {
  return ((body as ErrorBody).errors ?? []).flatMap((error) => (error.data?.errors ?? []).map((field) => field.path))
}

/** The messages of a REST error response, flattened. */
export function errorMessages(body: unknown): string[] {
  return ((body as ErrorBody).errors ?? []).flatMap((error) => [
    error.message,
    ...(error.data?.errors ?? []).map((field) => field.message),
  ])
}
