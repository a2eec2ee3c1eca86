'use client'
import type { DefaultCellComponentProps } from 'payload'

import React from 'react'

/**
 * A checkbox flag in a list: its label as a small badge when set, nothing when not, so
 * a column of "false" no longer hides the few rows that need attention.
 */
export const FlagCell: React.FC<DefaultCellComponentProps> = ({ cellData, field }) => {
  if (cellData !== true) {
    return null
  }
  const labelled = field as { label?: unknown; name?: string }
  const label = typeof labelled.label === 'string' ? labelled.label : (labelled.name ?? 'Yes')
  return (
    <span
      data-flag={labelled.name}
      style={{
        background: 'var(--theme-warning-100)',
        border: '1px solid var(--theme-warning-500)',
        borderRadius: 4,
        fontSize: '0.85em',
        padding: '1px 6px',
        whiteSpace: 'nowrap',
      }}
    >
      {label}
    </span>
  )
}
