'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type Waiting = { collection: string; id: number | string; title: string }

/**
 * On the dashboard of reviewers and admins: every verdict and matchup in review that the
 * signed-in user may approve, with a link to each.
 */
export const AwaitingApproval: React.FC<{ collections: string[] }> = ({ collections }) => {
  const { user } = useAuth<{ role?: string }>()
  const { config } = useConfig()
  const [waiting, setWaiting] = useState<null | Waiting[]>(null)
  const judges = user?.role === 'reviewer' || user?.role === 'admin'

  useEffect(() => {
    if (!judges) {
      return
    }
    void Promise.all(
      collections.map(async (collection) => {
        const response = await fetch(`${config.serverURL}${config.routes.api}/${collection}/awaiting-approval`, {
          credentials: 'include',
        })
        const body = response.ok
          ? ((await response.json()) as { docs: Array<{ id: number | string; title?: string }> })
          : { docs: [] }
        return body.docs.map((doc) => ({ collection, id: doc.id, title: doc.title ?? String(doc.id) }))
      }),
    ).then((lists) => setWaiting(lists.flat()))
  }, [collections, config.routes.api, config.serverURL, judges])

  if (!judges || waiting === null) {
    return null
  }
  return (
    <section
      aria-labelledby="awaiting-approval-heading"
      data-testid="awaiting-approval"
      style={{ marginBottom: 'calc(var(--base) * 2)' }}
    >
      <h2 id="awaiting-approval-heading">Awaiting my approval ({waiting.length})</h2>
      {waiting.length === 0 ? (
        <p>Nothing is waiting for you.</p>
      ) : (
        <ul>
          {waiting.map((item) => (
            <li key={`${item.collection}-${item.id}`}>
              <a href={`${config.routes.admin}/collections/${item.collection}/${item.id}`}>{item.title}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
