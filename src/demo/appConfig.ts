import type { Config, DatabaseAdapterObj, EmailAdapter, Payload } from 'payload'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { VerdictsPluginOptions } from 'verdicts-cms'

import { csrfOrigins, sanitizeOptions, verdictsPlugin } from 'verdicts-cms'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export { MissingSecretError, resolveSecret } from './secret.ts'

export type AppConfigArgs = {
  db: DatabaseAdapterObj
  email?: EmailAdapter | Promise<EmailAdapter>
  onInit?: (payload: Payload) => Promise<void> | void
  plugin?: VerdictsPluginOptions
  secret: string
  serverURL?: string
}

/**
 * The app subscribes its own /api/revalidate to webhooks (src/site/siteSubscription.ts);
 * in development that is a loopback address, which webhooks otherwise refuse.
 */
function withOwnSiteWebhookTarget(plugin: VerdictsPluginOptions = {}, env = process.env): VerdictsPluginOptions {
  const siteApi = env.SITE_API_URL?.trim() || env.SERVER_URL?.trim() || `http://localhost:${env.PORT || 3000}`
  const own = URL.canParse(siteApi) ? [new URL(siteApi).origin] : []
  return {
    ...plugin,
    webhooks: {
      ...plugin.webhooks,
      allowedPrivateOrigins: [...own, ...(plugin.webhooks?.allowedPrivateOrigins ?? [])],
    },
  }
}

const wholeNumber = (value: string | undefined): number | undefined =>
  value?.trim() ? Number(value.trim()) : undefined

/**
 * The plugin options a deployment sets through the environment (README, Deploying):
 * REDIS_URL and REDIS_KEY_PREFIX (several processes), TRUST_PROXY (proxies in front),
 * VERDICTS_JOB_LEASE_SECONDS, and WEBHOOK_PRIVATE_ORIGINS (comma-separated origins on a
 * private network that webhooks may reach). The plugin checks the values.
 */
export function pluginOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): VerdictsPluginOptions {
  return {
    cluster: {
      jobLeaseSeconds: wholeNumber(env.VERDICTS_JOB_LEASE_SECONDS),
      redisKeyPrefix: env.REDIS_KEY_PREFIX?.trim() || undefined,
      redisUrl: env.REDIS_URL?.trim() || null,
    },
    security: { trustProxy: wholeNumber(env.TRUST_PROXY) },
    webhooks: {
      allowedPrivateOrigins: (env.WEBHOOK_PRIVATE_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    },
  }
}

/** The app: Payload's admin and APIs with the verdicts plugin, on the database given. */
export function createAppConfig(args: AppConfigArgs): Config {
  return {
    admin: {
      // Payload's default is Gravatar: a request to gravatar.com for every account shown.
      avatar: 'default',
      importMap: { baseDir: projectRoot },
      // The reference site renders a matchup's drafts at /compare/preview/<id>.
      livePreview: {
        breakpoints: [
          { height: 844, label: 'Mobile', name: 'mobile', width: 390 },
          { height: 900, label: 'Desktop', name: 'desktop', width: 1280 },
        ],
        collections: [sanitizeOptions(args.plugin).collectionSlugs.matchups],
        url: ({ data }) => (data?.id ? `/compare/preview/${data.id}` : null),
      },
      meta: {
        // The app's own icon (src/app/icon.svg), not one fetched from elsewhere.
        icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/icon.svg' }],
        titleSuffix: ' · Verdicts CMS',
      },
    },
    collections: [],
    // Session cookies count only for requests from these origins (src/http/csrf.ts).
    csrf: csrfOrigins({ serverURL: args.serverURL }),
    db: args.db,
    editor: lexicalEditor(),
    email: args.email,
    onInit: args.onInit,
    plugins: [verdictsPlugin(withOwnSiteWebhookTarget(args.plugin))],
    secret: args.secret,
    serverURL: args.serverURL,
    telemetry: false,
    typescript: { autoGenerate: false, outputFile: path.resolve(projectRoot, 'src/payload-types.ts') },
  }
}
