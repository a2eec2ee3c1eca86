import { describe, expect, it } from '@jest/globals'

import { formatLogLine } from '../../src/demo/cli/stderrLogger.ts'

describe("the CLI's log lines", () => {
  it('turn pino JSON into one short line, with the stack of an error', () => {
    const time = new Date(2026, 10, 22, 9, 5, 7).getTime()
    expect(formatLogLine(JSON.stringify({ level: 30, msg: 'Enabling WAL mode', time }))).toBe(
      '[09:05:07] INFO: Enabling WAL mode\n',
    )
    expect(
      formatLogLine(JSON.stringify({ err: { stack: 'Error: boom\n    at x' }, level: 50, msg: 'failed', time })),
    ).toBe('[09:05:07] ERROR: failed\nError: boom\n    at x\n')
  })

  it('pass anything else through as a line', () => {
    expect(formatLogLine('not json')).toBe('not json\n')
  })
})
