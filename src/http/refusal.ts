import { APIError } from 'payload'

/**
 * The server saying no to a request it understood (409 "only approved verdicts can be
 * published", 403 "you cannot approve your own verdict", 409 "this tool is used by 3
 * verdicts", 429 "too many sign-in attempts"): an answer to the caller, not a fault of the
 * server. Payload logs a thrown APIError as an ERROR with its stack whatever its status;
 * the plugin logs a Refusal as one info line (`loggingLevels`, looked up by `err.name`).
 */
export class Refusal extends APIError {
  constructor(message: string, status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429) {
    super(message, status)
    // Set by hand: a minified production build renames the class.
    this.name = refusalName
  }
}

export const refusalName = 'VerdictsRefusal'

/**
 * Payload's own errors for a request it refuses, beyond those it already logs at info
 * (Forbidden, Locked, MissingFile, NotFound, ValidationError): a wrong password, an
 * unknown query field, an expired token. Each is a 4xx answer, not a server fault.
 */
export const payloadRefusalNames = [
  'AuthenticationError',
  'FileUploadError',
  'LockedAuth',
  'QueryError',
  'UnauthorizedError',
  'UnverifiedEmail',
] as const
