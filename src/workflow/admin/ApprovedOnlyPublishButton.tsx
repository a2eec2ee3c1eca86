'use client'
import type { PublishButtonClientProps } from 'payload'

import { PublishButton, useFormFields } from '@payloadcms/ui'
import React from 'react'

/**
 * Payload's publish button, shown only when the document is approved: anything else
 * would be refused by the server ("only approved verdicts can be published").
 */
export const ApprovedOnlyPublishButton: React.FC<PublishButtonClientProps> = (props) => {
  const stage = useFormFields(([fields]) => fields.workflowStage?.value)
  if (stage !== 'approved') {
    return null
  }
  return <PublishButton {...props} />
}
