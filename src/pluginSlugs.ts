import type { Payload } from 'payload'

import type { CollectionSlugs } from './options'

import { defaultCollectionSlugs } from './options'
import { verdictsPluginMarker } from './plugin'

/** The collection slugs the plugin was configured with on this Payload instance. */
export function collectionSlugsOf(payload: Payload): CollectionSlugs {
  const applied = payload.config.custom?.[verdictsPluginMarker] as
    | undefined
    | { collectionSlugs: CollectionSlugs }
  return applied?.collectionSlugs ?? defaultCollectionSlugs
}
