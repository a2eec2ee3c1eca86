/* THIS FILE WAS GENERATED AUTOMATICALLY BY PAYLOAD. */
/* DO NOT MODIFY IT BECAUSE IT COULD BE REWRITTEN AT ANY TIME. */
import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import { guardRestHandler } from 'verdicts-cms/next'

// Edited by hand: every handler goes through guardRestHandler first, which refuses bodies,
// ids and paging numbers that Payload's REST handling would answer with a 500 or
// misread (see src/http/guardRest.ts). Keep the wrapping if Payload regenerates this file.
export const GET = guardRestHandler(config, REST_GET(config))
export const POST = guardRestHandler(config, REST_POST(config))
export const DELETE = guardRestHandler(config, REST_DELETE(config))
export const PATCH = guardRestHandler(config, REST_PATCH(config))
export const PUT = guardRestHandler(config, REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
