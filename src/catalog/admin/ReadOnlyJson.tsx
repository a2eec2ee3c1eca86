'use client'
import type { JSONFieldClientProps } from 'payload'

import { FieldDescription, FieldLabel, useField } from '@payloadcms/ui'
import React from 'react'

/**
 * A read-only JSON field as plain text. Payload's JSON field loads the Monaco editor from
 * a CDN (cdn.jsdelivr.net) on every edit view that shows one; a value nobody edits needs
 * no editor, and the admin then asks no other host for anything.
 */
export const ReadOnlyJson: React.FC<JSONFieldClientProps> = ({ field, path }) => {
  const { value } = useField({ potentiallyStalePath: path })
  return (
    <div className="field-type json" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label={field.label} path={path} />
      <pre
        data-testid={`read-only-json-${field.name}`}
        style={{ fontSize: 12, margin: '4px 0', maxHeight: 240, overflow: 'auto', whiteSpace: 'pre-wrap' }}
      >
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
      <FieldDescription description={field.admin?.description} path={path} />
    </div>
  )
}
