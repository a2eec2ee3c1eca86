import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { formatPercent } from 'verdicts-cms'
import { MatchupView } from '../../../../site/components/MatchupView.tsx'
import { fetchMatchupPage } from '../../../../site/publicApi.ts'

// Rendered per request from Next's data cache: the API is read once per change, when a
// webhook expires the page's cache tag, and never at build time.
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  const page = await fetchMatchupPage(slug)
  if (!page) {
    return { robots: { index: false }, title: 'Comparison not found' }
  }
  const [left, right] = page.tools
  const title = `${page.title}: which one should you ship with?`
  const description = `${left.name} (${formatPercent(left.panel.percent)} panel ship) against ${right.name} (${formatPercent(right.panel.percent)}): the panel's verdicts, pricing and community vote side by side.`
  return {
    alternates: { canonical: `/compare/${page.slug}` },
    description,
    openGraph: {
      description,
      modifiedTime: page.updatedAt,
      siteName: 'Verdicts',
      title,
      type: 'article',
      url: `/compare/${page.slug}`,
    },
    title,
    twitter: { card: 'summary', description, title },
  }
}

export default async function ComparePage({ params }: Props) {
  const { slug } = await params
  const page = await fetchMatchupPage(slug)
  if (!page) {
    notFound()
  }
  return <MatchupView page={page} />
}
