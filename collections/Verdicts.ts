import type { CollectionConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { confirmInferredDecision } from '../hooks/workflow/confirmInferredDecision.ts'
import { refreshReviewDate } from '../hooks/freshness/refreshReviewDate.ts'
import { reviewFields } from '../src/freshness/fields.ts'
import { prefillFromQuery } from '../src/coverage/prefill.ts'
import { prefillParams } from '../src/coverage/grid.ts'
import { deriveVerdictTitle } from '../hooks/catalog/deriveVerdictTitle.ts'
import { recomputePanelScoreAfterChange, recomputePanelScoreAfterDelete } from '../hooks/scores/recomputePanelScore.ts'
import { enforceWorkflowRules } from '../hooks/workflow/enforceWorkflowRules.ts'
import { keepPublishedVersionLive } from '../hooks/workflow/keepPublishedVersionLive.ts'
import { notifyConsumers } from '../hooks/webhooks/notifyConsumers.ts'
import { notifyWorkflowParticipants } from '../hooks/workflow/notifyWorkflowParticipants.ts'
import { recordWorkflowTransition } from '../hooks/workflow/recordWorkflowTransition.ts'
import { nobody, reviewedContentAccess } from '../src/access/roles.ts'
import { importSourceField } from '../src/importer/importSourceField.ts'
import { createWorkflowEndpoints } from '../src/workflow/endpoints.ts'
import { workflowAdminComponents, workflowFields } from '../src/workflow/fields.ts'
import { workflowTargets } from '../src/workflow/targets.ts'
import { oneVerdictPerPair, verdictPersonaRule } from '../src/catalog/pairRules.ts'
import { flagCell, inlineFieldError } from '../src/catalog/adminComponents.ts'
import { validateRichText } from '../src/catalog/validateRichText.ts'
import { decisionOptions } from '../src/domain/decisions.ts'
import { contextKeys } from '../src/domain/contextKeys.ts'

/** One persona's ship-or-skip call on one tool, with the quote that explains it. */
export function createVerdictsCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const { collectionSlugs } = options
  const workflow = workflowTargets(options).verdicts
  const consumers = notifyConsumers(options, collectionSlugs.verdicts, 'verdict')
  return {
    slug: collectionSlugs.verdicts,
    access: reviewedContentAccess(contextKeys.workflowTransition),
    admin: {
      components: workflowAdminComponents,
      defaultColumns: [
        'title',
        'tool',
        'reviewer',
        'decision',
        'decisionInferred',
        'toolInferred',
        'workflowStage',
        'reviewedAt',
        'stale',
        'toolChangedSinceReview',
        'updatedAt',
      ],
      description: 'A verdict belongs to a (persona, tool) pair and appears on every page that tool is in.',
      group: 'Content',
      listSearchableFields: ['title'],
      useAsTitle: 'title',
    },
    defaultSort: '-updatedAt',
    endpoints: options.enabled ? createWorkflowEndpoints(options, workflow) : [],
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'reviewer',
            type: 'relationship',
            admin: { components: { Error: inlineFieldError() } },
            // "Write this verdict" on a matchup's coverage grid opens the form with these filled in.
            defaultValue: prefillFromQuery(prefillParams.reviewer),
            label: 'Reviewer persona',
            relationTo: collectionSlugs.reviewers,
            required: true,
            validate: verdictPersonaRule(collectionSlugs),
          },
          {
            name: 'tool',
            type: 'relationship',
            admin: {
              components: {
                Error: inlineFieldError({
                  collection: collectionSlugs.verdicts,
                  fields: ['reviewer', 'tool'],
                  linkLabel: 'Open the existing verdict',
                }),
              },
            },
            defaultValue: prefillFromQuery(prefillParams.tool),
            // Pages and recounts look verdicts up by tool (SQL indexes relations anyway; MongoDB does not).
            index: true,
            relationTo: collectionSlugs.tools,
            required: true,
            validate: oneVerdictPerPair(collectionSlugs),
          },
        ],
      },
      {
        name: 'decision',
        type: 'radio',
        options: decisionOptions,
        required: true,
      },
      {
        name: 'decisionInferred',
        type: 'checkbox',
        access: { create: nobody, update: nobody },
        admin: {
          components: { Cell: flagCell },
          description:
            'The importer chose this decision to match the percentage the page printed. Approving the verdict confirms it (and clears this).',
          position: 'sidebar',
          readOnly: true,
        },
        defaultValue: false,
        index: true,
        label: 'Decision inferred',
      },
      {
        name: 'toolInferred',
        type: 'checkbox',
        access: { create: nobody, update: nobody },
        admin: {
          components: { Cell: flagCell },
          description:
            'The page did not say which tool this quote is about; the importer chose the tool its content is clearly closer to (the workflow history has the scores). Approving the verdict confirms it (and clears this).',
          position: 'sidebar',
          readOnly: true,
        },
        defaultValue: false,
        index: true,
        label: 'Tool inferred',
      },
      ...reviewFields(),
      {
        name: 'quote',
        type: 'richText',
        admin: {
          components: {
            Error: inlineFieldError(),
            afterInput: [
              {
                clientProps: { max: options.content.maxQuoteLength },
                path: 'verdicts-cms/client#RichTextLengthCounter',
              },
            ],
          },
          description: "Written in the persona's voice; shown verbatim on every page of this tool.",
        },
        required: true,
        validate: validateRichText({ label: 'The quote', maxLength: options.content.maxQuoteLength }),
      },
      {
        name: 'title',
        type: 'text',
        admin: { description: 'Derived from the persona and the tool.', position: 'sidebar', readOnly: true },
      },
      ...workflowFields(options),
      importSourceField(),
    ],
    hooks: options.enabled
      ? {
          afterChange: [
            // First: it names the pages this change affects, so the recount's tool save
            // below need not look them up again (pages drop only after the commit anyway).
            consumers.afterChange,
            recomputePanelScoreAfterChange(options),
            recordWorkflowTransition(options, workflow),
            notifyWorkflowParticipants(options, workflow),
          ],
          afterDelete: [recomputePanelScoreAfterDelete(options), consumers.afterDelete],
          beforeChange: [
            enforceWorkflowRules(options, workflow),
            confirmInferredDecision(options),
            refreshReviewDate(options),
          ],
          beforeOperation: [keepPublishedVersionLive(options, workflow)],
          beforeValidate: [deriveVerdictTitle(collectionSlugs)],
        }
      : undefined,
    indexes: [
      { fields: ['reviewer', 'tool'], unique: true },
      // Pages and recounts read a tool's published verdicts; with only the `_status` index
      // to choose from, SQLite scans every published verdict.
      { fields: ['tool', '_status'] },
    ],
    labels: { plural: 'Verdicts', singular: 'Verdict' },
    versions: {
      drafts: { validate: true },
      maxPerDoc: 50,
    },
  }
}
