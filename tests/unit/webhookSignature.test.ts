import { describe, expect, it } from '@jest/globals'
import { Webhook } from 'standardwebhooks'

import { generateWebhookSecret, verifyWebhook, webhookHeaders } from '../../src/webhooks/signature.ts'

describe('webhook signatures', () => {
  it('verify with the reference Standard Webhooks library', () => {
    const secret = generateWebhookSecret()
    const body = JSON.stringify({ tags: ['tool:ollama'], type: 'verdict.published' })
    const now = Math.floor(Date.now() / 1000)
    const headers = webhookHeaders(secret, 'msg_1', now, body)
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body))
  })

  it('fail verification for a tampered body or another secret', () => {
    const secret = generateWebhookSecret()
    const body = '{"a":1}'
    const headers = webhookHeaders(secret, 'msg_2', Math.floor(Date.now() / 1000), body)
    expect(() => new Webhook(secret).verify('{"a":2}', headers)).toThrow()
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow()
  })

  describe('verifyWebhook (what a receiver runs)', () => {
    const secret = generateWebhookSecret()
    const body = JSON.stringify({ data: { tags: ['matchup:a-vs-b'] } })
    const now = 1_800_000_000
    // Signed by the reference library, so our receiver accepts what any sender produces.
    const signed = (timestamp: number, id = 'msg_3') =>
      new Headers({
        'webhook-id': id,
        'webhook-signature': new Webhook(secret).sign(id, new Date(timestamp * 1000), body),
        'webhook-timestamp': String(timestamp),
      })

    it('accepts a delivery signed with the secret, also among several signatures', () => {
      expect(() => verifyWebhook(secret, signed(now), body, { nowSeconds: now })).not.toThrow()
      const rotated = signed(now)
      rotated.set('webhook-signature', `v1,AAAA ${rotated.get('webhook-signature')}`)
      expect(() => verifyWebhook(secret, rotated, body, { nowSeconds: now })).not.toThrow()
    })

    it('refuses a tampered body, another secret, missing headers and stale timestamps', () => {
      expect(() => verifyWebhook(secret, signed(now), body.replace('a-vs-b', 'a-vs-c'), { nowSeconds: now })).toThrow(
        'does not match',
      )
      expect(() => verifyWebhook(generateWebhookSecret(), signed(now), body, { nowSeconds: now })).toThrow(
        'does not match',
      )
      const missing = signed(now)
      missing.delete('webhook-id')
      expect(() => verifyWebhook(secret, missing, body, { nowSeconds: now })).toThrow('missing webhook-id')
      expect(() => verifyWebhook(secret, signed(now - 301), body, { nowSeconds: now })).toThrow('not within 300 s')
    })
  })
})
