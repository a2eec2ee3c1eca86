'use client'
import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import type { WorkflowAction, WorkflowStage } from '../rules.ts'

import { actionLabels, stageLabels } from '../rules.ts'

type HistoryEntry = {
  action: string
  comment?: null | string
  createdAt: string
  from: null | WorkflowStage
  to: WorkflowStage
  user: null | string
}
type WorkflowState = { actions: WorkflowAction[]; history: HistoryEntry[]; stage: WorkflowStage; status: string }

const stageColours: Record<WorkflowStage, string> = {
  approved: '#1f7a3d',
  changes_requested: '#a4400d',
  draft: '#555',
  in_review: '#1b5fa8',
  published: '#0b6b5b',
}

/**
 * The workflow in the document sidebar: the stage, the buttons this user may use (the
 * server decides which, and refuses the others anyway), and the history.
 */
export const WorkflowPanel: React.FC = () => {
  const { collectionSlug, id } = useDocumentInfo()
  const { config } = useConfig()
  const endpoint = id ? `${config.serverURL}${config.routes.api}/${collectionSlug}/${id}/workflow` : null
  const [state, setState] = useState<null | WorkflowState>(null)
  const [error, setError] = useState<null | string>(null)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!endpoint) {
      return
    }
    const response = await fetch(endpoint, { credentials: 'include' })
    if (response.ok) {
      setState((await response.json()) as WorkflowState)
    }
  }, [endpoint])

  useEffect(() => {
    void load()
  }, [load])

  const act = async (action: WorkflowAction) => {
    if (!endpoint) {
      return
    }
    setBusy(true)
    setError(null)
    const response = await fetch(endpoint, {
      body: JSON.stringify({ action, comment: comment || undefined }),
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    if (response.ok) {
      // The form holds the document as loaded; reload so every field shows the new state.
      window.location.reload()
      return
    }
    const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ message: string }> }
    setError(body.errors?.[0]?.message ?? `The ${action} failed (${response.status}).`)
    setBusy(false)
  }

  if (!id) {
    return <p style={{ color: 'var(--theme-elevation-500)' }}>Save the document to start its review.</p>
  }
  if (!state) {
    return null
  }
  const wantsComment = state.actions.includes('request_changes')
  return (
    <div data-testid="workflow-panel" style={{ marginBottom: 'var(--base)' }}>
      <h4 style={{ margin: '0 0 8px' }}>
        Workflow:{' '}
        <span data-testid="workflow-stage" style={{ color: stageColours[state.stage] }}>
          {stageLabels[state.stage]}
        </span>
      </h4>
      {wantsComment && (
        <textarea
          aria-label="Comment for the author"
          data-testid="workflow-comment"
          onChange={(event) => setComment(event.target.value)}
          placeholder="Comment (required to request changes)"
          rows={3}
          style={{ marginBottom: 8, width: '100%' }}
          value={comment}
        />
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {state.actions.map((action) => (
          <Button
            buttonStyle={action === 'request_changes' || action === 'unpublish' ? 'secondary' : 'primary'}
            disabled={busy}
            id={`workflow-action-${action}`}
            key={action}
            margin={false}
            onClick={() => void act(action)}
            size="small"
          >
            {actionLabels[action]}
          </Button>
        ))}
      </div>
      {error && (
        <p data-testid="workflow-error" role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      {state.history.length > 0 && (
        <details open style={{ marginTop: 12 }}>
          <summary>History</summary>
          <ol data-testid="workflow-history" style={{ margin: '8px 0 0', paddingLeft: 18 }}>
            {state.history.map((entry) => (
              <li key={`${entry.createdAt}-${entry.action}-${entry.to}`} style={{ marginBottom: 6 }}>
                {entry.from ? `${stageLabels[entry.from]} → ` : ''}
                {stageLabels[entry.to]} · {entry.user ?? 'system'} ·{' '}
                <time dateTime={entry.createdAt}>{new Date(entry.createdAt).toLocaleString()}</time>
                {entry.comment ? <blockquote style={{ margin: '4px 0' }}>{entry.comment}</blockquote> : null}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  )
}
