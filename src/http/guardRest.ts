import type { FlattenedField, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { getFieldByPath } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { defaultSecurityOptions } from '../options.ts'
import type { IdType } from './strictId.ts'

import { idShape, parseStrictId } from './strictId.ts'
import { mediaTypeOf, readCappedBody } from './requestBody.ts'

/**
 * Checks every API request before Payload's REST or GraphQL handler sees it. Those
 * handlers answer some hostile inputs with a 500 (a body of `null` or a form, an id such
 * as `1e309` that reaches the database, a `limit` past the integer range) or, worse, a
 * loose id such as `1 OR 1=1` that SQLite coerces to 1. Payload offers no hook before its
 * body parsing and id lookup, so the app mounts these guards around the handlers
 * (`src/app/(payload)/api/.../route.ts`; the tests call them the same way).
 */
type RouteArgs = { params: Promise<{ slug?: string[] }> }
type RouteHandler = (request: Request, args: RouteArgs) => Promise<Response>

const methodsWithBody = new Set(['PATCH', 'POST', 'PUT'])

/**
 * Paths of Payload's own collection endpoints (payload/dist/collections/endpoints and
 * auth/endpoints, 3.90.2). Sanitized collections list them beside the custom ones; any other
 * path is a custom endpoint, which parses its own ids and speaks JSON only.
 */
const payloadEndpointPaths = new Set([
  '/',
  '/:id',
  '/:id/api-key/reveal',
  '/:id/duplicate',
  '/access',
  '/access/:id?',
  '/count',
  '/distinct',
  '/first-register',
  '/forgot-password',
  '/init',
  '/login',
  '/logout',
  '/me',
  '/refresh-token',
  '/reset-password',
  '/unlock',
  '/verify/:id',
  '/versions',
  '/versions/:id',
])

/** Query parameters Payload turns into numbers, with the largest value that makes sense. */
const numericParams: Record<string, number> = { depth: 10, limit: 1000, page: 1_000_000 }
const wholeNumber = /^(0|[1-9][0-9]{0,8})$/
/** What Payload reads as a number in a query (`1e309` and `Infinity` included). */
const numberLike = /^[+-]?((\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?|infinity|nan)$/i

/** Operators whose value Payload does not read as a number or an id. */
const freeOperators = new Set(['contains', 'exists', 'intersects', 'like', 'near', 'not_like', 'within'])
/** Operators whose value is a list (comma-separated, or `[0]`, `[1]` … items). */
const listOperators = new Set(['all', 'in', 'not_in'])
/** Operators that may ask for no value: `where[tool][equals]=null` (or empty) finds verdicts with no tool. */
const nullableOperators = new Set(['equals', 'not_equals'])

/** What a value must be: a finite number, an id of the database's shape, or anything (null). */
type ValueShape = 'finite' | IdType | null

/** The ids the database gives documents: whole numbers on SQL, ObjectIds on MongoDB. */
function databaseIdShape(config: SanitizedConfig): IdType {
  return config.db.defaultIDType === 'number' ? 'number' : 'text'
}

/**
 * The ids of `slug`'s documents: the database's own, or for a custom id (a top-level field
 * named `id`, as Payload finds it) any finite number or any text, which the app chose.
 */
function idShapeOf(config: SanitizedConfig, slug: string): ValueShape {
  const target = config.collections.find((candidate) => candidate.slug === slug)
  const custom = target?.flattenedFields.find((field) => field.name === 'id')
  if (custom) {
    return custom.type === 'number' ? 'finite' : null
  }
  return databaseIdShape(config)
}

/** The shape a `where` value on `path` must have, or null when any text will do. */
function valueShapeAt(config: SanitizedConfig, collection: SanitizedCollectionConfig, path: string): ValueShape {
  if (path === 'id') {
    return idShapeOf(config, collection.slug)
  }
  const field = getFieldByPath({ fields: collection.flattenedFields, path })?.field
  if (field?.type === 'number') {
    return 'finite'
  }
  if (field?.type !== 'relationship' && field?.type !== 'upload') {
    return null
  }
  const shapes = new Set([field.relationTo].flat().map((slug) => idShapeOf(config, slug)))
  return shapes.size === 1 ? [...shapes][0] : null
}

function fits(shape: Exclude<ValueShape, null>, text: string): boolean {
  return shape === 'finite'
    ? numberLike.test(text.trim()) && Number.isFinite(Number(text))
    : parseStrictId(text, shape) !== null
}

function describeShape(shape: Exclude<ValueShape, null>): string {
  return shape === 'finite' ? 'a finite number' : idShape(shape)
}

/**
 * A `where[…]` value that cannot name what its field holds: a relation or id compared with
 * text (`where[tool][equals]=abc`), a list holding anything but ids (`where[id][in]=[]`, an
 * empty list), a number that overflows (`1e309`), a number id outside the ids' range. Payload
 * hands such values to the database as NaN, Infinity, `1.5` or `abc`, which the SQL adapters
 * and MongoDB refuse, and answers 500. Returns the parameter and what it must be, or null.
 * On a text field anything is text. Found by the API fuzz test.
 */
function malformedWhereValue(
  config: SanitizedConfig,
  collection: SanitizedCollectionConfig,
  url: URL,
): null | { expected: string; key: string } {
  for (const [key, value] of url.searchParams) {
    if (!key.startsWith('where[')) {
      continue
    }
    const segments = [...key.matchAll(/\[([^\]]*)\]/g)]
      .map((match) => match[1])
      .filter((segment) => !/^(and|or|\d*)$/i.test(segment))
    const [path, operator] = segments.length === 2 ? segments : []
    const shape = path && !freeOperators.has(operator) ? valueShapeAt(config, collection, path) : null
    if (!shape) {
      continue
    }
    const wellFormed = listOperators.has(operator)
      ? value.split(',').every((part) => fits(shape, part))
      : (nullableOperators.has(operator) && (value.trim() === '' || value === 'null')) || fits(shape, value)
    if (!wellFormed) {
      const one = shape === 'finite' ? describeShape(shape) : `an id (${describeShape(shape)})`
      return { expected: listOperators.has(operator) ? `a comma-separated list, each item ${one}` : one, key }
    }
  }
  return null
}

function refuse(status: number, message: string, field?: string): Response {
  return Response.json({ errors: [field ? { field, message } : { message }] }, { status })
}

function pluginOptionsOf(config: SanitizedConfig): null | SanitizedVerdictsOptions {
  return (config.custom?.verdictsPlugin as SanitizedVerdictsOptions | undefined) ?? null
}

function decoded(segment: string): null | string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

type CollectionEndpoint = { method: string; path: string }

function endpointsOf(config: SanitizedConfig, collectionSlug: string | undefined): CollectionEndpoint[] {
  const collection = config.collections.find((candidate) => candidate.slug === collectionSlug)
  return collection && Array.isArray(collection.endpoints) ? (collection.endpoints as CollectionEndpoint[]) : []
}

/** Whether an endpoint path such as `/:id/workflow` or `/access/:id?` matches the segments. */
function pathMatches(path: string, segments: string[]): boolean {
  const parts = path.split('/').filter(Boolean)
  const required = parts.filter((part) => !part.endsWith('?')).length
  if (segments.length < required || segments.length > parts.length) {
    return false
  }
  return segments.every((segment, index) => parts[index].startsWith(':') || parts[index] === segment)
}

/** The collection endpoints Payload would route this request to (custom ones and its own). */
function routeOf(config: SanitizedConfig, method: string, slug: string[]) {
  const matching = endpointsOf(config, slug[0]).filter(
    (endpoint) => endpoint.method.toUpperCase() === method && pathMatches(endpoint.path, slug.slice(1)),
  )
  return {
    custom: matching.some((endpoint) => !payloadEndpointPaths.has(endpoint.path)),
    literal: matching.some((endpoint) => !endpoint.path.split('/').filter(Boolean)[0]?.startsWith(':')),
  }
}

/**
 * Path and query checks: strict ids wherever Payload's own routes take one (custom
 * endpoints such as `/:id/workflow` parse theirs with `documentIdParam` and answer 404),
 * sane paging numbers.
 */
function checkPathAndQuery(config: SanitizedConfig, method: string, url: URL, slug: string[]): null | Response {
  for (const [name, maximum] of Object.entries(numericParams)) {
    const value = url.searchParams.get(name)
    if (value !== null && (!wholeNumber.test(value) || Number(value) > maximum)) {
      return refuse(400, `${name} must be a whole number from 0 to ${maximum}, without leading zeros.`, name)
    }
  }
  const segments = slug.map((segment) => decoded(segment))
  if (segments.some((segment) => segment === null)) {
    return refuse(400, 'the path is not valid percent-encoding.', 'id')
  }
  const [collectionSlug, first, second] = segments as string[]
  const collection = config.collections.find((candidate) => candidate.slug === collectionSlug)
  if (!collection) {
    return null
  }
  const malformed = malformedWhereValue(config, collection, url)
  if (malformed) {
    return refuse(400, `${malformed.key} must be ${malformed.expected}.`, malformed.key)
  }
  if (first === undefined) {
    return null
  }
  const route = routeOf(config, method, segments as string[])
  if (route.custom) {
    return null
  }
  // `/versions/:id` and `/access/:id?` take the id second; a literal route (`/login`,
  // `/count`) none; everything else (`/:id`, and paths no route takes) the first segment.
  // A version's id is the database's own, even where the documents have custom ids.
  const idSegment = first === 'versions' || first === 'access' ? second : route.literal ? undefined : first
  const shape = first === 'versions' ? databaseIdShape(config) : idShapeOf(config, collection.slug)
  if (idSegment !== undefined && shape && !fits(shape, idSegment)) {
    return refuse(
      400,
      `"${idSegment.slice(0, 40)}" is not a ${collection.slug} id: ids are ${describeShape(shape)}.`,
      'id',
    )
  }
  return null
}

/** A JSON object: not null, not a list. */
const isPlainObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * Body checks: size, media type, and JSON that is an object. Returns the request to hand
 * on (with the body already read), or the refusal.
 */
async function checkBody(
  request: Request,
  options: SanitizedVerdictsOptions['security'],
  {
    customEndpoint,
    fields,
    formPosts,
    isPublic,
  }: { customEndpoint: boolean; fields?: FlattenedField[]; formPosts: boolean; isPublic: boolean },
): Promise<Request | Response> {
  if (!methodsWithBody.has(request.method) && !request.body) {
    return request
  }
  const maxBytes = isPublic ? options.publicMaxBodyBytes : options.maxBodyBytes
  const body = await readCappedBody(request, maxBytes)
  if (!body.ok) {
    return refuse(413, `the request body is larger than ${maxBytes} bytes.`)
  }
  if (body.bytes.byteLength === 0) {
    if (!methodsWithBody.has(request.method)) {
      return new Request(request.url, { headers: request.headers, method: request.method })
    }
    // Payload's create and update read fields off the body without checking it exists (a
    // 500 for an empty POST): an empty body is sent on as an empty JSON object.
    const headers = new Headers(request.headers)
    headers.set('content-type', 'application/json')
    return new Request(request.url, { body: '{}', headers, method: request.method })
  }
  const rebuilt = new Request(request.url, { body: body.bytes, headers: request.headers, method: request.method })
  const mediaType = mediaTypeOf(request.headers.get('content-type'))
  // The admin saves documents as multipart forms; everything else, and every custom
  // endpoint, speaks JSON only (a form or text/plain POST is what a cross-site page can send).
  if (mediaType === 'multipart/form-data' && !customEndpoint) {
    return (await multipartProblem(rebuilt.clone())) ?? rebuilt
  }
  if (formPosts && mediaType === 'application/x-www-form-urlencoded') {
    return rebuilt
  }
  if (mediaType !== 'application/json') {
    return refuse(415, 'Content-Type must be application/json.', 'Content-Type')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.bytes))
  } catch {
    return refuse(400, 'the request body is not valid JSON.', 'body')
  }
  if (!isPlainObject(parsed)) {
    return refuse(400, 'the request body must be a JSON object.', 'body')
  }
  const group = fields ? groupNotAnObject(fields, parsed as Record<string, unknown>) : null
  if (group) {
    return refuse(400, `${group} must be an object.`, group)
  }
  return rebuilt
}

/**
 * A group field (`pricing`) sent as something other than an object (`"pricing": null`):
 * Payload's field hooks read the group's subfields off it and answer 500. Returns its path
 * (`pricing`, or `outer.inner` within a group), or null. Found by the API fuzz test.
 */
function groupNotAnObject(fields: FlattenedField[], data: Record<string, unknown>, prefix = ''): null | string {
  for (const field of fields) {
    if (field.type !== 'group' || !(field.name in data)) {
      continue
    }
    const value = data[field.name]
    if (!isPlainObject(value)) {
      return `${prefix}${field.name}`
    }
    const inner = groupNotAnObject(field.flattenedFields, value as Record<string, unknown>, `${prefix}${field.name}.`)
    if (inner) {
      return inner
    }
  }
  return null
}

/** A multipart body Payload could not read (it answers those with a 500), or null. */
async function multipartProblem(request: Request): Promise<null | Response> {
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return refuse(400, 'the multipart body is malformed.', 'body')
  }
  const data = form.get('_payload')
  if (data === null) {
    return null
  }
  try {
    const parsed: unknown = JSON.parse(typeof data === 'string' ? data : await data.text())
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return null
    }
  } catch {
    // falls through to the refusal
  }
  return refuse(400, 'the _payload field must be a JSON object.', '_payload')
}

/** Set in an endpoint's `custom` when it takes HTML form posts as well as JSON. */
export const formPostsFlag = 'verdictsAcceptsFormPosts'

/** Whether the root endpoint this request reaches takes form posts (see `formPostsFlag`). */
function acceptsFormPosts(config: SanitizedConfig, method: string, slug: string[]): boolean {
  return (config.endpoints ?? []).some(
    (endpoint) =>
      endpoint.method.toUpperCase() === method &&
      endpoint.custom?.[formPostsFlag] === true &&
      pathMatches(endpoint.path, slug),
  )
}

function isCustomEndpoint(config: SanitizedConfig, method: string, slug: string[]): boolean {
  return slug[0] === 'public' || routeOf(config, method, slug).custom
}

/**
 * Payload's admin loads relationship options with a POST that says it is a GET
 * (`X-Payload-HTTP-Method-Override: GET`) and carries its query string, form-encoded, as
 * the body, so that long queries fit; Payload reads it as that GET. Such a request is
 * checked as the GET it stands for.
 */
function isReadOverride(request: Request): boolean {
  return (
    request.method === 'POST' &&
    (request.headers.get('x-payload-http-method-override') === 'GET' ||
      request.headers.get('x-http-method-override') === 'GET') &&
    mediaTypeOf(request.headers.get('content-type')) === 'application/x-www-form-urlencoded'
  )
}

async function guardReadOverride(
  config: SanitizedConfig,
  security: SanitizedVerdictsOptions['security'],
  request: Request,
  url: URL,
  slug: string[],
  handler: RouteHandler,
): Promise<Response> {
  const body = await readCappedBody(request, security.maxBodyBytes)
  if (!body.ok) {
    return refuse(413, `the request body is larger than ${security.maxBodyBytes} bytes.`)
  }
  const query = new TextDecoder().decode(body.bytes)
  const asRead = new URL(url)
  asRead.search = [url.search.replace(/^\?/, ''), query].filter(Boolean).join('&')
  const refusal = checkPathAndQuery(config, 'GET', asRead, slug)
  if (refusal) {
    return refusal
  }
  const rebuilt = new Request(request.url, { body: body.bytes, headers: request.headers, method: request.method })
  return handler(rebuilt, { params: Promise.resolve({ slug }) })
}

/** Wraps a REST route handler (`REST_GET(config)`, …) with the checks above. */
export function guardRestHandler(
  configPromise: Promise<SanitizedConfig> | SanitizedConfig,
  handler: RouteHandler,
): RouteHandler {
  return async (request, args) => {
    const config = await configPromise
    const security = pluginOptionsOf(config)?.security ?? defaultSecurityOptions
    const slug = (await args.params).slug ?? []
    const url = new URL(request.url)
    if (isReadOverride(request)) {
      return guardReadOverride(config, security, request, url, slug, handler)
    }
    const customEndpoint = isCustomEndpoint(config, request.method, slug)
    const pathRefusal = checkPathAndQuery(config, request.method, url, slug)
    if (pathRefusal) {
      return pathRefusal
    }
    const checked = await checkBody(request, security, {
      customEndpoint,
      // A document's fields, for Payload's own create and update routes.
      fields: customEndpoint
        ? undefined
        : config.collections.find((collection) => collection.slug === slug[0])?.flattenedFields,
      formPosts: acceptsFormPosts(config, request.method, slug),
      isPublic: slug[0] === 'public',
    })
    if (checked instanceof Response) {
      return checked
    }
    return handler(checked, { params: Promise.resolve({ slug }) })
  }
}

/** Wraps the GraphQL route handler: body size and a JSON object body. */
export function guardGraphqlHandler(
  configPromise: Promise<SanitizedConfig> | SanitizedConfig,
  handler: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const config = await configPromise
    const security = pluginOptionsOf(config)?.security ?? defaultSecurityOptions
    const checked = await checkBody(request, security, { customEndpoint: true, formPosts: false, isPublic: false })
    return checked instanceof Response ? checked : handler(checked)
  }
}
