'use client'
import type React from 'react'

/**
 * Takes the place of Payload's "Publish changes" in the header of workflow documents:
 * publishing goes through the workflow panel's Publish button, the one control that knows
 * whether the document is approved and shows the result. Two buttons competed before, and
 * the header's published unapproved edits into a 409.
 */
export const PublishThroughWorkflow: React.FC = () => null
