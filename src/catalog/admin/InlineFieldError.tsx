'use client'
import type { FieldErrorClientProps } from 'payload'

import { useConfig, useDocumentInfo, useForm, useFormFields } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

/**
 * Where a field's value may clash with another record (one verdict per persona and tool,
 * one matchup per pair of tools): that record is looked up by these fields' form values,
 * in either order for a symmetric pair, and linked from the message.
 */
export type ClashLookup = {
  collection: string
  eitherOrder?: boolean
  fields: [string, string]
  /** The link's text, e.g. "Open the existing verdict". */
  linkLabel: string
}

type Props = { clash?: ClashLookup } & FieldErrorClientProps

function clashQuery({ eitherOrder, fields }: ClashLookup, values: unknown[], id: unknown): string {
  const params = new URLSearchParams({ depth: '0', draft: 'true', limit: '1' })
  const orders = eitherOrder ? [values, [...values].reverse()] : [values]
  orders.forEach((order, orderIndex) =>
    fields.forEach((field, fieldIndex) =>
      params.set(`where[and][0][or][${orderIndex}][and][${fieldIndex}][${field}][equals]`, String(order[fieldIndex])),
    ),
  )
  if (id !== undefined && id !== null) {
    params.set('where[and][1][id][not_equals]', String(id))
  }
  return params.toString()
}

/**
 * A field's error as a line of text under it, always visible, in the server's own words
 * ("This reviewer persona already has a verdict on this tool; edit that verdict instead."),
 * instead of Payload's tooltip that only a toast pointed at. With `clash`, it links the
 * record the value clashes with.
 */
export const InlineFieldError: React.FC<Props> = ({ clash, field, path: pathFromProps }) => {
  const path = pathFromProps ?? ('name' in field ? field.name : '')
  const { errorMessage, valid } = useFormFields(([fields]) => fields[path] ?? {}) as {
    errorMessage?: string
    valid?: boolean
  }
  const { getDataByPath } = useForm()
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [clashing, setClashing] = useState<null | string>(null)
  const message = valid === false ? errorMessage : undefined

  useEffect(() => {
    setClashing(null)
    if (!message || !clash) {
      return
    }
    const values = clash.fields.map((name) => getDataByPath(name))
    if (values.some((value) => value === null || value === undefined || typeof value === 'object')) {
      return
    }
    const controller = new AbortController()
    const api = `${config.serverURL}${config.routes.api}/${clash.collection}`
    void fetch(`${api}?${clashQuery(clash, values, id)}`, { credentials: 'include', signal: controller.signal })
      .then(async (response) =>
        response.ok ? ((await response.json()) as { docs: Array<{ id: number | string }> }) : null,
      )
      .then((body) => {
        const other = body?.docs[0]
        if (other) {
          setClashing(`${config.routes.admin}/collections/${clash.collection}/${other.id}`)
        }
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [clash, config.routes.admin, config.routes.api, config.serverURL, getDataByPath, id, message])

  if (!message) {
    return null
  }
  return (
    <p
      className="inline-field-error"
      data-testid={`field-error-${path}`}
      role="alert"
      style={{ color: 'var(--theme-error-500)', fontWeight: 500, margin: '4px 0 8px' }}
    >
      {message}
      {clashing && clash ? (
        <>
          {' '}
          <a data-testid={`field-error-${path}-link`} href={clashing}>
            {clash.linkLabel}
          </a>
        </>
      ) : null}
    </p>
  )
}
