import type { PublicMatchupPage } from 'verdicts-cms'

import type { ToolCardExtras } from './ToolCard.tsx'

import { NewsletterCta } from './NewsletterCta.tsx'
import { Scorecard } from './Scorecard.tsx'
import { AtAGlance } from './AtAGlance.tsx'
import { ToolCard } from './ToolCard.tsx'
import { VoteScript } from './VoteScript.tsx'
import { siteSettings } from '../settings.ts'
import { jsonLdText, toolsJsonLd } from '../structuredData.ts'

/**
 * A whole comparison page, from the public API's matchup JSON and nothing else. A
 * published page also gets, per tool, what `extras` brings (voting, history); a preview none.
 */
export function MatchupView({
  extras,
  page,
  preview = false,
}: {
  extras?: Record<string, ToolCardExtras>
  page: PublicMatchupPage
  preview?: boolean
}) {
  const panel = extras ? Object.values(extras)[0]?.panel : undefined
  const [left, right] = page.tools
  return (
    <article aria-labelledby="matchup-title" className="matchup">
      {preview ? (
        <p className="preview-banner" role="status">
          Preview: drafts included, panel figures as they will read once everything here is published.
        </p>
      ) : null}
      <header className="matchup-header">
        <p className="eyebrow">AI tool comparison</p>
        <h1 id="matchup-title">{page.title}</h1>
        {page.intro?.html ? (
          <div className="matchup-intro prose" dangerouslySetInnerHTML={{ __html: page.intro.html }} />
        ) : (
          <p className="matchup-intro">
            {left.name} or {right.name}? The panel&apos;s verdict, the pricing and the community vote, side by side.
          </p>
        )}
        <p className="matchup-updated">
          Updated <time dateTime={page.updatedAt}>{new Date(page.updatedAt).toISOString().slice(0, 10)}</time>
        </p>
      </header>
      {extras ? <AtAGlance extras={extras} tools={page.tools} /> : null}
      <section aria-labelledby="tools-title" className="tools">
        <h2 className="visually-hidden" id="tools-title">
          The two tools
        </h2>
        <ToolCard extras={extras?.[left.slug]} tool={left} />
        <ToolCard extras={extras?.[right.slug]} tool={right} />
      </section>
      <Scorecard entries={page.scorecard} panel={panel} tools={page.tools} />
      <NewsletterCta source={preview ? undefined : `/compare/${page.slug}`} />
      {extras ? <VoteScript /> : null}
      {preview
        ? null
        : toolsJsonLd(page, siteSettings().siteUrl).map((data) => (
            <script
              dangerouslySetInnerHTML={{ __html: jsonLdText(data) }}
              key={String(data.name)}
              type="application/ld+json"
            />
          ))}
    </article>
  )
}
