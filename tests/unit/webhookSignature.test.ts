import { describe, expect, it } from '@jest/globals'
import { Webhook } from 'standardwebhooks'

import { generateWebhookSecret, webhookHeaders } from '../../src/webhooks/signature'

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
})
