import type { EmailAdapter, SendEmailOptions } from 'payload'

export type CapturedEmail = { subject: string; text: string; to: string[] }

export type CaptureEmail = {
  adapter: EmailAdapter<CapturedEmail>
  /** Every message "sent", oldest first. */
  outbox: CapturedEmail[]
}

function recipients(to: SendEmailOptions['to']): string[] {
  const list = Array.isArray(to) ? to : to ? [to] : []
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.address))
}

/**
 * Keeps mail in memory instead of sending it (development and tests), and optionally
 * prints each message so a developer can follow the workflow from the terminal.
 */
export function createCaptureEmail({ print = false }: { print?: boolean } = {}): CaptureEmail {
  const outbox: CapturedEmail[] = []
  const adapter: EmailAdapter<CapturedEmail> = ({ payload }) => ({
    defaultFromAddress: 'verdicts@localhost',
    defaultFromName: 'Verdicts CMS',
    name: 'capture',
    sendEmail: async (message) => {
      const captured = {
        subject: String(message.subject ?? ''),
        text: String(message.text ?? ''),
        to: recipients(message.to),
      }
      outbox.push(captured)
      if (print) {
        payload.logger.info(`Mail (not sent) to ${captured.to.join(', ')}: ${captured.subject}\n${captured.text}`)
      }
      return captured
    },
  })
  return { adapter, outbox }
}
