/**
 * A jest reporter that makes a stuck or slow suite visible in a CI log, where only the end
 * of a long output may be kept:
 * - every 5 minutes a suite is still running, one line names it and how long it has run;
 * - when the run ends, one line per failed test (suite, test name, the failure's first line)
 *   and the slowest suites with their times.
 * One CI run once spent over an hour on PostgreSQL with no line saying where (stop 24).
 */
import { clearInterval, setInterval } from 'node:timers'

const stillRunningEveryMs = 5 * 60_000
const slowestShown = 8
const failuresShown = 20

const seconds = (ms) => `${Math.round(ms / 1000)} s`
const relative = (rootDir, file) => (file.startsWith(`${rootDir}/`) ? file.slice(rootDir.length + 1) : file)
/** The first line of a failure that says something (jest's messages start with colour codes and blanks). */
const firstLine = (message) =>
  (
    message
      // eslint-disable-next-line no-control-regex -- ANSI colour codes in jest's failure messages
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? ''
  ).slice(0, 200)

export default class SuiteClockReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir
    /** @type {Map<string, { started: number, reported: number }>} */
    this.running = new Map()
    /** @type {Array<{ file: string, ms: number }>} */
    this.finished = []
    /** @type {string[]} */
    this.failures = []
    this.timer = undefined
  }

  say(line) {
    process.stderr.write(`[suite clock] ${line}\n`)
  }

  onRunStart() {
    this.timer = setInterval(() => this.reportStillRunning(), 30_000)
    this.timer.unref()
  }

  onTestFileStart(test) {
    this.running.set(test.path, { reported: 0, started: Date.now() })
  }

  reportStillRunning() {
    const now = Date.now()
    for (const [file, clock] of this.running) {
      const due = Math.floor((now - clock.started) / stillRunningEveryMs)
      if (due > clock.reported) {
        clock.reported = due
        this.say(`still running after ${seconds(now - clock.started)}: ${relative(this.rootDir, file)}`)
      }
    }
  }

  onTestFileResult(test, result) {
    const clock = this.running.get(test.path)
    this.running.delete(test.path)
    const file = relative(this.rootDir, test.path)
    this.finished.push({ file, ms: clock ? Date.now() - clock.started : 0 })
    if (result.testExecError) {
      this.failures.push(`${file}: ${firstLine(result.testExecError.message ?? String(result.testExecError))}`)
    }
    for (const assertion of result.testResults) {
      if (assertion.status === 'failed') {
        this.failures.push(`${file} › ${assertion.fullName}: ${firstLine(assertion.failureMessages.join('\n'))}`)
      }
    }
  }

  onRunComplete() {
    clearInterval(this.timer)
    if (this.failures.length > 0) {
      this.say(`${this.failures.length} failed:`)
      for (const failure of this.failures.slice(0, failuresShown)) {
        this.say(`  ${failure}`)
      }
    }
    const slowest = [...this.finished].sort((a, b) => b.ms - a.ms).slice(0, slowestShown)
    this.say(`slowest suites: ${slowest.map(({ file, ms }) => `${file} ${seconds(ms)}`).join(', ')}`)
  }
}
