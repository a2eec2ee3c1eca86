import type { CollectionConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { newsletterSystemOnly, readsSubscribers } from '../src/newsletter/access.ts'

export const deliveryStatuses = ['sending', 'sent', 'failed'] as const
export type DeliveryStatus = (typeof deliveryStatuses)[number]

/**
 * One record per (issue, subscriber), created before the message is handed to the mail
 * server: its unique `key` is what makes a repeated or resumed send mail nobody twice.
 */
export function createNewsletterDeliveriesCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const { collectionSlugs } = options
  return {
    slug: collectionSlugs.newsletterDeliveries,
    access: {
      create: newsletterSystemOnly,
      delete: newsletterSystemOnly,
      read: readsSubscribers,
      update: newsletterSystemOnly,
    },
    admin: {
      defaultColumns: ['issue', 'subscriber', 'status', 'sentAt', 'error'],
      description: 'Every newsletter message: to whom, of which issue, and how it went. Read-only.',
      group: 'Newsletter',
    },
    defaultSort: '-createdAt',
    fields: [
      { name: 'key', type: 'text', admin: { hidden: true }, index: true, required: true, unique: true },
      {
        name: 'issue',
        type: 'relationship',
        index: true,
        relationTo: collectionSlugs.newsletterIssues,
        required: true,
      },
      {
        name: 'subscriber',
        type: 'relationship',
        index: true,
        relationTo: collectionSlugs.subscribers,
        required: true,
      },
      { name: 'status', type: 'select', index: true, options: [...deliveryStatuses], required: true },
      { name: 'sentAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'error', type: 'text' },
    ],
    labels: { plural: 'Newsletter deliveries', singular: 'Newsletter delivery' },
  }
}
