import type { CollectionConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import {
  adminOrNewsletterSystem,
  newsletterSystemContextField,
  newsletterSystemOnly,
  readsSubscribers,
} from '../src/newsletter/access.ts'
import type { SubscriberStatus } from '../src/domain/newsletter.ts'
import { subscriberStatuses } from '../src/domain/newsletter.ts'

const statusLabels: Record<SubscriberStatus, string> = {
  bounced: 'Bounced',
  complained: 'Complained',
  confirmed: 'Confirmed',
  pending: 'Pending confirmation',
  unsubscribed: 'Unsubscribed',
}

/**
 * Newsletter readers. Written only by the newsletter's operations (subscribe, confirm,
 * unsubscribe, bounce reports); admins and editors read them, admins may erase one.
 * Everything a reader consented to is kept: when, from which page, which confirmation.
 */
export function createSubscribersCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const readOnly = { readOnly: true }
  return {
    slug: options.collectionSlugs.subscribers,
    access: {
      create: newsletterSystemOnly,
      delete: adminOrNewsletterSystem,
      read: readsSubscribers,
      update: newsletterSystemOnly,
    },
    admin: {
      defaultColumns: ['email', 'status', 'sourcePage', 'confirmedAt', 'updatedAt'],
      description: 'Newsletter readers. Only subscribing, confirming, unsubscribing and bounce reports change them.',
      group: 'Newsletter',
      listSearchableFields: ['email'],
      useAsTitle: 'email',
    },
    defaultSort: '-createdAt',
    fields: [
      { name: 'email', type: 'email', admin: readOnly, index: true, required: true, unique: true },
      {
        name: 'status',
        type: 'select',
        admin: readOnly,
        defaultValue: 'pending',
        index: true,
        options: subscriberStatuses.map((status) => ({ label: statusLabels[status], value: status })),
        required: true,
      },
      { name: 'sourcePage', type: 'text', admin: { ...readOnly, description: 'The page the reader subscribed on.' } },
      { name: 'requestedAt', type: 'date', admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
      {
        name: 'confirmationSentAt',
        type: 'date',
        admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        // The outstanding confirmation; only a link naming it confirms. Never shown.
        name: 'confirmationId',
        type: 'text',
        access: { read: ({ req }) => Boolean(req.context?.[newsletterSystemContextField]) },
        admin: { hidden: true },
      },
      {
        name: 'consent',
        type: 'group',
        admin: { description: 'The double opt-in that made this address a subscriber.' },
        fields: [
          { name: 'confirmedAt', type: 'date', admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
          {
            name: 'confirmation',
            type: 'text',
            admin: { ...readOnly, description: 'Id of the confirmation link used.' },
          },
          { name: 'page', type: 'text', admin: { ...readOnly, description: 'Where the subscription was requested.' } },
        ],
      },
      { name: 'unsubscribedAt', type: 'date', admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'suppressedAt', type: 'date', admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'suppressionReason', type: 'text', admin: readOnly },
    ],
    labels: { plural: 'Subscribers', singular: 'Subscriber' },
  }
}
