/** Releases as plain rules, with no Payload import. */

export const releaseStatuses = ['scheduled', 'published', 'blocked', 'cancelled'] as const
export type ReleaseStatus = (typeof releaseStatuses)[number]

export const releaseStatusLabels: Record<ReleaseStatus, string> = {
  blocked: 'Blocked',
  cancelled: 'Cancelled',
  published: 'Published',
  scheduled: 'Scheduled',
}

/** One item of a release that kept it from going live, and why. */
export type ReleaseBlocker = { collection: string; id: number | string | null; reason: string; title: string }

/** Whether a release is due to go live at `now`: scheduled, and its time has come (no time: at once). */
export function isDueToPublish(release: { publishAt?: null | string; status?: null | string }, now: Date): boolean {
  return (
    release.status === 'scheduled' && (!release.publishAt || new Date(release.publishAt).getTime() <= now.getTime())
  )
}

/** Whether a published release is due to come down at `now`. */
export function isDueToUnpublish(
  release: { status?: null | string; unpublishAt?: null | string; unpublishedAt?: null | string },
  now: Date,
): boolean {
  return (
    release.status === 'published' &&
    Boolean(release.unpublishAt) &&
    !release.unpublishedAt &&
    new Date(String(release.unpublishAt)).getTime() <= now.getTime()
  )
}

/** The mail and the release view's list: "The Skeptic on Alpha (verdict): only approved verdicts can be published". */
export function describeBlockers(blockers: ReleaseBlocker[]): string {
  return blockers.map((blocker) => `- ${blocker.title}: ${blocker.reason}`).join('\n')
}
