import ipaddr from 'ipaddr.js'

/**
 * The one answer to "which client sent this request", honouring `trustProxy` (README,
 * Security). Route handlers in Next.js do not see the socket, so the production server
 * (`server.ts`) hands its address over in `socketAddressHeader`, together with a secret
 * of this process, so that a client cannot send that header itself. Without the server
 * (`next dev`, `next start`, tests), the socket is unknown: every client that sends no
 * forwarding header shares one address, and forwarding headers count only as far as
 * `trustProxy` allows.
 */
export const socketAddressHeader = 'x-verdicts-socket-address'
export const socketProofHeader = 'x-verdicts-socket-proof'

const proofKey = Symbol.for('verdicts.socketAddressProof')
type ProofHolder = { [proofKey]?: string }

/** The process-wide secret server.ts sends beside the socket address. */
export function socketAddressProof(): string {
  const holder = globalThis as ProofHolder
  holder[proofKey] ??= crypto.randomUUID()
  return holder[proofKey]
}

/**
 * Sets (and overwrites any client-sent) socket address headers; for server.ts. One pair is
 * kept: a proven one arriving from this machine, which only this process can have made —
 * the reference site relaying a reader's vote to this process's API hands on the reader's
 * address that way, instead of its own.
 */
export function stampSocketAddress(
  headers: Record<string, string | string[] | undefined>,
  remoteAddress: string | undefined,
): void {
  const relayed = headers[socketAddressHeader]
  const peer = normaliseAddress(remoteAddress ?? '')
  if (
    peer !== null &&
    ipaddr.parse(peer).range() === 'loopback' &&
    typeof relayed === 'string' &&
    normaliseAddress(relayed) !== null &&
    headers[socketProofHeader] === socketAddressProof()
  ) {
    return
  }
  headers[socketAddressHeader] = remoteAddress ?? 'unknown'
  headers[socketProofHeader] = socketAddressProof()
}

/** Canonical text of an IP address (IPv4-mapped IPv6 as IPv4), or null when it is none. */
export function normaliseAddress(value: string): null | string {
  const text = value.trim().replace(/^\[(.*)\]$/, '$1')
  if (!ipaddr.isValid(text)) {
    return null
  }
  const parsed = ipaddr.parse(text)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address().toString()
  }
  return parsed.toString()
}

type HeaderReader = { get: (name: string) => null | string }

/**
 * The client address: with `trustProxy` 0 the connection's own address; with N, the
 * address the Nth proxy from us appended to `X-Forwarded-For` (entries left of it are
 * whatever the client claimed, and ignored).
 */
export function clientAddress(headers: HeaderReader, trustProxy: number): string {
  const proven = headers.get(socketProofHeader) === socketAddressProof()
  const socket = proven ? normaliseAddress(headers.get(socketAddressHeader) ?? '') : null
  const peer = socket ?? 'unknown'
  if (trustProxy <= 0) {
    return peer
  }
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  // The chain as the last hop sees it: what the proxies appended, then the peer itself.
  const chain = [...forwarded, peer]
  const index = chain.length - 1 - trustProxy
  const picked = chain[Math.max(0, index)]
  return normaliseAddress(picked) ?? (index >= 0 ? picked.slice(0, 64) : peer)
}
