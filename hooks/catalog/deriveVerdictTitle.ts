import type { CollectionBeforeValidateHook } from 'payload'

import type { CollectionSlugs } from '../../src/options.ts'

import { findRelated } from '../../src/catalog/lookups.ts'
import { sameId } from '../../src/catalog/relations.ts'

/**
 * Gives each verdict a readable admin title, "The Skeptic on Mistral 3 Small", on every save but a
 * publish or unpublish that keeps its persona and tool.
 */
export function deriveVerdictTitle(slugs: CollectionSlugs): CollectionBeforeValidateHook {
  return async ({ data, originalDoc, req }) => {
    if (!data) {
      return data
    }
    // A publish or unpublish of the same persona and tool keeps the title: it changes no
    // words of it, and reading both records again would cost every such step two queries.
    const keepsPair =
      sameId(data.reviewer ?? originalDoc?.reviewer, originalDoc?.reviewer) &&
      sameId(data.tool ?? originalDoc?.tool, originalDoc?.tool)
    if (keepsPair && originalDoc?.title && data._status !== undefined && data._status !== originalDoc._status) {
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
