'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { Coverage, CoverageState } from '../grid.ts'

import { coverageStateLabels, coverageStates } from '../grid.ts'

const stateColours: Record<CoverageState, string> = {
  approved: '#1f7a3d',
  changes_requested: '#a4400d',
  draft: '#555',
  in_review: '#1b5fa8',
  missing: '#8a1c1c',
  published: '#0b6b5b',
  stale: '#7a5b00',
  tool_changed: '#7a5b00',
}

/**
 * The matchup's coverage on its edit view: the panel down, the two tools across, each
 * cell the state of that persona's verdict on that tool, linked to it; a missing one links
 * to a new verdict with the persona and the tool already filled in.
 */
export const CoverageGrid: React.FC = () => {
  const { collectionSlug, id } = useDocumentInfo()
  const { config } = useConfig()
  const [coverage, setCoverage] = useState<Coverage | null>(null)
  const [error, setError] = useState<null | string>(null)

  useEffect(() => {
    if (!id) {
      return
    }
    const endpoint = `${config.serverURL}${config.routes.api}/${collectionSlug}/${id}/coverage`
    void fetch(endpoint, { credentials: 'include' }).then(async (response) => {
      if (response.ok) {
        setCoverage((await response.json()) as Coverage)
      } else {
        setError(`The coverage could not be loaded (${response.status}).`)
      }
    })
  }, [collectionSlug, config.routes.api, config.serverURL, id])

  if (!id) {
    return <p style={{ color: 'var(--theme-elevation-500)' }}>Save the matchup to see which verdicts it has.</p>
  }
  if (error) {
    return <p role="alert">{error}</p>
  }
  if (!coverage) {
    return null
  }
  const cellOf = (persona: string, tool: string) =>
    coverage.cells.find((cell) => cell.persona === persona && cell.tool === tool)
  const summary = coverageStates
    .filter((state) => coverage.counts[state] > 0)
    .map((state) => `${coverageStateLabels[state]}: ${coverage.counts[state]}`)
  return (
    <div className="field-type coverage-grid" style={{ marginBottom: '1.5rem' }}>
      <h3 style={{ margin: '0 0 0.5rem' }}>Coverage</h3>
      <p style={{ color: 'var(--theme-elevation-600)', margin: '0 0 0.75rem' }}>{summary.join(' · ')}</p>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left' }}>
              Persona
            </th>
            {coverage.tools.map((tool) => (
              <th key={tool.slug} scope="col" style={{ textAlign: 'left' }}>
                {tool.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {coverage.personas.map((persona) => (
            <tr key={persona.slug} style={{ borderTop: '1px solid var(--theme-elevation-150)' }}>
              <th scope="row" style={{ fontWeight: 500, padding: '0.375rem 0.5rem 0.375rem 0', textAlign: 'left' }}>
                {persona.name}
              </th>
              {coverage.tools.map((tool) => {
                const cell = cellOf(persona.slug, tool.slug)
                if (!cell) {
                  return <td key={tool.slug} />
                }
                return (
                  <td data-state={cell.state} key={tool.slug} style={{ padding: '0.375rem 0.5rem 0.375rem 0' }}>
                    {cell.state === 'missing' ? (
                      <a href={cell.href} rel="noopener" target="_blank">
                        Write this verdict
                      </a>
                    ) : (
                      <a href={cell.href} style={{ color: stateColours[cell.state], fontWeight: 600 }}>
                        {coverageStateLabels[cell.state]}
                      </a>
                    )}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
