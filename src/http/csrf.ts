/**
 * Payload's `csrf` allowlist: a request that authenticates with the session cookie and
 * carries an `Origin` outside this list is treated as anonymous (and, without an Origin,
 * only `Sec-Fetch-Site: same-origin | same-site | none` keeps the cookie). An empty list
 * would let every origin use the cookie, so the app always fills it: the public origin
 * (`SERVER_URL`) and, outside production, the dev server's own origins.
 */
export function csrfOrigins({
  env = process.env,
  serverURL,
}: {
  env?: NodeJS.ProcessEnv
  serverURL?: string
}): string[] {
  const origins = new Set<string>()
  if (serverURL && URL.canParse(serverURL)) {
    origins.add(new URL(serverURL).origin)
  }
  if (env.NODE_ENV !== 'production') {
    const port = env.PORT || '3000'
    origins.add(`http://localhost:${port}`)
    origins.add(`http://127.0.0.1:${port}`)
  }
  return [...origins]
}
