import config from '@payload-config'

import { createMatchupRoute } from '../../../../../../public/matchupRoute'

export const GET = createMatchupRoute(config)
