import config from '@payload-config'

import { createMatchupRoute } from 'verdicts-cms/next'

export const GET = createMatchupRoute(config)
