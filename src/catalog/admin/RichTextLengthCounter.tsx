'use client'
import { useField } from '@payloadcms/ui'
import React from 'react'

import { richTextLength } from '../richText.ts'

/**
 * Under a rich text field with a length limit: "1,234 / 2,000 characters", red past the
 * limit. Counts as the server does (`richTextLength`), so the number the editor sees is
 * the number the save is judged by.
 */
export const RichTextLengthCounter: React.FC<{ max: number; path?: string }> = ({ max, path }) => {
  const { value } = useField({ potentiallyStalePath: path })
  const length = richTextLength(value)
  const over = length > max
  return (
    <p
      aria-live="polite"
      data-testid="rich-text-length"
      style={{
        color: over ? 'var(--theme-error-500)' : 'var(--theme-elevation-500)',
        fontWeight: over ? 600 : undefined,
        margin: '4px 0 0',
        textAlign: 'right',
      }}
    >
      {length.toLocaleString('en')} / {max.toLocaleString('en')} characters{over ? ' — too long' : ''}
    </p>
  )
}
