/**
 * The weekly compose slot in UTC. The jobs queue checks hourly (cron has no time zone
 * setting, and a server's local time must not move the newsletter), and this decides.
 */
export type ComposeSchedule = { day: number; hour: number }

/** The most recent slot (day of week and hour, UTC) at or before `now`. */
export function latestSlot(now: Date, schedule: ComposeSchedule): Date {
  const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), schedule.hour))
  const daysBack = (now.getUTCDay() - schedule.day + 7) % 7
  slot.setUTCDate(slot.getUTCDate() - daysBack)
  if (slot.getTime() > now.getTime()) {
    slot.setUTCDate(slot.getUTCDate() - 7)
  }
  return slot
}

/**
 * Whether the week's issue is due: the latest slot has passed and no issue was composed
 * at or after it. A server that was down at the slot composes when it comes back.
 */
export function composeIsDue(now: Date, schedule: ComposeSchedule, lastComposedAt: Date | null): boolean {
  const slot = latestSlot(now, schedule)
  return lastComposedAt === null || lastComposedAt.getTime() < slot.getTime()
}
