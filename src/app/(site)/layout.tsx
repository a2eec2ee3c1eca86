import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { siteSettings } from '../../site/settings.ts'
import './site.css'

export const metadata: Metadata = {
  description: 'AI tools compared side by side: a panel verdict, the pricing and the community vote.',
  metadataBase: new URL(siteSettings().siteUrl),
  title: { default: 'Verdicts', template: '%s · Verdicts' },
}

/** The reference consumer site; its own root layout, apart from the admin's. */
export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="site">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <a className="site-brand" href="/compare">
            Verdicts
          </a>
          <nav aria-label="Site">
            <a href="/compare">All comparisons</a>
            <a href="/methodology">How we count</a>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>
            Verdicts are written by a panel of reviewers, each with their own lens. Ship % counts published verdicts
            only.
          </p>
        </footer>
      </body>
    </html>
  )
}
