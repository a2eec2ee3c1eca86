import { pbkdf2, timingSafeEqual } from 'node:crypto'

/**
 * Checks a password against a stored Payload hash, and spends the same time when there
 * is no account. Payload 3.90 does not export its `authenticateLocalStrategy`, so this
 * reads its two hash formats (payload/dist/auth/strategies/local/generatePasswordSaltHash):
 * `pbkdf2-sha256-v1:<hex>` (600,000 rounds, 32 bytes) and the legacy bare hex (25,000
 * rounds, 512 bytes), both PBKDF2-SHA256 over the hex salt.
 */
const currentPrefix = 'pbkdf2-sha256-v1:'

function parametersOf(hash: string) {
  return hash.startsWith(currentPrefix)
    ? { iterations: 600_000, keyLength: 32, stored: hash.slice(currentPrefix.length) }
    : { iterations: 25_000, keyLength: 512, stored: hash }
}

function derive(password: string, salt: string, iterations: number, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    pbkdf2(password, salt, iterations, keyLength, 'sha256', (error, key) => (error ? reject(error) : resolve(key))),
  )
}

export async function passwordMatches(stored: { hash?: unknown; salt?: unknown }, password: string): Promise<boolean> {
  if (typeof stored.hash !== 'string' || typeof stored.salt !== 'string') {
    return false
  }
  const { iterations, keyLength, stored: expectedHex } = parametersOf(stored.hash)
  const derived = await derive(password, stored.salt, iterations, keyLength)
  const expected = Buffer.from(expectedHex, 'hex')
  return derived.length === expected.length && timingSafeEqual(derived, expected)
}

/** The work of checking a password with current parameters, for an email with no account. */
export async function spendPasswordCheckTime(password: string): Promise<void> {
  await derive(password, 'f'.repeat(64), 600_000, 32)
}
