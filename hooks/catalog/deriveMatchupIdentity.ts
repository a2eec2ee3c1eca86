import type { CollectionBeforeValidateHook } from 'payload'

import type { CollectionSlugs } from '../../src/options.ts'

import { findRelated } from '../../src/catalog/lookups.ts'
import { matchupSlug } from '../../src/catalog/slugify.ts'

/**
 * A matchup's slug is always `<left>-vs-<right>` from the tools' slugs, and its title is
 * "Left vs Right" unless an editor typed a custom one.
 */
export function deriveMatchupIdentity(slugs: CollectionSlugs): CollectionBeforeValidateHook {
  return async ({ data, originalDoc, req }) => {
    if (!data) {
      return data
    }
    const [left, right] = await Promise.all([
      findRelated(req, slugs.tools, data.leftTool ?? originalDoc?.leftTool),
      findRelated(req, slugs.tools, data.rightTool ?? originalDoc?.rightTool),
    ])
    if (!left || !right) {
      return data
    }
    const customTitle = (data.customTitle ?? originalDoc?.customTitle) as null | string | undefined
    return {
      ...data,
      slug: matchupSlug(String(left.slug), String(right.slug)),
      title: customTitle?.trim() ? customTitle.trim() : `${String(left.name)} vs ${String(right.name)}`,
    }
  }
}
