import type { Metadata } from 'next'

import { cookies } from 'next/headers'
import { notFound } from 'next/navigation'

import { MatchupView } from '../../../../../site/components/MatchupView.tsx'
import { RefreshOnDocumentSave } from '../../../../../site/components/RefreshOnDocumentSave.tsx'
import { adminSessionCookie, fetchMatchupPreview } from '../../../../../site/publicApi.ts'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { robots: { follow: false, index: false }, title: 'Preview' }

type Props = { params: Promise<{ id: string }> }

/** The admin's live preview of a matchup: drafts included, as the signed-in editor. */
export default async function ComparePreviewPage({ params }: Props) {
  const { id } = await params
  const result = await fetchMatchupPreview(id, (await cookies()).get(adminSessionCookie)?.value)
  if (result.status === 'not-found') {
    notFound()
  }
  return (
    <>
      <RefreshOnDocumentSave />
      {result.status !== 'ok' ? (
        <section className="preview-signed-out">
          <h1>Sign in to preview</h1>
          <p>
            Previews show unpublished drafts, so they need an editorial account.{' '}
            <a href="/admin/login">Sign in to the admin</a>, then open the preview again.
          </p>
        </section>
      ) : (
        <MatchupView page={result.page} preview />
      )}
    </>
  )
}
