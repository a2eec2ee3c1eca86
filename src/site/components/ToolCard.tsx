import type { PublicScoreChange, PublicTool } from 'verdicts-cms'

import type { OwnVote } from '../voting.ts'

import { formatPercent } from 'verdicts-cms'
import { changeLine, communityFigure } from '../figures.ts'
import { VoteForm } from './VoteForm.tsx'

/** What a card adds to the tool on a published page: voting, the reader's own vote, why the panel figure moved. */
export type ToolCardExtras = {
  latestChange: null | PublicScoreChange
  message: null | string
  minimumVotes: number
  own: null | OwnVote
  pageSlug: string
  /** The whole panel, in order: the page says who has not reviewed yet. */
  panel: Array<{ lens: string; name: string; slug: string }>
}

/** "4 of 5 panelists reviewed, 3 ship" with the panel known, else "3 of 4 reviewers ship". */
export function panelLine(panel: { ship: number; total: number }, panelSize?: number): string {
  if (panelSize !== undefined) {
    return `${panel.total} of ${panelSize} panelists reviewed, ${panel.ship} ship`
  }
  return panel.total === 0 ? 'no published verdicts' : `${panel.ship} of ${panel.total} reviewers ship`
}

/** One tool's half of the comparison: identity, the three figures, the vote, the description. */
export function ToolCard({ extras, tool }: { extras?: ToolCardExtras; tool: PublicTool }) {
  const headingId = `tool-${tool.slug}`
  // The reader's own read of the tool is fresher than the page's cached copy.
  const community = extras?.own?.community ?? tool.community
  const communityShown = extras ? communityFigure(community, extras.minimumVotes) : null
  return (
    <section aria-labelledby={headingId} className="tool-card" data-tool={tool.slug}>
      {tool.category ? <p className="tool-category">{tool.category.name}</p> : null}
      <h3 className="tool-name" id={headingId}>
        <a href={`/tools/${tool.slug}`}>{tool.name}</a>
      </h3>
      {tool.tagline ? <p className="tool-tagline">{tool.tagline}</p> : null}
      <dl className="tool-figures">
        <div className="tool-figure">
          <dt>Panel ship</dt>
          <dd data-figure="panel">{formatPercent(tool.panel.percent)}</dd>
          <dd className="tool-figure-detail" data-figure-detail="panel">
            {panelLine(tool.panel, extras?.panel.length)}
          </dd>
          {extras?.latestChange ? (
            <dd className="tool-figure-change" data-figure-change="panel">
              <a href={`/tools/${tool.slug}#history`}>{changeLine(extras.latestChange)}</a>
            </dd>
          ) : null}
        </div>
        <div className="tool-figure">
          <dt>Community</dt>
          <dd data-figure="community">{communityShown?.figure ?? formatPercent(community.percent)}</dd>
          <dd className="tool-figure-detail" data-figure-detail="community">
            {communityShown?.detail ??
              (community.percent === null ? 'not enough votes yet' : `${community.total} votes`)}
          </dd>
        </div>
        <div className="tool-figure">
          <dt>Entry</dt>
          <dd data-figure="entry">{tool.pricing.label}</dd>
          {tool.pricing.note ? <dd className="tool-figure-detail">{tool.pricing.note}</dd> : null}
        </div>
      </dl>
      {extras ? (
        <VoteForm message={extras.message} own={extras.own?.decision ?? null} pageSlug={extras.pageSlug} tool={tool} />
      ) : null}
      {/* The API renders rich text to escaped, safe HTML on the server. */}
      <div className="tool-description prose" dangerouslySetInnerHTML={{ __html: tool.description.html }} />
    </section>
  )
}
