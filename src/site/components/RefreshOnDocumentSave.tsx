'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * Inside the admin's live preview: tells the admin the page is ready, then re-renders the
 * server page whenever the document is saved. It speaks the same messages as Payload's
 * `RefreshRouteOnSave` (whose package has no 3.90.2 release to pin with the others).
 */
export function RefreshOnDocumentSave() {
  const router = useRouter()
  useEffect(() => {
    const origin = window.location.origin
    const onMessage = (event: MessageEvent) => {
      if (
        event.origin === origin &&
        event.data &&
        typeof event.data === 'object' &&
        event.data.type === 'payload-document-event'
      ) {
        router.refresh()
      }
    }
    window.addEventListener('message', onMessage)
    ;(window.opener ?? window.parent)?.postMessage({ ready: true, type: 'payload-live-preview' }, origin)
    return () => window.removeEventListener('message', onMessage)
  }, [router])
  return null
}
