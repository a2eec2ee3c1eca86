import type { CollectionBeforeChangeHook } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options'
import type { TransitionContext } from '../src/workflow/targets'

import { workflowUserOf } from '../src/workflow/actor'
import { workflowTransitionContextField } from '../src/workflow/targets'

/**
 * A decision (or a tool) the importer inferred is confirmed when a person approves the
 * verdict: the approval covers the whole verdict, so the "decision inferred" and "tool
 * inferred" flags are cleared with it.
 */
export function confirmInferredDecision(options: SanitizedVerdictsOptions): CollectionBeforeChangeHook {
  return ({ data, req }) => {
    const transition = req.context[workflowTransitionContextField] as TransitionContext | undefined
    if (transition?.action === 'approve' && workflowUserOf(req, options)) {
      return { ...data, decisionInferred: false, toolInferred: false }
    }
    return data
  }
}
