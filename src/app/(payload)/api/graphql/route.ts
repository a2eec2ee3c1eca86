/* THIS FILE WAS GENERATED AUTOMATICALLY BY PAYLOAD. */
/* DO NOT MODIFY IT BECAUSE IT COULD BE REWRITTEN AT ANY TIME. */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { guardGraphqlHandler } from 'verdicts-cms/next'

// Edited by hand: a body that is not a JSON object got a 500 from GraphQL's handler.
export const POST = guardGraphqlHandler(config, GRAPHQL_POST(config))

export const OPTIONS = REST_OPTIONS(config)
