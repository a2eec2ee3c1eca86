'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { ReleaseBlocker } from '../rules.ts'

type Upcoming = {
  blockers: ReleaseBlocker[] | null
  id: number | string
  publishAt?: null | string
  status: string
  title: string
}
type Due = { id: number | string; stale?: boolean; title: string; toolChangedSinceReview?: boolean }

/**
 * On the dashboard of the editorial team: the releases still to go live (with what blocks
 * each, as last checked) and the published verdicts that need a fresh review.
 */
export const EditorialCalendar: React.FC<{ releases: string; verdicts: string }> = ({ releases, verdicts }) => {
  const { user } = useAuth<{ role?: string }>()
  const { config } = useConfig()
  const [upcoming, setUpcoming] = useState<null | Upcoming[]>(null)
  const [due, setDue] = useState<Due[] | null>(null)
  const api = `${config.serverURL}${config.routes.api}`

  useEffect(() => {
    if (!user?.role) {
      return
    }
    const get = async <T,>(path: string): Promise<T[]> => {
      const response = await fetch(`${api}${path}`, { credentials: 'include' })
      return response.ok ? ((await response.json()) as { docs: T[] }).docs : []
    }
    void get<Upcoming>(`/${releases}?depth=0&limit=50&sort=publishAt&where[status][in]=scheduled,blocked`).then(
      setUpcoming,
    )
    void get<Due>(
      `/${verdicts}?depth=0&limit=50&sort=reviewedAt&where[or][0][stale][equals]=true&where[or][1][toolChangedSinceReview][equals]=true`,
    ).then(setDue)
  }, [api, releases, user?.role, verdicts])

  if (!user?.role || upcoming === null || due === null) {
    return null
  }
  const when = (iso?: null | string) => (iso ? new Date(iso).toLocaleString() : 'as soon as the queue looks')
  return (
    <div data-testid="editorial-calendar" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Upcoming ({upcoming.length})</h2>
        {upcoming.length === 0 ? <p>No release is scheduled.</p> : null}
        <ul>
          {upcoming.map((release) => (
            <li key={String(release.id)}>
              <a href={`${config.routes.admin}/collections/${releases}/${release.id}`}>{release.title}</a> —{' '}
              {when(release.publishAt)}
              {release.status === 'blocked'
                ? ` — blocked: ${(release.blockers ?? []).map((blocker) => `${blocker.title} (${blocker.reason})`).join('; ')}`
                : ''}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="due-heading">
        <h2 id="due-heading">Due for re-review ({due.length})</h2>
        {due.length === 0 ? <p>Every published verdict is fresh.</p> : null}
        <ul>
          {due.map((verdict) => (
            <li key={String(verdict.id)}>
              <a href={`${config.routes.admin}/collections/${verdicts}/${verdict.id}`}>{verdict.title}</a>
              {verdict.toolChangedSinceReview ? ' — tool changed' : ''}
              {verdict.stale ? ' — past its re-review date' : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
