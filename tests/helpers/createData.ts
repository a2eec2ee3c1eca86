import type { RequiredDataFromCollectionSlug } from 'payload'

import type { PluginCollectionSlugs } from '../../src/options.ts'

/**
 * Create data for a collection, less the required fields it fills itself when a create leaves
 * them out: default values (workflow stage, statuses, a webhook's secret and events, a user's
 * role) and values its hooks derive (slugs, a persona's position). The database requires those
 * fields, so Payload's generated types mark them required in create data too.
 */
type LeavingOut<
  S extends PluginCollectionSlugs[keyof PluginCollectionSlugs],
  F extends keyof RequiredDataFromCollectionSlug<S>,
> = Omit<RequiredDataFromCollectionSlug<S>, F> & Partial<Pick<RequiredDataFromCollectionSlug<S>, F>>

type Data<K extends keyof PluginCollectionSlugs> = RequiredDataFromCollectionSlug<PluginCollectionSlugs[K]>

export type VerdictData = Data<'verdicts'>

// Each builder is where the collection's own defaults and hooks stand in for the fields left out.
export const categoryData = (data: LeavingOut<PluginCollectionSlugs['categories'], 'slug'>) =>
  data as Data<'categories'>
export const issueData = (data: LeavingOut<PluginCollectionSlugs['newsletterIssues'], 'workflowStage'>) =>
  data as Data<'newsletterIssues'>
export const matchupData = (data: LeavingOut<PluginCollectionSlugs['matchups'], 'workflowStage'>) =>
  data as Data<'matchups'>
export const releaseData = (data: LeavingOut<PluginCollectionSlugs['releases'], 'status'>) => data as Data<'releases'>
export const reviewerData = (data: LeavingOut<PluginCollectionSlugs['reviewers'], 'position' | 'slug'>) =>
  data as Data<'reviewers'>
export const subscriberData = (data: LeavingOut<PluginCollectionSlugs['subscribers'], 'status'>) =>
  data as Data<'subscribers'>
export const toolData = (data: LeavingOut<PluginCollectionSlugs['tools'], 'slug'>) => data as Data<'tools'>
export const userData = (data: LeavingOut<PluginCollectionSlugs['users'], 'role'>) => data as Data<'users'>
export const verdictData = (data: LeavingOut<PluginCollectionSlugs['verdicts'], 'workflowStage'>) =>
  data as Data<'verdicts'>
export const webhookSubscriptionData = (
  data: LeavingOut<PluginCollectionSlugs['webhookSubscriptions'], 'events' | 'secret'>,
) => data as Data<'webhookSubscriptions'>
