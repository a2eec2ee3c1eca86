import type { Payload } from 'payload'

import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

import { guardGraphqlHandler, guardRestHandler } from '../../src/http/guardRest.ts'

type Method = 'DELETE' | 'GET' | 'PATCH' | 'POST'

export type RestResponse<T = Record<string, unknown>> = {
  body: T
  headers: Headers
  status: number
}

export type RestClient = {
  graphql: (query: string, token?: string) => Promise<RestResponse>
  request: <T = Record<string, unknown>>(
    method: Method,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; rawBody?: string; token?: string },
  ) => Promise<RestResponse<T>>
}

/** Calls the same route handlers the Next.js app mounts at /api, without a server. */
export function restClient(payload: Payload): RestClient {
  const { config } = payload
  const handlers = {
    DELETE: guardRestHandler(config, REST_DELETE(config)),
    GET: guardRestHandler(config, REST_GET(config)),
    PATCH: guardRestHandler(config, REST_PATCH(config)),
    POST: guardRestHandler(config, REST_POST(config)),
  }
  const graphqlHandler = guardGraphqlHandler(config, GRAPHQL_POST(config))
  const base = 'http://localhost:3000/api'

  async function toResult<T>(response: Response): Promise<RestResponse<T>> {
    const text = await response.text()
    let body: unknown = {}
    try {
      body = text ? JSON.parse(text) : {}
    } catch {
      body = { text }
    }
    return {
      body: body as T,
      headers: response.headers,
      status: response.status,
    }
  }

  function headersFor(token?: string): Headers {
    const headers = new Headers({ 'Content-Type': 'application/json' })
    if (token) {
      headers.set('Authorization', `JWT ${token}`)
    }
    return headers
  }

  return {
    async graphql(query, token) {
      const request = new Request(`${base}/graphql`, {
        body: JSON.stringify({ query }),
        headers: headersFor(token),
        method: 'POST',
      })
      return toResult(await graphqlHandler(request))
    },
    async request(method, path, options = {}) {
      const url = new URL(`${base}${path}`)
      const slug = url.pathname
        .replace(/^\/api\//, '')
        .split('/')
        .filter(Boolean)
      const headers = headersFor(options.token)
      for (const [name, value] of Object.entries(options.headers ?? {})) {
        headers.set(name, value)
      }
      const request = new Request(url, {
        body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
        headers,
        method,
      })
      const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
      return toResult(response)
    },
  }
}

/** Takes a workflow action through `POST /api/<collection>/:id/workflow`. */
export function workflowAction(
  rest: RestClient,
  collection: string,
  id: number | string,
  action: string,
  token?: string,
  comment?: string,
) {
  return rest.request<{ errors?: Array<{ field?: string; message: string }>; stage?: string; status?: string }>(
    'POST',
    `/${collection}/${id}/workflow`,
    { body: { action, comment }, token },
  )
}

/** Logs a user in through the Local API and returns the JWT for REST calls. */
export async function tokenFor(payload: Payload, email: string, password: string): Promise<string> {
  const result = await payload.login({ collection: 'users', data: { email, password } })
  if (!result.token) {
    throw new Error(`no token for ${email}`)
  }
  return result.token
}
