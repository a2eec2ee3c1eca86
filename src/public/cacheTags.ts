/** Cache tags name the pages a change affects; webhooks carry them, consumers purge by them. */
export const toolTag = (slug: string) => `tool:${slug}`
export const matchupTag = (slug: string) => `matchup:${slug}`
