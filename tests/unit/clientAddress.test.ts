import { describe, expect, it } from '@jest/globals'

import {
  clientAddress,
  normaliseAddress,
  socketAddressHeader,
  socketAddressProof,
  socketProofHeader,
  stampSocketAddress,
} from '../../src/http/clientAddress.ts'

function headers(values: Record<string, string>) {
  const map = new Headers(values)
  return { get: (name: string) => map.get(name) }
}

const fromSocket = (address: string, extra: Record<string, string> = {}) =>
  headers({ [socketAddressHeader]: address, [socketProofHeader]: socketAddressProof(), ...extra })

describe('clientAddress', () => {
  it('with trustProxy 0 uses the connection and ignores forwarding headers', () => {
    expect(clientAddress(fromSocket('203.0.113.9', { 'X-Forwarded-For': '198.51.100.1' }), 0)).toBe('203.0.113.9')
  })

  it('ignores a socket address sent without this process’s proof', () => {
    expect(clientAddress(headers({ [socketAddressHeader]: '203.0.113.9', [socketProofHeader]: 'guess' }), 0)).toBe(
      'unknown',
    )
  })

  it('with trustProxy 1 takes the address the proxy appended, not what the client claimed before it', () => {
    const request = fromSocket('10.0.0.1', { 'X-Forwarded-For': '198.51.100.1, 198.51.100.2, 203.0.113.7' })
    expect(clientAddress(request, 1)).toBe('203.0.113.7')
    expect(clientAddress(request, 2)).toBe('198.51.100.2')
  })

  it('with more trusted proxies than hops takes the leftmost address', () => {
    expect(clientAddress(fromSocket('10.0.0.1', { 'X-Forwarded-For': '203.0.113.7' }), 5)).toBe('203.0.113.7')
  })

  it('without the production server counts the forwarding proxy’s entry (next start behind a proxy)', () => {
    expect(clientAddress(headers({ 'X-Forwarded-For': '198.51.100.1, 203.0.113.7' }), 1)).toBe('203.0.113.7')
  })

  it('normalises addresses so one client has one key', () => {
    expect(normaliseAddress('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(normaliseAddress('[2001:db8:0:0::1]')).toBe('2001:db8::1')
    expect(normaliseAddress('not-an-ip')).toBeNull()
  })

  it('stampSocketAddress replaces what a client sent', () => {
    const raw: Record<string, string | undefined> = { [socketAddressHeader]: '1.2.3.4', [socketProofHeader]: 'forged' }
    stampSocketAddress(raw, '203.0.113.5')
    expect(raw).toEqual({ [socketAddressHeader]: '203.0.113.5', [socketProofHeader]: socketAddressProof() })
  })

  it('keeps a proven address relayed from this machine (the site forwarding a reader), and only that', () => {
    const relayed = () => ({ [socketAddressHeader]: '203.0.113.9', [socketProofHeader]: socketAddressProof() })
    const fromSite: Record<string, string | undefined> = relayed()
    stampSocketAddress(fromSite, '::ffff:127.0.0.1')
    expect(fromSite[socketAddressHeader]).toBe('203.0.113.9')

    const fromElsewhere: Record<string, string | undefined> = relayed()
    stampSocketAddress(fromElsewhere, '198.51.100.4')
    expect(fromElsewhere[socketAddressHeader]).toBe('198.51.100.4')

    const forged: Record<string, string | undefined> = { ...relayed(), [socketProofHeader]: 'guess' }
    stampSocketAddress(forged, '127.0.0.1')
    expect(forged[socketAddressHeader]).toBe('127.0.0.1')
  })
})
