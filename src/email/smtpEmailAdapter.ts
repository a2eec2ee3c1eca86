import type { Socket } from 'node:net'
import type { EmailAdapter } from 'payload'

import { connect } from 'node:net'
import nodemailer from 'nodemailer'

import { createCaptureEmail } from './captureEmailAdapter.ts'

/**
 * A Payload email adapter over nodemailer's pooled SMTP transport. It is what
 * `@payloadcms/email-nodemailer` does (that package has no 3.90.2 release to pin beside
 * the other @payloadcms packages), in a few lines: the pool keeps a handful of SMTP
 * connections open, so a newsletter send is not one TCP + TLS handshake per message.
 */
export function createSmtpEmailAdapter(args: { from?: string; url: string }): EmailAdapter {
  const from = parseFrom(args.from)
  return ({ payload }) => {
    const transport = nodemailer.createTransport({ ...smtpTransportOptions(args.url), getSocket: openSmtpSocket })
    // A pooled connection the server drops while idle is reopened on the next message;
    // unheard, nodemailer's 'error' event would end the process.
    transport.on('error', (error) => payload.logger.warn({ err: error, msg: 'SMTP connection error' }))
    return {
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      name: 'smtp',
      sendEmail: async (message) =>
        transport.sendMail({ from: { address: from.address, name: from.name }, ...message }),
    }
  }
}

/**
 * nodemailer's own URL form ignores every option beside `url`, so the URL is read here:
 * smtps:// is TLS from the start, smtp:// upgrades with STARTTLS when the server offers it.
 */
export function smtpTransportOptions(url: string) {
  const parsed = new URL(url)
  const secure = parsed.protocol === 'smtps:'
  return {
    auth: parsed.username
      ? { pass: decodeURIComponent(parsed.password), user: decodeURIComponent(parsed.username) }
      : undefined,
    host: parsed.hostname,
    maxConnections: 5,
    pool: true as const,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
  }
}

type SocketCallback = (error: Error | null, socketOptions?: { connection: Socket }) => void

/**
 * Opens the TCP connection for nodemailer with Nagle's algorithm off. nodemailer writes a
 * message's body and its closing "." separately; with Nagle on, the "." waits for the
 * server's delayed ACK, 40 ms per message on every connection (measured: 100 messages/s
 * over 5 connections with Nagle, over 1,000 without). TLS (smtps:, STARTTLS) is still
 * negotiated by nodemailer over this socket.
 */
export function openSmtpSocket(options: { host?: string; port?: number }, callback: SocketCallback): void {
  const socket = connect({ host: options.host, port: options.port ?? 587 })
  const fail = (error: Error) => callback(error)
  socket.setTimeout(10_000, () =>
    socket.destroy(new Error(`SMTP connection to ${options.host}:${options.port} timed out`)),
  )
  socket.once('error', fail)
  socket.once('connect', () => {
    socket.removeListener('error', fail)
    socket.setTimeout(0)
    socket.setNoDelay(true)
    callback(null, { connection: socket })
  })
}

/** `EMAIL_FROM`: `Name <address>` or a bare address. */
export function parseFrom(value: string | undefined): { address: string; name: string } {
  const text = value?.trim()
  if (!text) {
    return { address: 'verdicts@localhost', name: 'Weekly AI Tool Verdicts' }
  }
  const match = /^(.*)<([^>]+)>$/.exec(text)
  return match
    ? { address: match[2].trim(), name: match[1].trim().replace(/^"|"$/g, '') || 'Weekly AI Tool Verdicts' }
    : { address: text, name: 'Weekly AI Tool Verdicts' }
}

/**
 * The app's mail: `SMTP_URL` (smtp:// or smtps://, e.g. smtp://user:pass@host:587)
 * sends through that server, from `EMAIL_FROM`; unset, mail is printed to the log and
 * kept in memory (the embedded default needs no mail server).
 */
export function emailAdapterFromEnv(env: NodeJS.ProcessEnv = process.env): EmailAdapter {
  const url = env.SMTP_URL?.trim()
  if (url) {
    if (!/^smtps?:\/\//.test(url)) {
      throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${url.replace(/\/\/[^@]*@/, '//…@')}"`)
    }
    return createSmtpEmailAdapter({ from: env.EMAIL_FROM, url })
  }
  return createCaptureEmail({ print: true }).adapter
}
