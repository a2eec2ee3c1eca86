import type { CollectionConfig, Config } from 'payload'

import type { SanitizedVerdictsOptions, VerdictsCollectionKey, VerdictsPluginOptions } from './options.ts'

import { createCategoriesCollection } from '../collections/Categories.ts'
import { createMatchupsCollection } from '../collections/Matchups.ts'
import { createNewsletterDeliveriesCollection } from '../collections/NewsletterDeliveries.ts'
import { createNewsletterIssuesCollection } from '../collections/NewsletterIssues.ts'
import { createPublicPagesCollection } from '../collections/PublicPages.ts'
import { createReviewersCollection } from '../collections/Reviewers.ts'
import { createScoreHistoryCollection } from '../collections/ScoreHistory.ts'
import { createSubscribersCollection } from '../collections/Subscribers.ts'
import { createToolsCollection } from '../collections/Tools.ts'
import { createUsersCollection, extendUsersCollection } from '../collections/Users.ts'
import { createVerdictsCollection } from '../collections/Verdicts.ts'
import { createVotesCollection } from '../collections/Votes.ts'
import { createWorkflowEventsCollection } from '../collections/WorkflowEvents.ts'
import { createWebhookDeliveriesCollection } from '../collections/WebhookDeliveries.ts'
import { createWebhookSubscriptionsCollection } from '../collections/WebhookSubscriptions.ts'
import { createPublicEndpoints } from './public/endpoints.ts'
import { keepPlannerStatistics } from './public/plannerStatistics.ts'
import { createReaderEndpoints } from './public/readerEndpoints.ts'
import { createVoteEndpoints } from './votes/endpoints.ts'
import { createNewsletterEndpoints } from './newsletter/endpoints.ts'
import { createComposeNewsletterTask, newsletterQueue } from './newsletter/job.ts'
import { createSendNewsletterTask } from './newsletter/sendJob.ts'
import { InvalidPluginOptionsError, sanitizeOptions, verdictsPluginMarker } from './options.ts'
import { createDeliverWebhookTask, webhookAutoRun } from './webhooks/deliverWebhookTask.ts'
import { createMarkStaleVerdictsTask, freshnessQueue } from './freshness/markStaleVerdicts.ts'
import { createRunDueReleasesTask, releaseQueue } from './releases/operations.ts'
import { createReleasesCollection } from '../collections/Releases.ts'
import { dropPagesOnCommit } from './public/invalidation.ts'
import { startCluster } from './cluster/cluster.ts'
import { createHealthEndpoint } from './cluster/health.ts'
import { scheduleOncePerSlot } from './cluster/schedules.ts'
import { claimJobsOnce } from './cluster/jobClaims.ts'
import { narrowDocumentLockAccess, skipEmptyLockCleanup } from './access/documentLocks.ts'
import { createDashboardEndpoint } from './workflow/dashboard.ts'
import { keepErrorDetails } from './http/keepErrorDetails.ts'
import { payloadRefusalNames, refusalName } from './http/refusal.ts'
import { refuseUnsafeRichText, richTextFieldNames } from '../hooks/catalog/refuseUnsafeRichText.ts'

const contentCollectionFactories: Array<
  [Exclude<VerdictsCollectionKey, 'users'>, (options: SanitizedVerdictsOptions) => CollectionConfig]
> = [
  ['tools', createToolsCollection],
  ['categories', createCategoriesCollection],
  ['reviewers', createReviewersCollection],
  ['verdicts', createVerdictsCollection],
  ['matchups', createMatchupsCollection],
  ['releases', createReleasesCollection],
  ['votes', createVotesCollection],
  ['scoreHistory', createScoreHistoryCollection],
  ['workflowEvents', createWorkflowEventsCollection],
  ['webhookSubscriptions', createWebhookSubscriptionsCollection],
  ['webhookDeliveries', createWebhookDeliveriesCollection],
  ['subscribers', createSubscribersCollection],
  ['newsletterIssues', createNewsletterIssuesCollection],
  ['newsletterDeliveries', createNewsletterDeliveriesCollection],
  ['publicPages', createPublicPagesCollection],
]

function applyOverride(
  key: VerdictsCollectionKey,
  defaultCollection: CollectionConfig,
  options: SanitizedVerdictsOptions,
): CollectionConfig {
  const override = options.overrideCollections[key]
  return override ? override({ defaultCollection }) : defaultCollection
}

/** Adds the rich text check (well-formed Lexical, safe links) to a collection that has rich text. */
function withRichTextGuard(collection: CollectionConfig): CollectionConfig {
  const fieldNames = richTextFieldNames(collection)
  if (fieldNames.length === 0) {
    return collection
  }
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [
        ...(collection.hooks?.beforeOperation ?? []),
        refuseUnsafeRichText(collection.slug, fieldNames),
      ],
    },
  }
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
      const collection = applyOverride(key, create(options), options)
      collections.push(options.enabled ? withRichTextGuard(collection) : collection)
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
                  { path: 'verdicts-cms/client#RoleDashboard' },
                  {
                    clientProps: { releases: collectionSlugs.releases, verdicts: collectionSlugs.verdicts },
                    path: 'verdicts-cms/client#EditorialCalendar',
                  },
                ]
              : []),
          ],
        },
        user: incomingConfig.admin?.user ?? collectionSlugs.users,
      },
      collections,
      hooks: options.enabled
        ? { ...incomingConfig.hooks, afterError: [...(incomingConfig.hooks?.afterError ?? []), keepErrorDetails] }
        : incomingConfig.hooks,
      // Refusals are answers (4xx), not server faults: one info line, not an ERROR with a
      // stack. (Payload types the keys as its own error names; it looks them up by `err.name`.)
      loggingLevels: {
        ...Object.fromEntries([refusalName, ...payloadRefusalNames].map((name) => [name, 'info'])),
        ...incomingConfig.loggingLevels,
      } as Config['loggingLevels'],
      endpoints: options.enabled
        ? [
            ...(incomingConfig.endpoints ?? []),
            createDashboardEndpoint(options),
            ...createVoteEndpoints(options),
            ...createPublicEndpoints(options),
            ...createReaderEndpoints(options),
            ...createNewsletterEndpoints(options),
            createHealthEndpoint(options),
          ]
        : incomingConfig.endpoints,
      jobs: options.enabled
        ? {
            ...incomingConfig.jobs,
            autoRun: [
              ...(Array.isArray(incomingConfig.jobs?.autoRun) ? incomingConfig.jobs.autoRun : []),
              // Webhook deliveries go out within seconds of the change that caused them.
              webhookAutoRun,
              // Runs the newsletter's queue and, through it, the task's hourly schedule.
              { cron: '0 * * * * *', limit: 1, queue: newsletterQueue },
              // The daily freshness run is queued by its task's schedule; this picks it up.
              { cron: '* * * * *', limit: 1, queue: freshnessQueue },
              // Releases go live at the first look after their time.
              { cron: options.releases.cron, limit: 1, queue: releaseQueue },
            ],
            tasks: [
              ...(incomingConfig.jobs?.tasks ?? []),
              createDeliverWebhookTask(options),
              createComposeNewsletterTask(options),
              createSendNewsletterTask(options),
              createMarkStaleVerdictsTask(options),
              createRunDueReleasesTask(options),
            ],
          }
        : incomingConfig.jobs,
      onInit: options.enabled
        ? async (payload) => {
            await incomingConfig.onInit?.(payload)
            dropPagesOnCommit(payload)
            claimJobsOnce(payload, options.cluster.jobLeaseSeconds)
            scheduleOncePerSlot(payload)
            await startCluster(payload, options.cluster)
            narrowDocumentLockAccess(payload)
            skipEmptyLockCleanup(payload)
            await keepPlannerStatistics(payload)
          }
        : incomingConfig.onInit,
      custom: {
        ...incomingConfig.custom,
        [verdictsPluginMarker]: options,
      },
    }
  }
