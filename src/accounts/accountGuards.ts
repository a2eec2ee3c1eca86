import type { CollectionAfterLoginHook, CollectionBeforeOperationHook, CollectionSlug, PayloadRequest } from 'payload'

import { AuthenticationError, ValidationError } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { clientAddress } from '../http/clientAddress.ts'
import { createClientLimiter, limiterRedis } from '../http/rateLimiter.ts'
import { passwordMatches, spendPasswordCheckTime } from './passwordHash.ts'
import { maxPasswordLength, passwordProblem } from './passwordRules.ts'
import { Refusal } from '../http/refusal.ts'

/** The virtual field an account fills in to change its own password. */
export const currentPasswordField = 'currentPassword'

type Data = Record<string, unknown>

function fromOutside(req: PayloadRequest): boolean {
  // The Local API (seed, CLI, tests) is the operator's own code; REST and GraphQL are callers.
  return req.payloadAPI !== 'local'
}

/**
 * The users collection's guards (README, Security):
 * - failed sign-ins are throttled per client address, so one anonymous caller cannot lock
 *   an account out (the per-account lock needs `accounts.lockAfterFailedLogins` failures);
 *   every attempt is counted up front and a successful one given back, so staff signing
 *   in from a shared address (or `next dev`, where the address is unknown) are not held up;
 * - an unknown email, a wrong password and a locked account get the same answer after
 *   about the same time;
 * - password reset requests share that per-address allowance;
 * - new passwords follow `passwordProblem`;
 * - changing one's own password needs the current one (Payload then ends the account's
 *   other sessions).
 */
export function guardAccounts(
  options: SanitizedVerdictsOptions,
  usersSlug: CollectionSlug,
): { afterLogin: CollectionAfterLoginHook; beforeOperation: CollectionBeforeOperationHook } {
  const logins = createClientLimiter({
    ...options.accounts.loginAttempts,
    name: 'sign-in',
    redis: limiterRedis(options.cluster),
  })
  const { minPasswordLength } = options.accounts

  async function admitLogin(req: PayloadRequest, data: Data): Promise<void> {
    if (fromOutside(req)) {
      const limited = await logins.hit(clientAddress(req.headers, options.security.trustProxy))
      if (!limited.allowed) {
        throw new Refusal(`Too many sign-in attempts; try again in ${limited.retryAfterSeconds} s.`, 429)
      }
    }
    const email = typeof data.email === 'string' ? data.email.toLowerCase().trim() : ''
    const password = typeof data.password === 'string' ? data.password : ''
    if (!email || !password) {
      return
    }
    if (password.length > maxPasswordLength) {
      // No account has such a password; answered like any wrong one, without hashing it.
      throw new AuthenticationError(req.t)
    }
    const user = (await req.payload.db.findOne({
      collection: usersSlug,
      req,
      where: { email: { equals: email } },
    })) as null | Data
    if (!user) {
      // Payload answers an unknown email at once; a real account costs a password hash.
      await spendPasswordCheckTime(password)
      return
    }
    if (user.lockUntil && new Date(String(user.lockUntil)).getTime() > Date.now()) {
      // Payload's own "this user is locked" would confirm that the account exists.
      await spendPasswordCheckTime(password)
      throw new AuthenticationError(req.t)
    }
  }

  /** Password reset mails count against the same per-address allowance as failed sign-ins. */
  async function admitResetRequest(req: PayloadRequest): Promise<void> {
    if (fromOutside(req)) {
      const limited = await logins.hit(clientAddress(req.headers, options.security.trustProxy))
      if (!limited.allowed) {
        throw new Refusal(`Too many password reset requests; try again in ${limited.retryAfterSeconds} s.`, 429)
      }
    }
  }

  async function checkPasswordChange(req: PayloadRequest, data: Data, id: unknown): Promise<void> {
    if (data.password === undefined || data.password === null) {
      return
    }
    const problem = passwordProblem(data.password, minPasswordLength)
    if (problem) {
      throw new ValidationError({ collection: usersSlug, errors: [{ message: problem, path: 'password' }] }, req.t)
    }
    const ownAccount = id !== undefined && req.user?.collection === usersSlug && String(req.user.id) === String(id)
    if (!ownAccount || !fromOutside(req)) {
      return
    }
    const stored = (await req.payload.db.findOne({
      collection: usersSlug,
      req,
      where: { id: { equals: id } },
    })) as null | Data
    const current = data[currentPasswordField]
    if (!stored || typeof current !== 'string' || !(await passwordMatches(stored, current))) {
      throw new ValidationError(
        {
          collection: usersSlug,
          errors: [{ message: 'enter your current password to set a new one', path: currentPasswordField }],
        },
        req.t,
      )
    }
  }

  return {
    afterLogin: async ({ req }) => {
      if (fromOutside(req)) {
        await logins.reward(clientAddress(req.headers, options.security.trustProxy))
      }
    },
    beforeOperation: async ({ args, operation, req }) => {
      const data = ((args as { data?: unknown }).data ?? {}) as Data
      if (operation === 'login') {
        await admitLogin(req, data)
      } else if (operation === 'forgotPassword') {
        await admitResetRequest(req)
      } else if (operation === 'create' || operation === 'update') {
        await checkPasswordChange(req, data, operation === 'update' ? (args as { id?: unknown }).id : undefined)
      }
      return args
    },
  }
}
