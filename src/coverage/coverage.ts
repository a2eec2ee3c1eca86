import type { PayloadRequest } from 'payload'

import { NotFound } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { Coverage, CoveragePersona, CoverageTool, CoverageVerdict } from './grid.ts'
import type { Id } from '../domain/ids.ts'

import { idOf } from '../catalog/relations.ts'
import { buildCoverage } from './grid.ts'

type Doc = Record<string, unknown> & { id: Id }

/**
 * A matchup's coverage grid, read with the caller's own access (the editorial team reads
 * drafts; anyone else would not get this far): every persona of the panel against both
 * tools, each cell the newest version of its verdict.
 */
export async function matchupCoverage(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  id: Id,
): Promise<Coverage> {
  const slugs = options.collectionSlugs
  const read = { depth: 0, limit: 0, overrideAccess: false, pagination: false, req } as const
  const matchup = (await req.payload.findByID({
    id,
    collection: slugs.matchups,
    depth: 0,
    disableErrors: true,
    draft: true,
    overrideAccess: false,
    req,
  })) as Doc | null
  if (!matchup) {
    throw new NotFound(req.t)
  }
  const toolIds = [idOf(matchup.leftTool), idOf(matchup.rightTool)]
  const [tools, personas, newest, live] = await Promise.all([
    req.payload.find({ ...read, collection: slugs.tools, where: { id: { in: toolIds } } }),
    req.payload.find({ ...read, collection: slugs.reviewers }),
    req.payload.find({ ...read, collection: slugs.verdicts, draft: true, where: { tool: { in: toolIds } } }),
    req.payload.find({
      ...read,
      collection: slugs.verdicts,
      where: { and: [{ tool: { in: toolIds } }, { _status: { equals: 'published' } }] },
    }),
  ])
  const toolById = new Map(tools.docs.map((tool) => [String(tool.id), tool]))
  const pair = toolIds
    .map((toolId) => toolById.get(String(toolId)))
    .map((tool): CoverageTool => ({
      id: tool?.id ?? '',
      name: String(tool?.name ?? 'Missing tool'),
      slug: String(tool?.slug ?? ''),
    })) as [CoverageTool, CoverageTool]
  const liveById = new Map(live.docs.map((verdict) => [String(verdict.id), verdict]))
  const verdicts = newest.docs.map((verdict): CoverageVerdict => {
    const published = liveById.get(String(verdict.id))
    return {
      id: verdict.id,
      live: Boolean(published),
      reviewer: idOf(verdict.reviewer) ?? '',
      // The flags describe the live verdict; a draft over it carries them too.
      stale: Boolean(published?.stale ?? verdict.stale),
      tool: idOf(verdict.tool) ?? '',
      toolChangedSinceReview: Boolean(published?.toolChangedSinceReview ?? verdict.toolChangedSinceReview),
      workflowStage: (verdict.workflowStage as string | undefined) ?? null,
    }
  })
  const adminUrl = `${req.payload.config.serverURL || ''}${req.payload.config.routes.admin}/collections/${slugs.verdicts}`
  return buildCoverage(personas.docs as unknown as CoveragePersona[], pair, verdicts, adminUrl)
}
