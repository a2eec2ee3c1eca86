/**
 * Whether a string is an address we will mail, and its stored form. Deliberately
 * conservative (one @, a dotted domain, no spaces or angle brackets, RFC 5321 lengths):
 * a typo answered 400 at once is better than a confirmation mail that bounces.
 */
export function normalizeEmail(value: unknown): null | string {
  if (typeof value !== 'string') {
    return null
  }
  const email = value.trim()
  if (email.length > 254) {
    return null
  }
  const match = /^([^\s@<>()",;:\\[\]]+)@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)$/.exec(email)
  if (!match || match[1].length > 64 || match[1].startsWith('.') || match[1].endsWith('.') || match[1].includes('..')) {
    return null
  }
  // Local parts are case-sensitive in theory and case-insensitive everywhere in practice;
  // one spelling per person keeps "one subscription per address" true.
  return `${match[1]}@${match[2]}`.toLowerCase()
}

/** The page a subscription came from: a site path such as /compare/a-vs-b, or null. */
export function normalizeSourcePage(value: unknown): null | string {
  if (typeof value !== 'string') {
    return null
  }
  let path = value.trim()
  try {
    if (/^https?:\/\//.test(path)) {
      const url = new URL(path)
      path = url.pathname
    }
  } catch {
    return null
  }
  return /^\/[A-Za-z0-9\-._~/]{0,199}$/.test(path) ? path : null
}
