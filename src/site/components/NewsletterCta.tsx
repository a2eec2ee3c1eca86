import { siteSettings } from '../settings.ts'

/** The call to action that closes every comparison page. */
export function NewsletterCta() {
  const { newsletterUrl } = siteSettings()
  return (
    <aside aria-labelledby="newsletter-title" className="newsletter">
      <h2 id="newsletter-title">Weekly AI Tool Verdicts</h2>
      <p className="newsletter-lede">Get the next comparison in your inbox.</p>
      <p>Two tools, one panel, a straight answer each week — before you spend an afternoon finding out yourself.</p>
      {newsletterUrl ? (
        <a className="button" href={newsletterUrl}>
          Subscribe
        </a>
      ) : null}
    </aside>
  )
}
