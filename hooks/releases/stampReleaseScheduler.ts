import type { CollectionBeforeChangeHook } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'

import { workflowUserOf } from '../../src/workflow/actor.ts'
import { contextKeys } from '../../src/domain/contextKeys.ts'

/**
 * Records who scheduled a release (the account its job will act for) and keeps its status
 * in the plugin's hands: a new release is scheduled; an editor who saves a blocked release
 * schedules it again (the next run checks every item afresh). The release operations,
 * which set the status after their checks, pass through.
 */
export function stampReleaseScheduler(options: SanitizedVerdictsOptions): CollectionBeforeChangeHook {
  return ({ data, operation, originalDoc, req }) => {
    if (req.context[contextKeys.releaseTransition]) {
      return data
    }
    const user = workflowUserOf(req, options)
    if (operation === 'create') {
      return {
        ...data,
        scheduledBy: user?.id ?? data.scheduledBy ?? null,
        status: user ? 'scheduled' : (data.status ?? 'scheduled'),
      }
    }
    if (user && originalDoc?.status === 'blocked') {
      return { ...data, blockers: null, scheduledBy: user.id, status: 'scheduled' }
    }
    return data
  }
}
