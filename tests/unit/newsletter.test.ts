import { describe, expect, it } from '@jest/globals'

import { normalizeEmail, normalizeSourcePage } from '../../src/newsletter/address.ts'
import { composeDigest, panelMoves } from '../../src/newsletter/digest.ts'
import { confirmationMail, digestTemplate, personalize } from '../../src/newsletter/mail.ts'
import { composeIsDue, latestSlot } from '../../src/newsletter/schedule.ts'
import { signNewsletterToken, verifyNewsletterToken } from '../../src/newsletter/tokens.ts'
import { emailAdapterFromEnv, parseFrom, smtpTransportOptions } from '../../src/email/smtpEmailAdapter.ts'

const secret = 'unit-secret'

describe('newsletter links', () => {
  const now = 1_800_000_000
  const confirm = signNewsletterToken(secret, {
    confirmation: 'c-1',
    expiresAt: now + 60,
    purpose: 'confirm',
    subscriber: 42,
  })

  it('verifies its own confirmation link until it expires', () => {
    expect(verifyNewsletterToken(secret, confirm, 'confirm', now)).toEqual({
      claims: { confirmation: 'c-1', expiresAt: now + 60, purpose: 'confirm', subscriber: 42 },
      ok: true,
    })
    expect(verifyNewsletterToken(secret, confirm, 'confirm', now + 61)).toEqual({ ok: false, reason: 'expired' })
  })

  it.each([
    ['another secret', () => verifyNewsletterToken('other', confirm, 'confirm', now)],
    ['another purpose', () => verifyNewsletterToken(secret, confirm, 'unsubscribe', now)],
    [
      'an edited subscriber',
      () =>
        verifyNewsletterToken(
          secret,
          `${Buffer.from(JSON.stringify({ c: 'c-1', e: now + 60, p: 'confirm', s: 43 })).toString('base64url')}.${confirm.split('.')[1]}`,
          'confirm',
          now,
        ),
    ],
    ['garbage', () => verifyNewsletterToken(secret, 'a.b.c', 'confirm', now)],
    ['nothing', () => verifyNewsletterToken(secret, undefined, 'confirm', now)],
  ])('refuses %s', (_, check) => {
    expect(check()).toEqual({ ok: false, reason: 'invalid' })
  })

  it('never expires an unsubscribe link and keeps string ids', () => {
    const token = signNewsletterToken(secret, { purpose: 'unsubscribe', subscriber: '65a1f0c2e4b0a1b2c3d4e5f6' })
    expect(verifyNewsletterToken(secret, token, 'unsubscribe', now * 2)).toMatchObject({
      claims: { subscriber: '65a1f0c2e4b0a1b2c3d4e5f6' },
      ok: true,
    })
  })
})

describe('addresses', () => {
  it.each([
    [' Reader@Example.COM ', 'reader@example.com'],
    ['first.last+news@sub.example.co.uk', 'first.last+news@sub.example.co.uk'],
  ])('accepts %j as %j', (input, stored) => {
    expect(normalizeEmail(input)).toBe(stored)
  })

  it.each([
    '',
    'reader',
    'reader@',
    '@example.com',
    'reader@localhost',
    'josé@example.com',
    'reader@example.123',
    'reader@-example.com',
    '"quoted"@example.com',
    'a b@example.com',
    'a@example.com, b@example.com',
    '<a@example.com>',
    'a..b@example.com',
    `${'x'.repeat(65)}@example.com`,
    42,
    null,
  ])('refuses %j', (input) => {
    expect(normalizeEmail(input)).toBeNull()
  })

  it('keeps the path of the page a reader subscribed on, and nothing else', () => {
    expect(normalizeSourcePage('/compare/alpha-vs-beta')).toBe('/compare/alpha-vs-beta')
    expect(normalizeSourcePage('https://verdicts.example/compare?x=1')).toBe('/compare')
    expect(normalizeSourcePage('javascript:alert(1)')).toBeNull()
    expect(normalizeSourcePage('/compare/<script>')).toBeNull()
  })
})

describe('the weekly slot (UTC)', () => {
  const monday8 = { day: 1, hour: 8 }

  it('is the latest Monday 08:00 UTC at or before now', () => {
    expect(latestSlot(new Date('2026-12-07T08:00:00Z'), monday8).toISOString()).toBe('2026-12-07T08:00:00.000Z')
    expect(latestSlot(new Date('2026-12-07T07:59:59Z'), monday8).toISOString()).toBe('2026-11-30T08:00:00.000Z')
    expect(latestSlot(new Date('2026-12-03T12:00:00Z'), monday8).toISOString()).toBe('2026-11-30T08:00:00.000Z')
    expect(latestSlot(new Date('2026-12-06T23:00:00Z'), { day: 0, hour: 22 }).toISOString()).toBe(
      '2026-12-06T22:00:00.000Z',
    )
  })

  it('is due once per slot, and catches up after a missed one', () => {
    const now = new Date('2026-12-07T08:05:00Z')
    expect(composeIsDue(now, monday8, null)).toBe(true)
    expect(composeIsDue(now, monday8, new Date('2026-11-30T08:00:10Z'))).toBe(true)
    expect(composeIsDue(now, monday8, new Date('2026-12-07T08:00:03Z'))).toBe(false)
    expect(composeIsDue(new Date('2026-12-09T10:00:00Z'), monday8, new Date('2026-11-30T09:00:00Z'))).toBe(true)
  })
})

describe('the digest', () => {
  const since = new Date('2026-11-30T08:00:00Z')
  const until = new Date('2026-12-07T08:00:00Z')

  it('lists new comparisons first (in publication order), then the panel scores that moved, with their causes', () => {
    const digest = composeDigest({
      matchups: [
        {
          firstPublishedAt: '2026-12-03T10:00:00Z',
          slug: 'c-vs-d',
          title: 'C vs D',
          tools: [
            { name: 'C', panelPercent: 100 },
            { name: 'D', panelPercent: null },
          ],
        },
        {
          firstPublishedAt: '2026-12-01T10:00:00Z',
          slug: 'a-vs-b',
          title: 'A vs B',
          tools: [
            { name: 'A', panelPercent: 75 },
            { name: 'B', panelPercent: 40 },
          ],
        },
      ],
      scoreEntries: [
        {
          action: 'publish',
          createdAt: '2026-12-02T00:00:00Z',
          from: { percent: 50 },
          to: { percent: 67 },
          toolId: 1,
          toolName: 'A',
          verdictTitle: 'The Skeptic on A',
        },
        {
          action: 'edit',
          createdAt: '2026-12-04T00:00:00Z',
          from: { percent: 67 },
          to: { percent: 75 },
          toolId: 1,
          toolName: 'A',
          verdictTitle: 'The Buyer on A',
        },
        {
          action: 'unpublish',
          createdAt: '2026-12-02T00:00:00Z',
          from: { percent: 40 },
          to: { percent: 50 },
          toolId: 2,
          toolName: 'B',
        },
        {
          action: 'publish',
          createdAt: '2026-12-03T00:00:00Z',
          from: { percent: 50 },
          to: { percent: 40 },
          toolId: 2,
          toolName: 'B',
        },
      ],
      since,
      siteUrl: 'https://verdicts.example',
      until,
    })
    expect(digest.title).toBe('Weekly AI Tool Verdicts: 30 Nov 2026 – 7 Dec 2026')
    expect(digest.intro).toBe('This week: 2 new comparisons and 1 panel score that moved.')
    expect(digest.items).toEqual([
      {
        kind: 'matchup',
        text: 'A: panel ship 75% · B: panel ship 40%',
        title: 'A vs B',
        url: 'https://verdicts.example/compare/a-vs-b',
      },
      {
        kind: 'matchup',
        text: 'C: panel ship 100% · D: panel ship —',
        title: 'C vs D',
        url: 'https://verdicts.example/compare/c-vs-d',
      },
      {
        kind: 'score',
        text: 'Panel ship 50% → 75%: The Skeptic on A was published; The Buyer on A changed its decision.',
        title: 'A',
        url: null,
      },
    ])
  })

  it('leaves out a tool that ended where it started', () => {
    expect(
      panelMoves([
        {
          action: 'publish',
          createdAt: '2026-12-02T00:00:00Z',
          from: { percent: null },
          to: { percent: 100 },
          toolId: 'x',
          toolName: 'X',
        },
        {
          action: 'delete',
          createdAt: '2026-12-03T00:00:00Z',
          from: { percent: 100 },
          to: { percent: null },
          toolId: 'x',
          toolName: 'X',
        },
      ]),
    ).toEqual([])
  })
})

describe('mails', () => {
  it('escapes what editors wrote in the HTML part and fills the unsubscribe link per reader', () => {
    const template = digestTemplate({
      intro: 'Hello <b>readers</b>\n\nSecond & last',
      items: [{ kind: 'note', text: 'x < y', title: 'T"1', url: 'https://verdicts.example/compare/a?b=1&c=2' }],
      title: 'Issue 1',
    })
    const mail = personalize(template, 'https://verdicts.example/api/public/newsletter/unsubscribe?token=abc.def')
    expect(mail.html).toContain('<p>Hello &#60;b&#62;readers&#60;/b&#62;</p><p>Second &#38; last</p>')
    expect(mail.html).toContain('<a href="https://verdicts.example/compare/a?b=1&#38;c=2">T&#34;1</a>')
    expect(mail.html).toContain(
      'href="https://verdicts.example/api/public/newsletter/unsubscribe?token=abc.def">Unsubscribe</a>',
    )
    expect(mail.text).toContain('Unsubscribe: https://verdicts.example/api/public/newsletter/unsubscribe?token=abc.def')
    expect(mail.headers).toEqual({
      'List-Unsubscribe': '<https://verdicts.example/api/public/newsletter/unsubscribe?token=abc.def>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
  })

  it('says how long a confirmation link works', () => {
    const mail = confirmationMail({ confirmUrl: 'https://x.example/c?token=t', expiresInHours: 72 })
    expect(mail.text).toContain('Confirm within 72 hours')
    expect(mail.html).toContain('href="https://x.example/c?token=t"')
  })
})

describe('SMTP settings', () => {
  it('reads SMTP_URL, decoding credentials, and EMAIL_FROM', () => {
    expect(smtpTransportOptions('smtp://news%40x.example:p%3Ass@mail.example:2525')).toEqual({
      auth: { pass: 'p:ss', user: 'news@x.example' },
      host: 'mail.example',
      maxConnections: 5,
      pool: true,
      port: 2525,
      secure: false,
    })
    expect(smtpTransportOptions('smtps://mail.example')).toMatchObject({ auth: undefined, port: 465, secure: true })
    expect(parseFrom('"Verdicts" <news@x.example>')).toEqual({ address: 'news@x.example', name: 'Verdicts' })
    expect(parseFrom('news@x.example')).toEqual({ address: 'news@x.example', name: 'Weekly AI Tool Verdicts' })
  })

  it('picks SMTP only when SMTP_URL is set, and refuses another scheme without echoing credentials', () => {
    const fakePayload = { logger: { info: () => undefined, warn: () => undefined } } as never
    expect(emailAdapterFromEnv({ NODE_ENV: 'test' })({ payload: fakePayload }).name).toBe('capture')
    expect(
      emailAdapterFromEnv({ EMAIL_FROM: 'news@x.example', NODE_ENV: 'test', SMTP_URL: 'smtp://127.0.0.1:2525' })({
        payload: fakePayload,
      }),
    ).toMatchObject({
      defaultFromAddress: 'news@x.example',
      name: 'smtp',
    })
    expect(() => emailAdapterFromEnv({ NODE_ENV: 'test', SMTP_URL: 'https://user:secret@mail.example' })).toThrow(
      'SMTP_URL must start with smtp:// or smtps://, got "https://…@mail.example"',
    )
  })
})
