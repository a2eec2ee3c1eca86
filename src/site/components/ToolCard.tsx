import type { PublicTool } from 'verdicts-cms'

import { formatPercent } from 'verdicts-cms'

/** One tool's half of the comparison: identity, the three figures, the description. */
export function ToolCard({ tool }: { tool: PublicTool }) {
  const headingId = `tool-${tool.slug}`
  return (
    <section aria-labelledby={headingId} className="tool-card" data-tool={tool.slug}>
      {tool.category ? <p className="tool-category">{tool.category.name}</p> : null}
      <h3 className="tool-name" id={headingId}>
        {tool.name}
      </h3>
      {tool.tagline ? <p className="tool-tagline">{tool.tagline}</p> : null}
      <dl className="tool-figures">
        <div className="tool-figure">
          <dt>Panel ship</dt>
          <dd data-figure="panel">{formatPercent(tool.panel.percent)}</dd>
          <dd className="tool-figure-detail">
            {tool.panel.total === 0
              ? 'no published verdicts'
              : `${tool.panel.ship} of ${tool.panel.total} reviewers ship`}
          </dd>
        </div>
        <div className="tool-figure">
          <dt>Community</dt>
          <dd data-figure="community">{formatPercent(tool.community.percent)}</dd>
          <dd className="tool-figure-detail">
            {tool.community.percent === null ? 'not enough votes yet' : `${tool.community.total} votes`}
          </dd>
        </div>
        <div className="tool-figure">
          <dt>Entry</dt>
          <dd data-figure="entry">{tool.pricing.label}</dd>
          {tool.pricing.note ? <dd className="tool-figure-detail">{tool.pricing.note}</dd> : null}
        </div>
      </dl>
      {/* The API renders rich text to escaped, safe HTML on the server. */}
      <div className="tool-description prose" dangerouslySetInnerHTML={{ __html: tool.description.html }} />
    </section>
  )
}
