/**
 * The default review panel: the personas the publication's pages use, in scorecard order.
 * This is data, not behaviour. The demo seed writes it, and `import` writes it into a
 * database that has no personas yet. After that the personas live in the database and
 * editors change them in the admin (Panel → Reviewer personas).
 *
 * `voiceMarkers` are the short phrases that identify a persona's voice. The importer
 * attributes a quote to the persona whose markers it contains most (case-insensitive);
 * see "Importing pages" in the README.
 */

export type PanelPersona = {
  lens: string
  name: string
  /** Scorecard order, lowest first. */
  position: number
  slug: string
  voiceMarkers: string[]
}

export const defaultPanel: PanelPersona[] = [
  {
    name: 'The Builder',
    slug: 'builder',
    position: 1,
    lens: 'Developer experience: what the primitive is, the DX bet behind it, and the moment of truth when you first wire it in.',
    voiceMarkers: ['the primitive', 'the DX bet', 'the moment of truth'],
  },
  {
    name: 'The Skeptic',
    slug: 'skeptic',
    position: 2,
    lens: 'Competition: who the direct competitors are, where the tool breaks, and what kills it in twelve months.',
    voiceMarkers: ['direct competitor', 'where this breaks', 'what kills'],
  },
  {
    name: 'The Futurist',
    slug: 'futurist',
    position: 3,
    lens: 'The thesis a tool bets on, and the second-order effects if that bet is right.',
    voiceMarkers: ['the thesis', 'second-order effect', 'the future state'],
  },
  {
    name: 'The Buyer',
    slug: 'buyer',
    position: 4,
    lens: 'Business: who signs the cheque, whether the pricing holds up, and the moat.',
    voiceMarkers: ['the buyer', 'the moat', 'moat question'],
  },
  {
    name: 'The Product Lead',
    slug: 'product-lead',
    position: 5,
    lens: 'Product: the job-to-be-done, the first hour of onboarding, and how complete the thing feels.',
    voiceMarkers: ['the job-to-be-done', 'onboarding', 'completeness'],
  },
]
