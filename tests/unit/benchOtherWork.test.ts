import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'

import { cpuMicroseconds, machineBusyTicks, otherCores, processTicks, sampleCpu } from '../../bench/otherWork.ts'

/** /proc/stat's first lines: user nice system idle iowait irq softirq steal guest guest_nice. */
const procStat = (user: number, nice: number, system: number, idle: number) =>
  `cpu  ${user} ${nice} ${system} ${idle} 1348 0 2596 0 0 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n`
/** /proc/<pid>/stat with utime, stime, cutime, cstime; the name holds a space and a ")". */
const pidStat = (utime: number, stime: number, cutime = 0, cstime = 0) =>
  `4242 (node (bench) x) S 1 4242 4242 0 -1 4194304 97 0 0 0 ${utime} ${stime} ${cutime} ${cstime} 20 0 1 0 93446 3133440 407`

describe('the share of other work during a bench run', () => {
  it('reads busy ticks from /proc/stat and a process’s own ticks from /proc/<pid>/stat', () => {
    expect(machineBusyTicks(procStat(1000, 20, 300, 9999))).toBe(1320)
    expect(processTicks(pidStat(70, 30, 500, 100))).toBe(100)
    expect(processTicks(pidStat(70, 30, 500, 100), true)).toBe(700)
    expect(() => machineBusyTicks('intr 1 2 3\n')).toThrow()
  })

  it('counts what the machine did beyond the bench’s own processes, in cores', () => {
    // 4 s; the machine was busy 800 ticks (2 cores × 4 s × 100), the bench's processes 700.
    const before = { at: 10_000, machine: machineBusyTicks(procStat(5000, 0, 1000, 0)), own: 300, ticks: [100, 200] }
    const after = { at: 14_000, machine: machineBusyTicks(procStat(5600, 0, 1200, 0)), own: 1000, ticks: [400, 600] }
    expect(otherCores(before, after)).toBeCloseTo(0.25, 5)
    // The second process (the server) took 400 ticks: 4 s of CPU.
    expect(cpuMicroseconds(before, after, 1)).toBe(4_000_000)
    // A quiet machine: the bench alone (rounding may put its own ticks a little above).
    expect(otherCores(before, { ...after, own: 1105 })).toBe(0)
    expect(otherCores(before, { ...after, own: 1100 })).toBe(0)
  })

  it('samples this very process, its CPU time growing as it works, and says null for a process that is gone', () => {
    if (!existsSync('/proc/stat')) {
      expect(sampleCpu([process.pid])).toBeNull()
      return
    }
    const before = sampleCpu([process.pid])!
    // Work until this process has used 200 ms of CPU (20 ticks) by its own count, not by the
    // clock: on a busy machine 200 ms of wall time may give it far less CPU than that.
    const cpuBefore = process.cpuUsage()
    const giveUpAt = performance.now() + 20_000
    while (performance.now() < giveUpAt) {
      const used = process.cpuUsage(cpuBefore)
      if (used.user + used.system >= 200_000) {
        break
      }
    }
    const after = sampleCpu([process.pid])!
    expect(after.own - before.own).toBeGreaterThanOrEqual(10)
    expect(cpuMicroseconds(before, after, 0)).toBeGreaterThanOrEqual(100_000)
    expect(after.machine - before.machine).toBeGreaterThanOrEqual(after.own - before.own - 5)
    expect(sampleCpu([process.pid, 2 ** 22 + 1])).toBeNull()
  })
})
