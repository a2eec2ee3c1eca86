import type { DigestItem } from './digest.ts'

/**
 * The newsletter's mails as plain text and HTML. Everything interpolated into HTML is
 * escaped here; links come only from our own URLs.
 */
export type RenderedMail = { html: string; subject: string; text: string }

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

const shell = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>` +
  `<body style="margin:0;padding:24px;background:#f6f6f4;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1c1c1c">` +
  `<div style="max-width:600px;margin:0 auto;background:#fff;padding:24px;border-radius:8px">${body}</div></body></html>`

export function confirmationMail(args: { confirmUrl: string; expiresInHours: number }): RenderedMail {
  const subject = 'Confirm your subscription to Weekly AI Tool Verdicts'
  const text = [
    'Someone, hopefully you, asked to receive Weekly AI Tool Verdicts at this address.',
    '',
    `Confirm within ${args.expiresInHours} hours by opening this link:`,
    args.confirmUrl,
    '',
    'If it was not you, ignore this mail: without confirmation nothing will be sent.',
  ].join('\n')
  const html = shell(
    subject,
    `<h1 style="font-size:20px">Weekly AI Tool Verdicts</h1>` +
      `<p>Someone, hopefully you, asked to receive the newsletter at this address.</p>` +
      `<p><a href="${escapeHtml(args.confirmUrl)}" style="display:inline-block;padding:10px 16px;background:#1f4fd1;color:#fff;text-decoration:none;border-radius:6px">Confirm my subscription</a></p>` +
      `<p style="color:#555">The link works for ${args.expiresInHours} hours. If it was not you, ignore this mail: without confirmation nothing will be sent.</p>`,
  )
  return { html, subject, text }
}

/** Replaced per subscriber; rendering the digest once keeps a 10,000-recipient send cheap. */
export const unsubscribePlaceholder = '%%UNSUBSCRIBE_URL%%'

export type DigestContent = { intro: null | string; items: DigestItem[]; title: string }

export function digestTemplate(issue: DigestContent): RenderedMail {
  const intro = issue.intro?.trim() ?? ''
  const textItems = issue.items.map((item) =>
    [`• ${item.title}`, `  ${item.text}`, ...(item.url ? [`  ${item.url}`] : [])].join('\n'),
  )
  const text = [
    issue.title,
    '',
    ...(intro ? [intro, ''] : []),
    ...textItems.flatMap((item) => [item, '']),
    '—',
    'You receive this because you subscribed to Weekly AI Tool Verdicts.',
    `Unsubscribe: ${unsubscribePlaceholder}`,
  ].join('\n')
  const htmlItems = issue.items
    .map(
      (item) =>
        `<li style="margin:0 0 16px"><strong>${item.url ? `<a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a>` : escapeHtml(item.title)}</strong><br>${escapeHtml(item.text)}</li>`,
    )
    .join('')
  const html = shell(
    issue.title,
    `<h1 style="font-size:20px">${escapeHtml(issue.title)}</h1>` +
      (intro
        ? intro
            .split(/\n{2,}/)
            .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
            .join('')
        : '') +
      `<ul style="padding-left:20px">${htmlItems}</ul>` +
      `<p style="color:#555;font-size:13px">You receive this because you subscribed to Weekly AI Tool Verdicts. <a href="${unsubscribePlaceholder}">Unsubscribe</a></p>`,
  )
  return { html, subject: issue.title, text }
}

/** The digest for one subscriber, with the RFC 8058 one-click unsubscribe headers. */
export function personalize(template: RenderedMail, unsubscribeUrl: string) {
  return {
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    html: template.html.replaceAll(unsubscribePlaceholder, escapeHtml(unsubscribeUrl)),
    subject: template.subject,
    text: template.text.replaceAll(unsubscribePlaceholder, unsubscribeUrl),
  }
}

/** A small HTML page for the links readers open (confirm, unsubscribe). */
export function newsletterPage(title: string, body: string): string {
  return shell(title, `<main><h1 style="font-size:22px">${escapeHtml(title)}</h1>${body}</main>`)
}
