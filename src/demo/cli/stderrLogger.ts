import type { SanitizedConfig } from 'payload'

const levelNames: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
}

/** One pino JSON line as a short human line: `[12:00:01] INFO: message`. */
export function formatLogLine(line: string): string {
  try {
    const entry = JSON.parse(line) as { err?: { stack?: string }; level?: number; msg?: string; time?: number }
    const time = new Date(entry.time ?? Date.now()).toTimeString().slice(0, 8)
    const stack = entry.err?.stack ? `\n${entry.err.stack}` : ''
    return `[${time}] ${levelNames[entry.level ?? 30] ?? 'LOG'}: ${entry.msg ?? ''}${stack}\n`
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`
  }
}

/**
 * The config with Payload's logger writing to stderr. Payload's default logger writes to
 * file descriptor 1 directly, past any redirect of process.stdout, which would mix its
 * lines into a command's output (JSON meant for a pipe).
 */
export function withLoggerOnStderr(config: SanitizedConfig): SanitizedConfig {
  return {
    ...config,
    logger: {
      destination: { write: (line: string) => process.stderr.write(formatLogLine(line)) },
      // Payload types these options with every pino field required; pino itself needs none.
      options: { level: 'info' } as Extract<SanitizedConfig['logger'], { options: unknown }>['options'],
    },
  }
}
