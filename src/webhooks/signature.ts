import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): secrets look like
 * `whsec_<base64 key>`, and each delivery carries `webhook-id`, `webhook-timestamp` (Unix
 * seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`.
 */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`
}

function keyOf(secret: string): Buffer {
  return secret.startsWith('whsec_')
    ? Buffer.from(secret.slice('whsec_'.length), 'base64')
    : Buffer.from(secret, 'utf8')
}

export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const signature = createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64')
  return `v1,${signature}`
}

export function webhookHeaders(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'verdicts-cms-webhooks',
    'webhook-id': id,
    'webhook-signature': signWebhook(secret, id, timestampSeconds, body),
    'webhook-timestamp': String(timestampSeconds),
  }
}

/** Why a delivery was refused, for the receiver's 401 body. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WebhookVerificationError'
  }
}

/**
 * Checks a delivery as a receiver must: all three headers present, the timestamp within
 * `toleranceSeconds` of now (so a captured delivery cannot be replayed later), and one of
 * the space-separated `v1,` signatures equal to ours, compared in constant time.
 */
export function verifyWebhook(
  secret: string,
  headers: { get(name: string): null | string },
  body: string,
  { nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300 } = {},
): void {
  const id = headers.get('webhook-id')
  const timestamp = headers.get('webhook-timestamp')
  const signatures = headers.get('webhook-signature')
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError('missing webhook-id, webhook-timestamp or webhook-signature header')
  }
  const sentAt = Number(timestamp)
  if (!Number.isInteger(sentAt) || Math.abs(nowSeconds - sentAt) > toleranceSeconds) {
    throw new WebhookVerificationError(`webhook-timestamp is not within ${toleranceSeconds} s of now`)
  }
  const expected = Buffer.from(signWebhook(secret, id, sentAt, body))
  const matches = signatures
    .split(' ')
    .map((candidate) => Buffer.from(candidate))
    .some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected))
  if (!matches) {
    throw new WebhookVerificationError('webhook-signature does not match the body')
  }
}
