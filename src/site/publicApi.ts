import type {
  PublicMatchupPage,
  PublicMethodology,
  PublicPublication,
  PublicSitemap,
  PublicToolHistory,
  PublicToolPage,
} from 'verdicts-cms'

import { matchupTag, toolTag } from 'verdicts-cms'
import { matchupIndexTag, methodologyTag, siteWideTag } from './revalidation.ts'
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

/** One page of the published matchups, by title; `filters` are the API's list parameters (q, category). */
export async function fetchMatchupList(
  page: number,
  limit = 50,
  filters: { category?: string; q?: string } = {},
): Promise<MatchupList> {
  const query = new URLSearchParams({ page: String(page), limit: String(limit) })
  for (const [name, value] of Object.entries(filters)) {
    if (value) {
      query.set(name, value)
    }
  }
  const url = `${siteSettings().apiUrl}/api/public/matchups?${query}`
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

/** Why a tool's panel figure moved, newest first; null for a tool the public cannot see. */
export async function fetchToolHistory(slug: string): Promise<null | PublicToolHistory> {
  const url = `${siteSettings().apiUrl}/api/public/tools/${encodeURIComponent(slug)}/history`
  return readJson<PublicToolHistory>(url, { cache: 'force-cache', next: { tags: [toolTag(slug), siteWideTag] } })
}

/** A tool's public page: its verdicts by persona and the comparisons it is in. */
export async function fetchToolPage(slug: string): Promise<null | PublicToolPage> {
  const url = `${siteSettings().apiUrl}/api/public/tools/${encodeURIComponent(slug)}`
  return readJson<PublicToolPage>(url, { cache: 'force-cache', next: { tags: [toolTag(slug), siteWideTag] } })
}

/** The panel and the rules of the numbers, as the CMS applies them. */
export async function fetchMethodology(): Promise<PublicMethodology> {
  const url = `${siteSettings().apiUrl}/api/public/methodology`
  const methodology = await readJson<PublicMethodology>(url, {
    cache: 'force-cache',
    next: { revalidate: 300, tags: [methodologyTag, siteWideTag] },
  })
  if (!methodology) {
    throw new PublicApiError(url, 404)
  }
  return methodology
}

/** Published comparisons by first publication, newest first (every delivery refreshes it, like the index). */
export async function fetchFeed(): Promise<{ docs: PublicPublication[] }> {
  const url = `${siteSettings().apiUrl}/api/public/feed`
  const feed = await readJson<{ docs: PublicPublication[] }>(url, {
    cache: 'force-cache',
    next: { tags: [matchupIndexTag, siteWideTag] },
  })
  if (!feed) {
    throw new PublicApiError(url, 404)
  }
  return feed
}

/** Every public page and its last change. */
export async function fetchSitemap(): Promise<PublicSitemap> {
  const url = `${siteSettings().apiUrl}/api/public/sitemap`
  const sitemap = await readJson<PublicSitemap>(url, {
    cache: 'force-cache',
    next: { tags: [matchupIndexTag, siteWideTag] },
  })
  if (!sitemap) {
    throw new PublicApiError(url, 404)
  }
  return sitemap
}

/** The categories public tools are in (from the first 100 tools by name), for the index's filter. */
export async function fetchCategories(): Promise<Array<{ name: string; slug: string }>> {
  const url = `${siteSettings().apiUrl}/api/public/tools?limit=100`
  const list = await readJson<{ docs: Array<{ category: { name: string; slug: string } | null }> }>(url, {
    cache: 'force-cache',
    next: { tags: [matchupIndexTag, siteWideTag] },
  })
  const categories = new Map<string, { name: string; slug: string }>()
  for (const tool of list?.docs ?? []) {
    if (tool.category) {
      categories.set(tool.category.slug, tool.category)
    }
  }
  return [...categories.values()].sort((a, b) => a.name.localeCompare(b.name))
}
