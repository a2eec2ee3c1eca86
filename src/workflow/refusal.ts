import { APIError } from 'payload'

/**
 * A workflow rule saying no (409 "only approved verdicts can be published", 403 "you
 * cannot approve your own verdict"): an answer to the caller, not a fault of the server.
 * The plugin logs it at info level (`loggingLevels`), where a plain APIError is an ERROR
 * with a stack trace.
 */
export class WorkflowRefusal extends APIError {
  constructor(message: string, status: number) {
    super(message, status)
    // Set by hand: a minified production build renames the class.
    this.name = workflowRefusalName
  }
}

export const workflowRefusalName = 'WorkflowRefusal'
