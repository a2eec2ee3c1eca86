import type { TextField } from 'payload'

import { deriveSlug } from '../../hooks/catalog/deriveSlug.ts'
import { inlineFieldError } from './adminComponents.ts'
import { validateSlug } from './validateSlug.ts'

type SlugFieldArgs = {
  /** Register the derivation hook; off when the plugin is disabled. */
  withHooks: boolean
  /** The field the slug is derived from when left empty. */
  sourceField: string
}

/** A unique, URL-safe identifier derived from a name and editable in the sidebar. */
export function slugField({ sourceField, withHooks }: SlugFieldArgs): TextField {
  return {
    name: 'slug',
    type: 'text',
    admin: {
      components: { Error: inlineFieldError() },
      description: `Identifies the record in URLs and the public API. Left empty, it is derived from the ${sourceField}.`,
      position: 'sidebar',
    },
    hooks: withHooks ? { beforeValidate: [deriveSlug(sourceField)] } : undefined,
    index: true,
    required: true,
    unique: true,
    validate: validateSlug,
  }
}
