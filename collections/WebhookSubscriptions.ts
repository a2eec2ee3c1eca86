import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { isAdmin } from '../src/access/roles.ts'
import { webhookSources } from '../src/webhooks/events.ts'
import { generateWebhookSecret } from '../src/webhooks/signature.ts'
import { refusedWebhookTarget } from '../src/webhooks/targetGuard.ts'

/** A full http(s) URL whose host is a public address (src/webhooks/targetGuard.ts). */
function validateUrl(options: SanitizedVerdictsOptions): TextFieldSingleValidation {
  return async (value) => {
    try {
      const url = new URL(String(value ?? ''))
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return 'The URL must start with https:// or http://.'
      }
    } catch {
      return 'Enter the full URL that receives the webhooks, such as https://example.com/api/revalidate.'
    }
    const refused = await refusedWebhookTarget(String(value), options.webhooks)
    return refused ? `Webhooks cannot go there: ${refused}.` : true
  }
}

/** Consumer sites that want a signed POST when published content they show changes. */
export function createWebhookSubscriptionsCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  return {
    slug: options.collectionSlugs.webhookSubscriptions,
    access: { create: isAdmin, delete: isAdmin, read: isAdmin, update: isAdmin },
    admin: {
      defaultColumns: ['url', 'events', 'active', 'updatedAt'],
      description:
        'Each subscriber gets a signed POST (Standard Webhooks) naming every page a published change affects.',
      group: 'Webhooks',
      useAsTitle: 'url',
    },
    fields: [
      { name: 'url', type: 'text', required: true, validate: validateUrl(options) },
      {
        name: 'secret',
        type: 'text',
        admin: { description: 'Signs every delivery (whsec_…). Give it to the receiver to verify signatures.' },
        defaultValue: generateWebhookSecret,
        required: true,
      },
      {
        name: 'events',
        type: 'select',
        admin: { description: 'Which kinds of change to send. Leave all selected to hear about every page.' },
        defaultValue: webhookSources.map((source) => source.value),
        hasMany: true,
        options: [...webhookSources],
        required: true,
      },
      { name: 'active', type: 'checkbox', defaultValue: true },
      { name: 'description', type: 'text' },
    ],
    labels: { plural: 'Webhook subscriptions', singular: 'Webhook subscription' },
  }
}
