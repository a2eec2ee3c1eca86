/** Used only outside production so that `npm run dev` needs no setup; never in production. */
const developmentSecret = 'verdicts-cms-development-secret-change-me'

export class MissingSecretError extends Error {
  constructor() {
    super('PAYLOAD_SECRET must be set in production (a long random string).')
    this.name = 'MissingSecretError'
  }
}

export function resolveSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PAYLOAD_SECRET) {
    return env.PAYLOAD_SECRET
  }
  if (env.NODE_ENV === 'production') {
    throw new MissingSecretError()
  }
  return developmentSecret
}
