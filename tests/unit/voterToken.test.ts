import { describe, expect, it } from '@jest/globals'

import { issueVoterToken, readCookie, verifyVoterToken, voterKeyFor } from '../../src/votes/voterToken.ts'

describe('voter tokens', () => {
  it('verifies a token it issued, and derives a stable key that is not the token', () => {
    const { token, voterId } = issueVoterToken('secret')
    expect(verifyVoterToken('secret', token)).toBe(voterId)
    expect(voterKeyFor('secret', voterId)).toBe(voterKeyFor('secret', voterId))
    expect(voterKeyFor('secret', voterId)).not.toContain(voterId)
  })

  it('rejects tampered, foreign and malformed tokens', () => {
    const { token, voterId } = issueVoterToken('secret')
    expect(verifyVoterToken('other-secret', token)).toBeNull()
    expect(verifyVoterToken('secret', `${voterId}x.${token.split('.')[1]}`)).toBeNull()
    expect(verifyVoterToken('secret', voterId)).toBeNull()
    expect(verifyVoterToken('secret', `${token}.extra`)).toBeNull()
    expect(verifyVoterToken('secret', undefined)).toBeNull()
  })

  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; verdicts_voter=x.y; b=2', 'verdicts_voter')).toBe('x.y')
    expect(readCookie(null, 'verdicts_voter')).toBeUndefined()
  })
})
