import { siteSettings } from '../settings.ts'

/** This app's subscribe endpoint, when SITE_NEWSLETTER_URL names no other. */
const ownSubscribeEndpoint = '/api/public/newsletter/subscribe'

/**
 * The call to action that closes every comparison page: a plain HTML form (no script
 * needed) that posts the address to the newsletter's subscribe endpoint, which answers
 * with a page saying a confirmation mail is on its way. `source` is the page's path,
 * recorded with the reader's consent.
 */
export function NewsletterCta({ source }: { source?: string }) {
  const { newsletterUrl } = siteSettings()
  return (
    <aside aria-labelledby="newsletter-title" className="newsletter" id="newsletter">
      <h2 id="newsletter-title">Weekly AI Tool Verdicts</h2>
      <p className="newsletter-lede">Get the next comparison in your inbox.</p>
      <p>Two tools, one panel, a straight answer each week — before you spend an afternoon finding out yourself.</p>
      <form action={newsletterUrl ?? ownSubscribeEndpoint} className="newsletter-form" method="post">
        <label htmlFor="newsletter-email">Your e-mail address</label>
        <div className="newsletter-fields">
          <input
            autoComplete="email"
            id="newsletter-email"
            name="email"
            placeholder="you@example.com"
            required
            type="email"
          />
          {source ? <input name="source" type="hidden" value={source} /> : null}
          <button className="button" type="submit">
            Subscribe
          </button>
        </div>
        <p className="newsletter-fineprint">
          We send a confirmation link first; every issue has a one-click unsubscribe.
        </p>
      </form>
    </aside>
  )
}
