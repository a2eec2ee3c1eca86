/**
 * What a client may store in a rich text (Lexical) field, checked before Payload's own
 * Lexical hooks walk the tree (they fail with a 500 on a malformed one) and before the
 * value is stored (a `javascript:` link would otherwise come back raw from REST and
 * GraphQL to every consumer that renders Lexical itself). Pure: no Payload import.
 */
const maxDepth = 50
const safeSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/** True for URLs a reader can follow safely: http(s), mailto, tel, or relative. */
export function isSafeLinkUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '')
  if (compact === '' || compact.startsWith('/') || compact.startsWith('#') || compact.startsWith('?')) {
    return true
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)
  if (!scheme) {
    // No scheme: a relative path such as "pricing.html".
    return true
  }
  return safeSchemes.has(`${scheme[1].toLowerCase()}:`)
}

/** Null when `value` is a well-formed Lexical document with safe links, else what is wrong. */
export function richTextProblem(value: unknown): null | string {
  if (value === null || value === undefined) {
    return null
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return 'must be a rich text document ({"root": {...}})'
  }
  const root = (value as { root?: unknown }).root
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    return 'must have a "root" node'
  }
  return nodeProblem(root as Record<string, unknown>, 0)
}

function nodeProblem(node: Record<string, unknown>, depth: number): null | string {
  if (depth > maxDepth) {
    return `nests deeper than ${maxDepth} levels`
  }
  if (depth > 0 && typeof node.type !== 'string') {
    return 'has a node without a "type"'
  }
  if (node.type === 'link' || node.type === 'autolink') {
    const fields = (node.fields ?? {}) as { linkType?: unknown; url?: unknown }
    if (fields.linkType !== 'internal' && fields.url !== undefined && fields.url !== null) {
      if (typeof fields.url !== 'string' || !isSafeLinkUrl(fields.url)) {
        return `has a link to "${String(fields.url).slice(0, 60)}": links must be http(s), mailto, tel or relative`
      }
    }
  }
  if (node.children === undefined && depth > 0) {
    return null
  }
  if (!Array.isArray(node.children)) {
    return 'has a node whose "children" is not a list'
  }
  for (const child of node.children) {
    if (!child || typeof child !== 'object' || Array.isArray(child)) {
      return 'has a child that is not a node'
    }
    const problem = nodeProblem(child as Record<string, unknown>, depth + 1)
    if (problem) {
      return problem
    }
  }
  return null
}
