import { matchupSlug } from '../../src/catalog/slugify.ts'
import { demoMatchups } from '../../src/demo/demoContent.ts'

/** Slugs of the demo matchups, built from their tools as the app builds them. */
const slugOf = (index: number) => matchupSlug(demoMatchups[index].left, demoMatchups[index].right)

export const demoMatchupSlugs = {
  familyPair: slugOf(3),
  flashLiteVsCodeLlama: slugOf(0),
  localVsHosted: slugOf(4),
  vsMistralNext: slugOf(2),
  vsMistralSmall: slugOf(1),
}
