import type { CollectionBeforeChangeHook } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'
import type { TransitionContext } from '../../src/workflow/targets.ts'

import { workflowUserOf } from '../../src/workflow/actor.ts'
import { contextKeys } from '../../src/domain/contextKeys.ts'

/**
 * A decision (or a tool) the importer inferred is confirmed when a person approves the
 * verdict: the approval covers the whole verdict, so the "decision inferred" and "tool
 * inferred" flags are cleared with it.
 */
export function confirmInferredDecision(options: SanitizedVerdictsOptions): CollectionBeforeChangeHook {
  return ({ data, req }) => {
    const transition = req.context[contextKeys.workflowTransition] as TransitionContext | undefined
    if (transition?.action === 'approve' && workflowUserOf(req, options)) {
      return { ...data, decisionInferred: false, toolInferred: false }
    }
    return data
  }
}
