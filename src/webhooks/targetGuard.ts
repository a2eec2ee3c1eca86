import ipaddr from 'ipaddr.js'
import { lookup } from 'node:dns/promises'

/**
 * Where webhooks may go. A subscriber URL is an admin's input, and the delivery log shows
 * what each attempt met, so an unrestricted target turns the CMS into a port scanner of
 * its own network (127.0.0.1, 10.x, the cloud metadata address 169.254.169.254 …).
 * Every address the host name resolves to must be public unicast; the check runs when a
 * subscription is saved and again before each delivery (DNS may have changed). ipaddr.js
 * classifies the addresses (loopback, private, link-local, unique-local, CGNAT, IPv4 in
 * IPv6 …). The WHATWG URL parser already turns `2130706433` or `0x7f.1` into `127.0.0.1`.
 *
 * Limit: the delivery's own connection resolves the name again, so a DNS server that
 * answers differently within milliseconds (rebinding) is not stopped by this check.
 */
export type TargetPolicy = {
  /** Let webhooks go to private, loopback and link-local addresses (development, tests). */
  allowPrivateTargets: boolean
  /** Origins exempt from the check, such as the app's own /api/revalidate. */
  allowedPrivateOrigins: readonly string[]
}

/** True when an address is one the public internet routes to. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) {
    return false
  }
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  }
  return parsed.range() === 'unicast'
}

/** Null when webhooks may be sent to `url`, else why not (said to the admin and logged). */
export async function refusedWebhookTarget(url: string, policy: TargetPolicy): Promise<null | string> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'the URL is not valid'
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return 'the URL must start with https:// or http://'
  }
  if (policy.allowPrivateTargets || policy.allowedPrivateOrigins.includes(parsed.origin)) {
    return null
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1')
  let addresses: string[]
  if (ipaddr.isValid(host)) {
    addresses = [host]
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address)
    } catch {
      return `the host ${host} does not resolve`
    }
  }
  const internal = addresses.find((address) => !isPublicAddress(address))
  return internal ? `${host} resolves to ${internal}, which is not a public address` : null
}
