import type { Metadata } from 'next'

import { headers } from 'next/headers'
import { notFound } from 'next/navigation'

import type { ToolCardExtras } from '../../../../site/components/ToolCard.tsx'
import type { VoteOutcome } from '../../../../site/voting.ts'

import { formatPercent } from 'verdicts-cms'
import { MatchupView } from '../../../../site/components/MatchupView.tsx'
import { fetchMatchupPage, fetchMethodology, fetchToolHistory } from '../../../../site/publicApi.ts'
import { fetchOwnVote, voteMessage } from '../../../../site/voting.ts'

// Rendered per request from Next's data cache: the API is read once per change, when a
// webhook expires the page's cache tag, and never at build time.
export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ slug: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

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

const voteOutcomes: VoteOutcome[] = [
  'cast',
  'cross-site',
  'error',
  'not-found',
  'rate-limited',
  'unanswered',
  'withdrawn',
]

/** The message a vote's redirect asks for (`?vote=…&tool=…`), for the tool it names. */
function messageFor(query: Record<string, string | string[] | undefined>, tool: string): null | string {
  const outcome = voteOutcomes.find((known) => known === query.vote)
  if (!outcome || query.tool !== tool) {
    return null
  }
  const retry = Number(query.retry)
  return voteMessage(outcome, typeof query.decision === 'string' ? query.decision : null, retry > 0 ? retry : null)
}

export default async function ComparePage({ params, searchParams }: Props) {
  const { slug } = await params
  const page = await fetchMatchupPage(slug)
  if (!page) {
    notFound()
  }
  const query = await searchParams
  const cookieHeader = (await headers()).get('cookie')
  const { community, personas } = await fetchMethodology()
  const extras = Object.fromEntries(
    await Promise.all(
      page.tools.map(async (tool): Promise<[string, ToolCardExtras]> => {
        const [history, own] = await Promise.all([fetchToolHistory(tool.slug), fetchOwnVote(tool.slug, cookieHeader)])
        return [
          tool.slug,
          {
            latestChange: history?.changes[0] ?? null,
            message: messageFor(query, tool.slug),
            minimumVotes: community.minimumVotes,
            own,
            pageSlug: page.slug,
            panel: personas,
          },
        ]
      }),
    ),
  )
  return <MatchupView extras={extras} page={page} />
}
