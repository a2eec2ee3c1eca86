import type { CollectionBeforeValidateHook } from 'payload'

import type { CollectionSlugs } from '../../src/options.ts'

import { findRelated } from '../../src/catalog/lookups.ts'

/** Gives each verdict a readable admin title, "The Skeptic on Mistral 3 Small". */
export function deriveVerdictTitle(slugs: CollectionSlugs): CollectionBeforeValidateHook {
  return async ({ data, originalDoc, req }) => {
    if (!data) {
      return data
    }
    const [reviewer, tool] = await Promise.all([
      findRelated(req, slugs.reviewers, data.reviewer ?? originalDoc?.reviewer),
      findRelated(req, slugs.tools, data.tool ?? originalDoc?.tool),
    ])
    if (!reviewer || !tool) {
      return data
    }
    return { ...data, title: `${String(reviewer.name)} on ${String(tool.name)}` }
  }
}
