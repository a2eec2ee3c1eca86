import type { PayloadRequest } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { Id } from '../domain/ids.ts'

/**
 * Whether the public may see a tool, counted from the source of truth: it has a published
 * verdict or is in a published matchup. `publishedVerdicts`, when the caller has just
 * counted them, saves that query.
 */
export async function countToolVisibility(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  toolId: Id,
  publishedVerdicts?: number,
): Promise<boolean> {
  const { collectionSlugs } = options
  const published = { _status: { equals: 'published' } }
  const verdicts =
    publishedVerdicts ??
    (
      await req.payload.count({
        collection: collectionSlugs.verdicts,
        overrideAccess: true,
        req,
        where: { and: [{ tool: { equals: toolId } }, published] },
      })
    ).totalDocs
  if (verdicts > 0) {
    return true
  }
  const { totalDocs } = await req.payload.count({
    collection: collectionSlugs.matchups,
    overrideAccess: true,
    req,
    where: { and: [{ or: [{ leftTool: { equals: toolId } }, { rightTool: { equals: toolId } }] }, published] },
  })
  return totalDocs > 0
}

/**
 * Makes a tool's stored `public` flag equal a fresh count. The flag is what the tool lists
 * filter on (an indexed column), so a list page is a query on the tools table instead of a
 * scan of every verdict and matchup. The tool's own hooks drop the lists it enters or
 * leaves. Returns whether it changed the flag.
 */
export async function recomputeToolVisibility(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  toolId: Id,
): Promise<boolean> {
  const tool = (await req.payload.findByID({
    id: toolId,
    collection: options.collectionSlugs.tools,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })) as null | { public?: boolean | null }
  if (!tool) {
    return false
  }
  const actual = await countToolVisibility(req, options, toolId)
  if (Boolean(tool.public) === actual) {
    return false
  }
  await req.payload.update({
    id: toolId,
    collection: options.collectionSlugs.tools,
    data: { public: actual },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return true
}
