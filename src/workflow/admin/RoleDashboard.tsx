'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { AwaitingItem, Dashboard, DashboardItem, DashboardNotification } from '../dashboard.ts'

import { stageLabels } from '../rules.ts'

const actionText: Record<string, string> = {
  approve: 'approved',
  publish: 'published',
  request_changes: 'requested changes to',
  stale: 'marked due for re-review',
  tool_changed: 'flagged a tool change on',
  unpublish: 'unpublished',
}

const when = (iso: null | string) => (iso ? new Date(iso).toLocaleString() : '')
const muted = { color: 'var(--theme-elevation-500)' }
const card = {
  border: '1px solid var(--theme-elevation-100)',
  borderRadius: 4,
  marginBottom: 8,
  padding: '8px 12px',
}

function Section({
  children,
  count,
  empty,
  id,
  title,
}: {
  children: React.ReactNode
  count: number
  empty: string
  id: string
  title: string
}) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={id} style={{ marginBottom: 'calc(var(--base) * 1.5)' }}>
      <h3 id={`${id}-heading`} style={{ margin: '0 0 8px' }}>
        {title} ({count})
      </h3>
      {count === 0 ? <p style={muted}>{empty}</p> : children}
    </section>
  )
}

/**
 * The dashboard of each role, above Payload's collection cards. Editors: their drafts,
 * changes requested on their work with the reviewer's comment, what is approved and ready
 * to publish, what went live recently. Reviewers: what awaits their approval, with who
 * submitted it and when, the decision, the quote and what changed since the live version.
 * Admins: both, and failed webhook deliveries. Everyone: recent workflow events on their
 * own work (what the workflow mail says, in the admin).
 */
export const RoleDashboard: React.FC = () => {
  const { user } = useAuth<{ role?: string }>()
  const { config } = useConfig()
  const [dashboard, setDashboard] = useState<Dashboard | null>(null)
  const admin = config.routes.admin
  const link = (item: { collection: string; id: number | string }) =>
    `${admin}/collections/${item.collection}/${item.id}`

  useEffect(() => {
    if (!user?.role) {
      return
    }
    const controller = new AbortController()
    void fetch(`${config.serverURL}${config.routes.api}/editorial/dashboard`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then(async (response) => (response.ok ? ((await response.json()) as Dashboard) : null))
      .then(setDashboard)
      .catch(() => undefined)
    return () => controller.abort()
  }, [config.routes.api, config.serverURL, user?.role])

  if (!dashboard) {
    return null
  }
  const list = (items: DashboardItem[], extra?: (item: DashboardItem) => React.ReactNode) => (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => (
        <li key={`${item.collection}-${item.id}`} style={{ marginBottom: 6 }}>
          <a href={link(item)}>{item.title}</a>{' '}
          <span style={muted}>
            · {item.kind} · {when(item.updatedAt)}
          </span>
          {extra?.(item)}
        </li>
      ))}
    </ul>
  )
  const awaitingCard = (item: AwaitingItem) => (
    <li data-testid="awaiting-item" key={`${item.collection}-${item.id}`} style={card}>
      <a href={link(item)} style={{ fontWeight: 600 }}>
        {item.title}
      </a>{' '}
      <span style={muted}>
        · submitted by {item.submittedBy ?? 'someone'} {when(item.submittedAt ?? item.updatedAt)}
      </span>
      {item.decision && (
        <div>
          Decision: <strong data-testid="awaiting-decision">{item.decision === 'ship' ? 'Ship' : 'Skip'}</strong>
        </div>
      )}
      {item.quote !== null && <blockquote style={{ margin: '4px 0', ...muted }}>{item.quote}</blockquote>}
      <div data-testid="awaiting-changes">
        {item.changes === null ? (
          <em>New: never published.</em>
        ) : item.changes.length === 0 ? (
          <em>Same as the live version.</em>
        ) : (
          <details>
            <summary>Changed since the live version: {item.changes.map((change) => change.field).join(', ')}</summary>
            {item.changes.map((change) => (
              <div key={change.field} style={{ marginTop: 4 }}>
                <strong>{change.field}</strong>
                <div>
                  <del style={{ color: 'var(--theme-error-600)' }}>{change.before || '(empty)'}</del>
                </div>
                <div>
                  <ins style={{ color: 'var(--theme-success-700)' }}>{change.after || '(empty)'}</ins>
                </div>
              </div>
            ))}
          </details>
        )}
      </div>
    </li>
  )
  const notification = (note: DashboardNotification) => (
    <li key={`${note.collection}-${note.id}-${note.at}`} style={{ marginBottom: 6 }}>
      {note.by ?? 'The workflow'} {actionText[note.action] ?? note.action} <a href={link(note)}>{note.title}</a>{' '}
      <span style={muted}>· {when(note.at)}</span>
      {note.comment ? <blockquote style={{ margin: '4px 0' }}>{note.comment}</blockquote> : null}
    </li>
  )

  return (
    <div data-testid="role-dashboard" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      {dashboard.awaiting && (
        <Section
          count={dashboard.awaiting.length}
          empty="Nothing is waiting for you."
          id="awaiting-approval"
          title="Awaiting my approval"
        >
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>{dashboard.awaiting.map(awaitingCard)}</ul>
        </Section>
      )}
      {dashboard.changesRequested && (
        <Section
          count={dashboard.changesRequested.length}
          empty="No changes requested on your work."
          id="changes-requested"
          title="Changes requested on my work"
        >
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {dashboard.changesRequested.map((item) => (
              <li key={`${item.collection}-${item.id}`} style={card}>
                <a href={link(item)}>{item.title}</a>{' '}
                <span style={muted}>
                  · {item.requestedBy ?? 'a reviewer'} · {when(item.updatedAt)}
                </span>
                {item.comment ? <blockquote style={{ margin: '4px 0' }}>{item.comment}</blockquote> : null}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {dashboard.approved && (
        <Section
          count={dashboard.approved.length}
          empty="Nothing approved is waiting to be published."
          id="approved-ready"
          title="Approved, ready to publish"
        >
          {list(dashboard.approved)}
        </Section>
      )}
      {dashboard.drafts && (
        <Section count={dashboard.drafts.length} empty="No drafts of yours." id="my-drafts" title="My drafts">
          {list(dashboard.drafts)}
        </Section>
      )}
      {dashboard.recentlyPublished && (
        <Section
          count={dashboard.recentlyPublished.length}
          empty="Nothing published yet."
          id="recently-published"
          title="Recently published"
        >
          {list(dashboard.recentlyPublished, (item) => (
            <span style={muted}> · {stageLabels[item.stage]}</span>
          ))}
        </Section>
      )}
      {dashboard.failedDeliveries && (
        <Section
          count={dashboard.failedDeliveries.length}
          empty="No failed webhook deliveries."
          id="failed-deliveries"
          title="Failed webhook deliveries"
        >
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {dashboard.failedDeliveries.map((delivery) => (
              <li key={String(delivery.id)} style={{ marginBottom: 6 }}>
                <a href={link(delivery)}>{delivery.eventType ?? 'delivery'}</a> to {delivery.url}{' '}
                <span style={muted}>· {when(delivery.at)}</span>
                {delivery.error ? <div style={{ color: 'var(--theme-error-500)' }}>{delivery.error}</div> : null}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section
        count={dashboard.notifications.length}
        empty="Nothing new on your work."
        id="notifications"
        title="Notifications"
      >
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>{dashboard.notifications.map(notification)}</ul>
      </Section>
    </div>
  )
}
