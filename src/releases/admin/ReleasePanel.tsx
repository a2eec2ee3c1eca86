'use client'
import { Button, useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import type { ReleaseBlocker } from '../rules.ts'

type Check = { blockers: ReleaseBlocker[]; status: string }

/**
 * The release in its sidebar: whether it could go live now (each item that would block it,
 * and why, checked afresh on every load), and for editors "Publish now" and "Cancel".
 */
export const ReleasePanel: React.FC = () => {
  const { collectionSlug, id } = useDocumentInfo()
  const { config } = useConfig()
  const { user } = useAuth<{ role?: string }>()
  const [check, setCheck] = useState<Check | null>(null)
  const [error, setError] = useState<null | string>(null)
  const [busy, setBusy] = useState(false)
  const base = id ? `${config.serverURL}${config.routes.api}/${collectionSlug}/${id}` : null

  const load = useCallback(async () => {
    if (!base) {
      return
    }
    const response = await fetch(`${base}/check`, { credentials: 'include' })
    if (response.ok) {
      setCheck((await response.json()) as Check)
    }
  }, [base])

  useEffect(() => {
    void load()
  }, [load])

  const act = async (action: 'cancel' | 'publish') => {
    if (!base) {
      return
    }
    setBusy(true)
    setError(null)
    const response = await fetch(`${base}/${action}`, { credentials: 'include', method: 'POST' })
    if (response.ok) {
      window.location.reload()
      return
    }
    const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ message: string }> }
    setError(body.errors?.[0]?.message ?? `That failed (${response.status}).`)
    setBusy(false)
  }

  if (!id) {
    return <p style={{ color: 'var(--theme-elevation-500)' }}>Save the release to schedule it.</p>
  }
  if (!check) {
    return null
  }
  const pending = check.status === 'scheduled' || check.status === 'blocked'
  const edits = user?.role === 'admin' || user?.role === 'editor'
  return (
    <div data-testid="release-panel" style={{ marginBottom: '1.5rem' }}>
      {pending && check.blockers.length === 0 ? <p>Ready: every item is approved.</p> : null}
      {pending && check.blockers.length > 0 ? (
        <>
          <p style={{ fontWeight: 600 }}>Would not go live now:</p>
          <ul>
            {check.blockers.map((blocker) => (
              <li key={`${blocker.collection}-${String(blocker.id)}`}>
                {blocker.id !== null && blocker.collection !== collectionSlug ? (
                  <a href={`${config.routes.admin}/collections/${blocker.collection}/${blocker.id}`}>{blocker.title}</a>
                ) : (
                  blocker.title
                )}
                : {blocker.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {pending && edits ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
          <Button buttonStyle="primary" disabled={busy} onClick={() => void act('publish')} size="small">
            Publish now
          </Button>
          <Button buttonStyle="secondary" disabled={busy} onClick={() => void act('cancel')} size="small">
            Cancel release
          </Button>
        </div>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
    </div>
  )
}
