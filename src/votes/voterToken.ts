import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Anonymous voters carry a random id in a cookie, signed so it cannot be forged or
 * guessed: `<id>.<signature>`. The database stores only a keyed hash of the id.
 */
function sign(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url')
}

export function issueVoterToken(secret: string): { token: string; voterId: string } {
  const voterId = randomBytes(18).toString('base64url')
  return { token: `${voterId}.${sign(secret, 'voter-cookie', voterId)}`, voterId }
}

/** The voter id inside a cookie value, or null when it is malformed or not ours. */
export function verifyVoterToken(secret: string, token: string | undefined): null | string {
  if (!token) {
    return null
  }
  const [voterId, signature, extra] = token.split('.')
  if (!voterId || !signature || extra !== undefined) {
    return null
  }
  const expected = Buffer.from(sign(secret, 'voter-cookie', voterId))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given) ? voterId : null
}

/** What is stored on a vote: identifies repeat votes, reveals nothing about the cookie. */
export function voterKeyFor(secret: string, voterId: string): string {
  return sign(secret, 'voter-key', voterId)
}

export function readCookie(header: null | string, name: string): string | undefined {
  if (!header) {
    return undefined
  }
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) {
      // A malformed escape (`%E0%A4%A`) is simply not a voter cookie.
      try {
        return decodeURIComponent(rest.join('='))
      } catch {
        return undefined
      }
    }
  }
  return undefined
}
