import type { Metadata } from 'next'

import { formatPercent } from 'verdicts-cms'
import { fetchMethodology } from '../../../site/publicApi.ts'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  alternates: { canonical: '/methodology' },
  description: 'Who the panel is, and exactly how the panel and community figures are counted.',
  title: 'How we count',
}

const example = ({ percent, ship, total }: { percent: null | number; ship: number; total: number }) =>
  `${ship} of ${total} → ${formatPercent(percent)}`

/**
 * The panel and the rules of the numbers, printed from what the CMS applies (its
 * methodology endpoint computes the examples with the scoring code itself).
 */
export default async function MethodologyPage() {
  const { community, panel, personas, reReviewEveryDays } = await fetchMethodology()
  return (
    <article aria-labelledby="methodology-title" className="methodology">
      <h1 id="methodology-title">How we count</h1>
      <section aria-labelledby="panel-title">
        <h2 id="panel-title">The panel</h2>
        <p>Each panelist judges every tool through one lens, and says ship or skip.</p>
        <dl className="persona-list">
          {personas.map((persona) => (
            <div className="persona-row" data-reviewer={persona.slug} key={persona.slug}>
              <dt>{persona.name}</dt>
              <dd className="persona-lens">{persona.lens}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="panel-rule-title">
        <h2 id="panel-rule-title">Panel ship</h2>
        <p>
          The share of published verdicts that say ship: 100 × ship ÷ (ship + skip), rounded to a whole percent, halves
          up. Drafts, verdicts awaiting approval and withdrawn verdicts never count; with no published verdict the
          figure is “—”.
        </p>
        <ul data-rule="panel">
          {panel.examples.map((item) => (
            <li key={`${item.ship}-${item.total}`}>{example(item)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="community-rule-title">
        <h2 id="community-rule-title">Community</h2>
        <p>
          The same share over readers&apos; votes, one vote per reader and tool (a reader may change or withdraw it).
          Below <strong data-rule="minimum-votes">{community.minimumVotes}</strong> votes the figure stays “—”, so a
          handful of votes cannot pass for a verdict.
        </p>
        <ul data-rule="community">
          {community.examples.map((item) => (
            <li key={`${item.ship}-${item.total}`}>{example(item)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="freshness-title">
        <h2 id="freshness-title">Freshness</h2>
        <p>
          Every verdict is due for a fresh review after <span data-rule="re-review-days">{reReviewEveryDays}</span>{' '}
          days, and whenever the tool changes its pricing or description; until then it says “due for re-review”. Every
          move of a panel figure is listed on the tool&apos;s page, with its date and cause.
        </p>
      </section>
    </article>
  )
}
