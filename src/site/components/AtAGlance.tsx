import type { PublicTool } from 'verdicts-cms'

import type { ToolCardExtras } from './ToolCard.tsx'

import { formatPercent } from 'verdicts-cms'
import { communityFigure } from '../figures.ts'

/**
 * Both tools' three figures in one small table, shown on narrow screens before the two long
 * cards (which then stack), so a phone reader gets the answer first.
 */
export function AtAGlance({ extras, tools }: { extras: Record<string, ToolCardExtras>; tools: PublicTool[] }) {
  return (
    <section aria-labelledby="glance-title" className="at-a-glance">
      <h2 id="glance-title">At a glance</h2>
      <table>
        <thead>
          <tr>
            <td />
            {tools.map((tool) => (
              <th key={tool.slug} scope="col">
                {tool.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Panel ship</th>
            {tools.map((tool) => (
              <td key={tool.slug}>{formatPercent(tool.panel.percent)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Community</th>
            {tools.map((tool) => {
              const extra = extras[tool.slug]
              return (
                <td data-glance-community={tool.slug} key={tool.slug}>
                  {communityFigure(extra?.own?.community ?? tool.community, extra?.minimumVotes ?? 1).figure}
                </td>
              )
            })}
          </tr>
          <tr>
            <th scope="row">Entry</th>
            {tools.map((tool) => (
              <td key={tool.slug}>{tool.pricing.label}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  )
}
