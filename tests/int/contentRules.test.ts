import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Fixtures } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { richTextFromParagraphs } from '../../src/catalog/richText.ts'
import { accounts, createFixtures, errorMessages, invalidFields, password, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor } from '../helpers/rest.ts'

/**
 * What editors may write (issue 17, content rules): a quote needs visible text and at most
 * 2,000 characters; any name gets a readable slug. Through REST as the editor, so the
 * answers are what the admin and API clients get.
 */
let payload: Payload
let fixtures: Fixtures
let rest: RestClient
let editor: string

beforeAll(async () => {
  payload = await startTestPayload('content-rules')
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  editor = await tokenFor(payload, accounts.editor.email, password)
})

afterAll(async () => {
  await payload?.destroy()
})

const verdict = (text: string, tool = fixtures.toolIds.alpha) => ({
  decision: 'ship',
  quote: quote(text),
  reviewer: fixtures.personaIds.skeptic,
  tool,
})

describe('a quote needs visible text', () => {
  it.each([
    ['spaces', '      '],
    ['tabs and newlines', ' \t\n \u00a0 '],
  ])('refuses a quote of only %s with a 400 naming the quote', async (_, text) => {
    const response = await rest.request('POST', `/${slugs.verdicts}`, { body: verdict(text), token: editor })
    expect(response.status).toBe(400)
    expect(invalidFields(response.body)).toEqual(['quote'])
    expect(errorMessages(response.body)).toContain('The quote contains only spaces; write some text.')
  })

  it('refuses blank paragraphs on a draft save too (drafts are validated)', async () => {
    const response = await rest.request('POST', `/${slugs.verdicts}?draft=true`, {
      body: { ...verdict('x'), quote: richTextFromParagraphs([' ', '  ']) },
      token: editor,
    })
    expect(response.status).toBe(400)
    expect(invalidFields(response.body)).toEqual(['quote'])
  })

  it('refuses an optional tool description of only spaces, but lets it be cleared', async () => {
    const spaces = await rest.request('PATCH', `/${slugs.tools}/${fixtures.toolIds.beta}`, {
      body: { description: quote('   ') },
      token: editor,
    })
    expect(spaces.status).toBe(400)
    expect(errorMessages(spaces.body)).toContain('The description contains only spaces; write some text or clear it.')
    const cleared = await rest.request('PATCH', `/${slugs.tools}/${fixtures.toolIds.beta}`, {
      body: { description: quote('') },
      token: editor,
    })
    expect(cleared.status).toBe(200)
  })
})

describe('a quote has at most 2,000 characters', () => {
  it('refuses 2,001 characters with the length in the message, and nothing is stored', async () => {
    const response = await rest.request('POST', `/${slugs.verdicts}`, {
      body: verdict('a'.repeat(2001), fixtures.toolIds.beta),
      token: editor,
    })
    expect(response.status).toBe(400)
    expect(invalidFields(response.body)).toEqual(['quote'])
    expect(errorMessages(response.body)).toContain('The quote is 2,001 characters long; the most is 2,000.')
    const stored = await payload.count({
      collection: slugs.verdicts,
      where: { tool: { equals: fixtures.toolIds.beta } },
    })
    expect(stored.totalDocs).toBe(0)
  })

  it('accepts exactly 2,000, counting an emoji as one character and paragraph breaks as none', async () => {
    const text = `${'🤖'.repeat(1000)}`
    const response = await rest.request('POST', `/${slugs.verdicts}`, {
      body: { ...verdict('x', fixtures.toolIds.gamma), quote: richTextFromParagraphs([text, 'b'.repeat(1000)]) },
      token: editor,
    })
    expect(response.status).toBe(201)
  })
})

describe('every name gets a readable slug', () => {
  it.each([
    ['通义千问', 'tong-yi-qian-wen'],
    ['Déjà Vu 🤖 Coder 日本', 'deja-vu-coder-ri-ben'],
  ])('derives a slug for the tool "%s"', async (name, slug) => {
    const response = await rest.request<{ doc: { slug: string } }>('POST', `/${slugs.tools}`, {
      body: { category: fixtures.categoryId, name, pricing: { tier: 'free' } },
      token: editor,
    })
    expect(response.status).toBe(201)
    expect(response.body.doc.slug).toBe(slug)
  })

  it('names the slug when two names transliterate alike', async () => {
    const response = await rest.request('POST', `/${slugs.tools}`, {
      body: { category: fixtures.categoryId, name: 'Tong Yi Qian Wen', pricing: { tier: 'free' } },
      token: editor,
    })
    expect(response.status).toBe(400)
    expect(invalidFields(response.body)).toEqual(['slug'])
    expect(errorMessages(response.body)).toContain('The slug "tong-yi-qian-wen" is already taken; choose another.')
  })
})
