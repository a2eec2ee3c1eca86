'use client'
import type { Where } from 'payload'

import { useConfig, useListQuery } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { WorkflowStage } from '../rules.ts'

import { stageLabels, workflowStages } from '../rules.ts'

type Counts = Partial<Record<'all' | WorkflowStage, number>>

/** The stage a list is filtered to by these buttons, or null for anything else. */
function stageOf(where: undefined | Where): null | WorkflowStage {
  const condition = (where?.or as undefined | Where[])?.[0]?.and as undefined | Where[]
  const equals = (condition?.[0]?.workflowStage as undefined | { equals?: string })?.equals
  return where?.or?.length === 1 && condition?.length === 1 && workflowStages.includes(equals as WorkflowStage)
    ? (equals as WorkflowStage)
    : null
}

/**
 * Above a workflow collection's list: one button per stage with how many documents are in
 * it ("In review 3"), and "All". One click filters the list (the same `where` Payload's own
 * filter builds, so the filter menu shows it too); the counts follow every list refresh.
 */
export const StageQuickFilters: React.FC = () => {
  const { collectionSlug, data, handleWhereChange, query } = useListQuery()
  const { config } = useConfig()
  const [counts, setCounts] = useState<Counts>({})
  const active = stageOf(query?.where)
  const hasOtherFilter = !active && Boolean(query?.where && Object.keys(query.where).length > 0)

  useEffect(() => {
    const controller = new AbortController()
    const api = `${config.serverURL}${config.routes.api}/${collectionSlug}`
    // One request for every count (GET /api/<collection>/stage-counts).
    void fetch(`${api}/stage-counts`, { credentials: 'include', signal: controller.signal })
      .then(async (response) => (response.ok ? setCounts((await response.json()) as Counts) : undefined))
      .catch(() => undefined)
    return () => controller.abort()
    // `data` changes on every refresh of the list, when a count may have changed too.
  }, [collectionSlug, config.routes.api, config.serverURL, data])

  const choose = (stage: 'all' | WorkflowStage) =>
    void handleWhereChange?.(stage === 'all' ? {} : { or: [{ and: [{ workflowStage: { equals: stage } }] }] })

  const button = (stage: 'all' | WorkflowStage, label: string) => {
    const pressed = stage === 'all' ? !active && !hasOtherFilter : active === stage
    return (
      <button
        aria-pressed={pressed}
        data-stage={stage}
        key={stage}
        onClick={() => choose(stage)}
        style={{
          background: pressed ? 'var(--theme-elevation-800)' : 'var(--theme-elevation-50)',
          border: '1px solid var(--theme-elevation-150)',
          borderRadius: 999,
          color: pressed ? 'var(--theme-elevation-0)' : 'var(--theme-elevation-800)',
          cursor: 'pointer',
          font: 'inherit',
          padding: '4px 12px',
        }}
        type="button"
      >
        {label} <strong>{counts[stage] ?? '…'}</strong>
      </button>
    )
  }
  return (
    <nav
      aria-label="Filter by stage"
      data-testid="stage-filters"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 'calc(var(--base) / 2)' }}
    >
      {button('all', 'All')}
      {workflowStages.map((stage) => button(stage, stageLabels[stage]))}
    </nav>
  )
}
