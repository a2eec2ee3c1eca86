import type { CollectionConfig } from 'payload'

import { readOnlyJson } from '../src/catalog/adminComponents.ts'
import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { isAdmin } from '../src/access/roles.ts'

/** One entry per delivery attempt: what was sent where, and what came back. Read-only. */
export function createWebhookDeliveriesCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const nobody = () => false
  return {
    slug: options.collectionSlugs.webhookDeliveries,
    access: { create: nobody, delete: isAdmin, read: isAdmin, update: nobody },
    admin: {
      defaultColumns: ['createdAt', 'eventType', 'url', 'attempt', 'outcome', 'responseStatus'],
      description: "Every delivery attempt of every webhook, with the receiver's answer.",
      group: 'Webhooks',
      useAsTitle: 'eventType',
    },
    defaultSort: '-createdAt',
    fields: [
      {
        name: 'subscription',
        type: 'relationship',
        index: true,
        relationTo: options.collectionSlugs.webhookSubscriptions,
      },
      { name: 'url', type: 'text' },
      { name: 'eventId', type: 'text', index: true },
      { name: 'eventType', type: 'text' },
      { name: 'attempt', type: 'number' },
      { name: 'outcome', type: 'select', options: ['delivered', 'failed', 'gave-up'] },
      { name: 'responseStatus', type: 'number' },
      { name: 'error', type: 'text' },
      { name: 'durationMs', type: 'number' },
      { name: 'body', type: 'json', admin: { components: { Field: readOnlyJson } } },
    ],
    labels: { plural: 'Webhook deliveries', singular: 'Webhook delivery' },
  }
}
