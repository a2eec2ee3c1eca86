/**
 * The `req.context` keys the plugin's operations and hooks pass to each other, in one place.
 * Only server code sets them; a client can never reach `req.context`.
 */
export const contextKeys = {
  /** Set while a persona is being deleted, so its verdicts' recounts say why. */
  personaDeleted: 'verdictsPersonaDeleted',
  /**
   * Set by a release while its items go live: the panel recounts their publishes would set
   * off are collected here (tool id → tool) and run once per tool after the last item.
   */
  deferredRecounts: 'verdictsDeferredRecounts',
  /** Set by the release operations while they write a release's status, after their checks. */
  releaseTransition: 'verdictsReleaseTransition',
  /** The cache tags of the pages this request's writes made stale (a Set). */
  stalePages: 'verdictsStalePages',
  /** The hashed voter key of the vote being written (never the cookie itself). */
  voterKey: 'verdictsVoterKey',
  /** A trusted system write (the importer) saying why it changed a stage. */
  workflowNote: 'verdictsWorkflowNote',
  /** Set by the transition operation after it checked the workflow rules. */
  workflowTransition: 'verdictsWorkflowTransition',
} as const
