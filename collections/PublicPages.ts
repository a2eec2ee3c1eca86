import type { CollectionConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

const nobody = () => false

/**
 * Public pages stored as served (src/public/pageStore.ts): one row per comparison or tool
 * page, so a process whose memory does not hold a page reads one row instead of building
 * it. `version` changes inside every transaction that changes what the page shows (and
 * `body` is cleared); a page is stored only under the version read before it was built, so
 * a page built from data read before another server's commit is never kept. Written and
 * read by the plugin through the database adapter only: no API reaches it.
 */
export function createPublicPagesCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  return {
    slug: options.collectionSlugs.publicPages,
    access: { create: nobody, delete: nobody, read: nobody, update: nobody },
    admin: { hidden: true },
    fields: [
      // The page's cache tag, e.g. `matchup:ollama-vs-openrouter` or `tool:ollama`.
      { name: 'key', type: 'text', index: true, required: true, unique: true },
      { name: 'version', type: 'text', required: true },
      // The response body exactly as served; null while the page is stale.
      { name: 'body', type: 'textarea' },
      // The page's cache tags, space-separated, for the in-memory copy.
      { name: 'tags', type: 'text' },
    ],
    graphQL: false,
    lockDocuments: false,
    timestamps: false,
  }
}
