/**
 * Is a state-changing request coming from a page we trust? Browsers send `Origin` on
 * cross-site POSTs and `Sec-Fetch-Site` on every request; a request with neither comes
 * from a non-browser client, which cannot ride on a reader's cookie anyway.
 */
type HeaderReader = { get: (name: string) => null | string }

export function isSameSiteOrAllowed(
  headers: HeaderReader,
  requestUrl: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  const origin = headers.get('origin')
  if (origin && origin !== 'null') {
    const own = ownOrigins(headers, requestUrl)
    return own.has(origin) || allowedOrigins.includes(origin)
  }
  if (origin === 'null') {
    return false
  }
  const fetchSite = headers.get('sec-fetch-site')
  return fetchSite === null || fetchSite === 'same-origin' || fetchSite === 'same-site' || fetchSite === 'none'
}

function ownOrigins(headers: HeaderReader, requestUrl: string | undefined): Set<string> {
  const origins = new Set<string>()
  if (requestUrl && URL.canParse(requestUrl)) {
    origins.add(new URL(requestUrl).origin)
  }
  const host = headers.get('x-forwarded-host') ?? headers.get('host')
  if (host) {
    const protocol = headers.get('x-forwarded-proto') ?? (requestUrl?.startsWith('https:') ? 'https' : 'http')
    origins.add(`${protocol}://${host}`)
  }
  return origins
}
