import type { Payload } from 'payload'

import type { CollectionSlugs, SanitizedVerdictsOptions } from './options.ts'

import { sanitizeOptions, verdictsPluginMarker } from './options.ts'

/** The sanitized options the plugin was applied with on this Payload instance. */
export function pluginOptionsOf(payload: Payload): SanitizedVerdictsOptions {
  const applied = payload.config.custom?.[verdictsPluginMarker] as SanitizedVerdictsOptions | undefined
  return applied ?? sanitizeOptions()
}

export function collectionSlugsOf(payload: Payload): CollectionSlugs {
  return pluginOptionsOf(payload).collectionSlugs
}
