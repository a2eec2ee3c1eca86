/**
 * How much CPU other processes took while the bench ran: the machine's busy time (the first
 * line of /proc/stat) less the time of the bench's own processes (/proc/<pid>/stat), over
 * one run. The load average cannot say this: the bench's own server and load generator keep
 * it near the number of cores, so it flagged every run as busy.
 */
import { readFileSync } from 'node:fs'

/** Linux reports CPU times in USER_HZ ticks, 100 a second on every architecture it runs on. */
const ticksPerSecond = 100

/** Busy ticks of all cores: user, nice and system (guest time is already inside user). */
export function machineBusyTicks(procStat: string): number {
  const fields = procStat.slice(0, procStat.indexOf('\n')).trim().split(/\s+/)
  if (fields[0] !== 'cpu') {
    throw new Error('not /proc/stat: its first line is not the "cpu" total')
  }
  return Number(fields[1]) + Number(fields[2]) + Number(fields[3])
}

/**
 * A process's own CPU ticks (user + system, all its threads), from /proc/<pid>/stat; with
 * `withChildren`, also those of the children it has waited for (a child run to its end).
 */
export function processTicks(pidStat: string, withChildren = false): number {
  // The command name, in parentheses, may hold spaces: fields are counted after its end.
  const fields = pidStat.slice(pidStat.lastIndexOf(')') + 2).split(' ')
  // Fields 14-17 of proc(5) (utime, stime, cutime, cstime); fields[0] is field 3.
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number)
  return utime + stime + (withChildren ? cutime + cstime : 0)
}

/** `own`: the given processes' ticks together; `ticks`: each one's, in the order given. */
export type CpuSample = { at: number; machine: number; own: number; ticks: number[] }

/**
 * One reading of the machine's and the given processes' CPU time; null where there is no
 * /proc (not Linux) or a process is gone.
 */
export function sampleCpu(pids: number[], withChildren = false): CpuSample | null {
  try {
    const ticks = pids.map((pid) => processTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'), withChildren))
    const own = ticks.reduce((sum, value) => sum + value, 0)
    return { at: performance.now(), machine: machineBusyTicks(readFileSync('/proc/stat', 'utf8')), own, ticks }
  } catch {
    return null
  }
}

/** Microseconds of CPU that one process took between two samples (`index` in their pids). */
export function cpuMicroseconds(before: CpuSample, after: CpuSample, index: number): number {
  return ((after.ticks[index] - before.ticks[index]) * 1_000_000) / ticksPerSecond
}

/** Cores' worth of CPU that processes other than the bench's took between two samples. */
export function otherCores(before: CpuSample, after: CpuSample): number {
  const seconds = (after.at - before.at) / 1000
  const other = after.machine - before.machine - (after.own - before.own)
  // Tick accounting rounds per process and per core: a slightly negative difference is 0.
  return seconds > 0 ? Math.max(0, other / ticksPerSecond / seconds) : 0
}

/** Over this (a quarter of one core) other work competed with a run: its figures mislead. */
export const busyOtherCores = 0.25
