/**
 * The address pattern Payload's `email` field validates with (ASCII, no quotes or spaces,
 * no "..", a letters-only top-level domain), so an address we accept is never refused by
 * the field afterwards.
 */
const addressPattern =
  /^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i

/**
 * Whether a string is an address we will mail, and its stored form. Conservative (one
 * address, RFC 5321 lengths): a typo answered 400 at once is better than a confirmation
 * mail that bounces.
 */
export function normalizeEmail(value: unknown): null | string {
  if (typeof value !== 'string') {
    return null
  }
  const email = value.trim()
  const at = email.lastIndexOf('@')
  if (email.length > 254 || at > 64 || !addressPattern.test(email)) {
    return null
  }
  // Local parts are case-sensitive in theory and case-insensitive everywhere in practice;
  // one spelling per person keeps "one subscription per address" true.
  return email.toLowerCase()
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
