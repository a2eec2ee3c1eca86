import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Signed newsletter links. A token is `<base64url JSON claims>.<base64url HMAC-SHA256>`,
 * keyed by a key derived from the app secret, so links need no table of their own and a
 * forged or edited link fails the signature. Confirmation links carry the subscription's
 * confirmation id (only the newest request's link confirms) and an expiry; unsubscribe
 * links never expire, because old mails must keep working.
 */
export type NewsletterTokenPurpose = 'confirm' | 'unsubscribe'

export type NewsletterTokenClaims = {
  /** Confirmation id (confirm links only). */
  confirmation?: string
  /** Expiry, Unix seconds (confirm links only). */
  expiresAt?: number
  purpose: NewsletterTokenPurpose
  subscriber: number | string
}

export type TokenCheck = { claims: NewsletterTokenClaims; ok: true } | { ok: false; reason: 'expired' | 'invalid' }

function keyFor(secret: string): Buffer {
  return createHmac('sha256', secret).update('verdicts-newsletter-links').digest()
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', keyFor(secret)).update(payload).digest('base64url')
}

export function signNewsletterToken(secret: string, claims: NewsletterTokenClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ c: claims.confirmation, e: claims.expiresAt, p: claims.purpose, s: claims.subscriber }),
  ).toString('base64url')
  return `${payload}.${mac(secret, payload)}`
}

/** Checks signature, purpose and expiry; never throws on malformed input. */
export function verifyNewsletterToken(
  secret: string,
  token: unknown,
  purpose: NewsletterTokenPurpose,
  nowSeconds = Math.floor(Date.now() / 1000),
): TokenCheck {
  if (typeof token !== 'string' || token.length > 1000) {
    return { ok: false, reason: 'invalid' }
  }
  const [payload, signature, ...rest] = token.split('.')
  if (!payload || !signature || rest.length > 0) {
    return { ok: false, reason: 'invalid' }
  }
  const expected = Buffer.from(mac(secret, payload))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'invalid' }
  }
  let raw: { c?: unknown; e?: unknown; p?: unknown; s?: unknown }
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  if (raw.p !== purpose || (typeof raw.s !== 'number' && typeof raw.s !== 'string')) {
    return { ok: false, reason: 'invalid' }
  }
  if (purpose === 'confirm') {
    if (typeof raw.c !== 'string' || typeof raw.e !== 'number') {
      return { ok: false, reason: 'invalid' }
    }
    if (raw.e < nowSeconds) {
      return { ok: false, reason: 'expired' }
    }
  }
  return {
    claims: {
      confirmation: typeof raw.c === 'string' ? raw.c : undefined,
      expiresAt: typeof raw.e === 'number' ? raw.e : undefined,
      purpose,
      subscriber: raw.s,
    },
    ok: true,
  }
}
