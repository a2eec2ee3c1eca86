import type { Config, DatabaseAdapterObj, EmailAdapter, Payload } from 'payload'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { VerdictsPluginOptions } from './options'

import { verdictsPlugin } from './plugin'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

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

export type AppConfigArgs = {
  db: DatabaseAdapterObj
  email?: EmailAdapter | Promise<EmailAdapter>
  onInit?: (payload: Payload) => Promise<void> | void
  plugin?: VerdictsPluginOptions
  secret: string
  serverURL?: string
}

/** The app: Payload's admin and APIs with the verdicts plugin, on the database given. */
export function createAppConfig(args: AppConfigArgs): Config {
  return {
    admin: {
      importMap: { baseDir: projectRoot },
      meta: { titleSuffix: ' · Verdicts CMS' },
    },
    collections: [],
    db: args.db,
    editor: lexicalEditor(),
    email: args.email,
    onInit: args.onInit,
    plugins: [verdictsPlugin(args.plugin)],
    secret: args.secret,
    serverURL: args.serverURL,
    telemetry: false,
    typescript: { autoGenerate: false, outputFile: path.resolve(projectRoot, 'payload-types.ts') },
  }
}
