'use client'
import type { Data } from 'payload'

import { Button, useConfig, useDocumentInfo, useForm, useFormFields, useFormModified } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import type { WorkflowAction, WorkflowStage } from '../rules.ts'

import { actionLabels, stageAfterSave, stageLabels } from '../rules.ts'

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

type ErrorBody = { errors?: Array<{ data?: { errors?: Array<{ message: string }> }; message: string }> }

/**
 * The workflow in the document sidebar: the stage, the buttons this user may use (the
 * server decides which, and refuses the others anyway), a warning when saving the form
 * would dismiss an approval, and the history. It is the only publish control on workflow
 * documents (Payload's header button is replaced, see `workflowAdminComponents`).
 *
 * The stage always comes from the server: after Payload's own save (the form's field values
 * and the document info are updated from the response) and after a workflow button (the
 * document is read again and its changed fields put into the form), without reloading
 * the edit view.
 */
export const WorkflowPanel: React.FC = () => {
  const { collectionSlug, data, id, incrementVersionCount, setData, setHasPublishedDoc, setUnpublishedVersionCount } =
    useDocumentInfo()
  const { config } = useConfig()
  const { dispatchFields, getFields } = useForm()
  const modified = useFormModified()
  const formStage = useFormFields(([fields]) => fields.workflowStage?.value) as undefined | WorkflowStage
  const api = `${config.serverURL}${config.routes.api}/${collectionSlug}`
  const endpoint = id ? `${api}/${id}/workflow` : null
  const [state, setState] = useState<null | WorkflowState>(null)
  const [error, setError] = useState<null | string>(null)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const kind = collectionSlug?.replace(/s$/, '') ?? 'document'

  const load = useCallback(async () => {
    if (!endpoint) {
      return
    }
    const response = await fetch(endpoint, { credentials: 'include' })
    if (response.ok) {
      setState((await response.json()) as WorkflowState)
    }
  }, [endpoint])

  // Reloads the buttons and history whenever the document changed on the server: first
  // render, each of Payload's saves (they set new document data), each workflow action.
  const savedAt = (data as Data | undefined)?.updatedAt as string | undefined
  useEffect(() => {
    void load()
  }, [load, savedAt])

  // Puts the server's copy of each top-level value that changed into the form, as a save
  // would, so that the stage, approval and status fields are true without a reload.
  const adoptServerDocument = useCallback(
    (doc: Data) => {
      const fields = getFields()
      for (const [path, value] of Object.entries(doc)) {
        const field = fields[path]
        const plain = value === null || typeof value !== 'object'
        if (field && plain && field.value !== value) {
          dispatchFields({ type: 'UPDATE', initialValue: value, path, value })
        }
      }
      setData(doc)
    },
    [dispatchFields, getFields, setData],
  )

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
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as ErrorBody
      setError(body.errors?.[0]?.message ?? `The ${actionLabels[action].toLowerCase()} failed (${response.status}).`)
      setBusy(false)
      // The refusal may come from a stage this panel did not know about yet.
      void load()
      return
    }
    const result = (await response.json()) as { stage: WorkflowStage; status: string }
    // The server's answer is on screen at once; the buttons, history and fields follow.
    dispatchFields({ type: 'UPDATE', initialValue: result.stage, path: 'workflowStage', value: result.stage })
    setState((previous) => (previous ? { ...previous, actions: [], stage: result.stage } : previous))
    setComment('')
    incrementVersionCount()
    if (action === 'publish') {
      setHasPublishedDoc(true)
      setUnpublishedVersionCount(0)
    } else if (action === 'unpublish') {
      setHasPublishedDoc(false)
    }
    const doc = await fetch(`${api}/${id}?draft=true&depth=0`, { credentials: 'include' })
    if (doc.ok) {
      adoptServerDocument((await doc.json()) as Data)
    } else {
      await load()
    }
    setBusy(false)
  }

  if (!id) {
    return <p style={{ color: 'var(--theme-elevation-500)' }}>Save the document to start its review.</p>
  }
  if (!state) {
    return null
  }
  // The form's value follows Payload's saves at once; the panel's own state follows actions.
  const stage = (formStage ?? state.stage) as WorkflowStage
  const dismissesApproval = modified && (stage === 'approved' || stage === 'published')
  const wantsComment = state.actions.includes('request_changes')
  return (
    <div data-testid="workflow-panel" style={{ marginBottom: 'var(--base)' }}>
      <h4 style={{ margin: '0 0 8px' }}>
        Workflow:{' '}
        <span data-testid="workflow-stage" style={{ color: stageColours[stage] }}>
          {stageLabels[stage]}
        </span>
      </h4>
      {dismissesApproval && (
        <p
          data-testid="workflow-save-warning"
          role="status"
          style={{
            background: 'var(--theme-warning-100)',
            borderLeft: '3px solid var(--theme-warning-500)',
            margin: '0 0 8px',
            padding: '6px 8px',
          }}
        >
          {stage === 'approved'
            ? `Saving these changes dismisses the approval: the ${kind} goes back to review (${stageLabels[stageAfterSave(stage, true)]}) and needs approving again before it can be published.`
            : `Saving starts a new draft of this published ${kind}; the live version stays until the draft is approved and published.`}
        </p>
      )}
      {modified && state.actions.length > 0 && (
        <p data-testid="workflow-unsaved" style={{ color: 'var(--theme-elevation-500)', margin: '0 0 8px' }}>
          Save or discard your changes to use the workflow buttons: they act on the saved {kind}.
        </p>
      )}
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
            disabled={busy || modified}
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
