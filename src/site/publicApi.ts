import type { PublicMatchupPage } from 'verdicts-cms'

import { matchupTag } from 'verdicts-cms'
import { matchupIndexTag, siteWideTag } from './revalidation.ts'
import { siteSettings } from './settings.ts'

/**
 * The reference site reads the CMS only through its public HTTP API, as any consumer
 * site would. Published pages are kept in Next's data cache under the API's cache tags
 * and refreshed when a webhook names them; previews are never cached.
 */
export class PublicApiError extends Error {
  constructor(url: string, status: number) {
    super(`The public API answered ${status} for ${url}`)
    this.name = 'PublicApiError'
  }
}

export type MatchupListItem = {
  slug: string
  title: string
  tools: Array<{ name: string; slug: string }>
  updatedAt: string
}
export type MatchupList = {
  docs: MatchupListItem[]
  limit: number
  page: number
  totalDocs: number
  totalPages: number
}
export type MatchupPreview = PublicMatchupPage & { preview: true }

async function readJson<T>(url: string, init: RequestInit): Promise<null | T> {
  const response = await fetch(url, init)
  if (response.status === 404) {
    return null
  }
  if (!response.ok) {
    throw new PublicApiError(url, response.status)
  }
  return (await response.json()) as T
}

/** A published comparison page, or null when there is none with that slug. */
export async function fetchMatchupPage(slug: string): Promise<null | PublicMatchupPage> {
  const url = `${siteSettings().apiUrl}/api/public/matchups/${encodeURIComponent(slug)}`
  return readJson<PublicMatchupPage>(url, { cache: 'force-cache', next: { tags: [matchupTag(slug), siteWideTag] } })
}

/** One page of the published matchups, by title. */
export async function fetchMatchupList(page: number, limit = 50): Promise<MatchupList> {
  const url = `${siteSettings().apiUrl}/api/public/matchups?page=${page}&limit=${limit}`
  const list = await readJson<MatchupList>(url, {
    cache: 'force-cache',
    next: { tags: [matchupIndexTag, siteWideTag] },
  })
  if (!list) {
    throw new PublicApiError(url, 404)
  }
  return list
}

export type PreviewResult = { page: MatchupPreview; status: 'ok' } | { status: 'not-found' | 'signed-out' }

/** The admin's session cookie, which the preview page passes on as the editor's token. */
export const adminSessionCookie = 'payload-token'

/**
 * A matchup as it will read once its drafts are published, seen as the editor whose
 * admin session token (same origin as the site) is given. Never cached.
 */
export async function fetchMatchupPreview(id: string, sessionToken: string | undefined): Promise<PreviewResult> {
  const url = `${siteSettings().apiUrl}/api/matchups/${encodeURIComponent(id)}/preview`
  // As an Authorization header: Payload accepts a forwarded session cookie only from a
  // browser (its CSRF check wants an Origin), and this request comes from the server.
  const response = await fetch(url, {
    cache: 'no-store',
    headers: sessionToken ? { Authorization: `JWT ${sessionToken}` } : {},
  })
  if (response.status === 401 || response.status === 403) {
    return { status: 'signed-out' }
  }
  if (response.status === 404) {
    return { status: 'not-found' }
  }
  if (!response.ok) {
    throw new PublicApiError(url, response.status)
  }
  return { page: (await response.json()) as MatchupPreview, status: 'ok' }
}
