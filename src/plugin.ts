import type { CollectionConfig, Config } from 'payload'

import type {
  SanitizedVerdictsOptions,
  VerdictsCollectionKey,
  VerdictsPluginOptions,
} from './options'

import { createCategoriesCollection } from '../collections/Categories'
import { createMatchupsCollection } from '../collections/Matchups'
import { createNewsletterDeliveriesCollection } from '../collections/NewsletterDeliveries'
import { createNewsletterIssuesCollection } from '../collections/NewsletterIssues'
import { createReviewersCollection } from '../collections/Reviewers'
import { createScoreHistoryCollection } from '../collections/ScoreHistory'
import { createSubscribersCollection } from '../collections/Subscribers'
import { createToolsCollection } from '../collections/Tools'
import { createUsersCollection, extendUsersCollection } from '../collections/Users'
import { createVerdictsCollection } from '../collections/Verdicts'
import { createVotesCollection } from '../collections/Votes'
import { createWorkflowEventsCollection } from '../collections/WorkflowEvents'
import { createWebhookDeliveriesCollection } from '../collections/WebhookDeliveries'
import { createWebhookSubscriptionsCollection } from '../collections/WebhookSubscriptions'
import { createPublicEndpoints } from './endpoints/public'
import { createVoteEndpoints } from './endpoints/vote'
import { createNewsletterEndpoints } from './newsletter/endpoints'
import { createComposeNewsletterTask, newsletterQueue } from './newsletter/job'
import { createSendNewsletterTask } from './newsletter/sendJob'
import { InvalidPluginOptionsError, sanitizeOptions } from './options'
import { createDeliverWebhookTask, webhookQueue } from './webhooks/deliverWebhookTask'

/** Marks a config the plugin was applied to, so a second application adds nothing twice. */
export const verdictsPluginMarker = 'verdictsPlugin'

const contentCollectionFactories: Array<
  [Exclude<VerdictsCollectionKey, 'users'>, (options: SanitizedVerdictsOptions) => CollectionConfig]
> = [
  ['tools', createToolsCollection],
  ['categories', createCategoriesCollection],
  ['reviewers', createReviewersCollection],
  ['verdicts', createVerdictsCollection],
  ['matchups', createMatchupsCollection],
  ['votes', createVotesCollection],
  ['scoreHistory', createScoreHistoryCollection],
  ['workflowEvents', createWorkflowEventsCollection],
  ['webhookSubscriptions', createWebhookSubscriptionsCollection],
  ['webhookDeliveries', createWebhookDeliveriesCollection],
  ['subscribers', createSubscribersCollection],
  ['newsletterIssues', createNewsletterIssuesCollection],
  ['newsletterDeliveries', createNewsletterDeliveriesCollection],
]

function applyOverride(
  key: VerdictsCollectionKey,
  defaultCollection: CollectionConfig,
  options: SanitizedVerdictsOptions,
): CollectionConfig {
  const override = options.overrideCollections[key]
  return override ? override({ defaultCollection }) : defaultCollection
}

/**
 * Adds the verdicts content model (tools, categories, reviewer personas, verdicts,
 * matchups) and editorial roles on the users collection to a Payload config.
 *
 * ```ts
 * export default buildConfig({ ...hostConfig, plugins: [verdictsPlugin({ pricingTiers })] })
 * ```
 */
export const verdictsPlugin =
  (pluginOptions: VerdictsPluginOptions = {}) =>
  (incomingConfig: Config): Config => {
    if (incomingConfig.custom?.[verdictsPluginMarker]) {
      return incomingConfig
    }
    const options = sanitizeOptions(pluginOptions)
    const { collectionSlugs } = options
    const hostCollections = incomingConfig.collections ?? []

    for (const [key] of contentCollectionFactories) {
      if (hostCollections.some((collection) => collection.slug === collectionSlugs[key])) {
        throw new InvalidPluginOptionsError(
          `the host config already has a collection "${collectionSlugs[key]}"; choose another with collectionSlugs.${key}`,
        )
      }
    }

    const hasUsers = hostCollections.some((collection) => collection.slug === collectionSlugs.users)
    const collections: CollectionConfig[] = hostCollections.map((collection) =>
      collection.slug === collectionSlugs.users
        ? applyOverride('users', extendUsersCollection(collection, options), options)
        : collection,
    )
    if (!hasUsers) {
      collections.push(applyOverride('users', createUsersCollection(options), options))
    }
    for (const [key, create] of contentCollectionFactories) {
      collections.push(applyOverride(key, create(options), options))
    }

    return {
      ...incomingConfig,
      admin: {
        ...incomingConfig.admin,
        components: {
          ...incomingConfig.admin?.components,
          beforeDashboard: [
            ...(incomingConfig.admin?.components?.beforeDashboard ?? []),
            ...(options.enabled
              ? [
                  {
                    clientProps: { collections: [collectionSlugs.verdicts, collectionSlugs.matchups, collectionSlugs.newsletterIssues] },
                    path: '/src/admin/AwaitingApproval#AwaitingApproval',
                  },
                ]
              : []),
          ],
        },
        user: incomingConfig.admin?.user ?? collectionSlugs.users,
      },
      collections,
      endpoints: options.enabled
        ? [
            ...(incomingConfig.endpoints ?? []),
            ...createVoteEndpoints(options),
            ...createPublicEndpoints(options),
            ...createNewsletterEndpoints(options),
          ]
        : incomingConfig.endpoints,
      jobs: options.enabled
        ? {
            ...incomingConfig.jobs,
            autoRun: [
              ...(Array.isArray(incomingConfig.jobs?.autoRun) ? incomingConfig.jobs.autoRun : []),
              // Webhook deliveries go out within seconds of the change that caused them.
              { cron: '*/5 * * * * *', limit: 20, queue: webhookQueue },
              // Runs the newsletter's queue and, through it, the task's hourly schedule.
              { cron: '0 * * * * *', limit: 1, queue: newsletterQueue },
            ],
            tasks: [
              ...(incomingConfig.jobs?.tasks ?? []),
              createDeliverWebhookTask(options),
              createComposeNewsletterTask(options),
              createSendNewsletterTask(options),
            ],
          }
        : incomingConfig.jobs,
      custom: {
        ...incomingConfig.custom,
        [verdictsPluginMarker]: options,
      },
    }
  }
