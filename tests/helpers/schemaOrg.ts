import Validator from '@adobe/structured-data-validator'
import WebAutoExtractor from '@marbec/web-auto-extractor'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

type ExpandedNode = Record<string, Array<{ '@id'?: string; '@value'?: string }> | string | string[]>

const rdfs = 'http://www.w3.org/2000/01/rdf-schema#'
const rdf = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'

/**
 * The schema.org vocabulary, offline, in the shape the validator reads (the compact
 * `@graph` of schema.org's `schemaorg-all-https.jsonld`). It comes from the installed
 * `schemaorg-jsonld` package, whose `schema.json` is the same vocabulary as *expanded*
 * JSON-LD (full IRIs, arrays): classes, properties, subClassOf and domainIncludes are
 * renamed to their compact terms here; nothing is added.
 */
export function schemaOrgVocabulary(): { '@graph': Array<Record<string, unknown>> } {
  const file = createRequire(import.meta.url).resolve('schemaorg-jsonld/schema.json')
  const expanded = JSON.parse(readFileSync(file, 'utf8')) as ExpandedNode[]
  const ids = (value: ExpandedNode[string] | undefined) =>
    Array.isArray(value)
      ? value.flatMap((item) => (typeof item === 'object' && item['@id'] ? [{ '@id': item['@id'] }] : []))
      : []
  return {
    '@graph': expanded.flatMap((node): Array<Record<string, unknown>> => {
      const types = (node['@type'] ?? []) as string[]
      const id = node['@id'] as string
      if (types.includes(`${rdfs}Class`)) {
        return [{ '@id': id, '@type': 'rdfs:Class', 'rdfs:subClassOf': ids(node[`${rdfs}subClassOf`]) }]
      }
      if (types.includes(`${rdf}Property`)) {
        return [
          {
            '@id': id,
            '@type': 'rdf:Property',
            'schema:domainIncludes': ids(node['http://schema.org/domainIncludes']),
          },
        ]
      }
      return []
    }),
  }
}

export type StructuredDataIssue = { fieldNames?: string[]; issueMessage: string; severity: string }

let handlersLoaded: Promise<void> | undefined

/**
 * The validator loads a handler module per type on first use, several at once; Jest's ESM
 * loader fails on concurrent first imports of a shared module, so they are loaded one by one first.
 */
function loadHandlers(): Promise<void> {
  handlersLoaded ??= (async () => {
    const folder = path.join(
      path.dirname(createRequire(import.meta.url).resolve('@adobe/structured-data-validator')),
      'types',
    )
    for (const file of readdirSync(folder).sort()) {
      await import(pathToFileURL(path.join(folder, file)).href)
    }
  })()
  return handlersLoaded
}

/** The JSON-LD items a page carries and every issue the validator finds in them (schema.org and Google's rules). */
export async function validateStructuredData(html: string) {
  const extracted = new WebAutoExtractor({ addLocation: true, embedSource: ['rdfa', 'microdata'] }).parse(html) as {
    jsonld: Record<string, Array<Record<string, unknown>>>
  }
  await loadHandlers()
  const issues = (await new Validator(schemaOrgVocabulary()).validate(extracted)) as StructuredDataIssue[]
  return { issues, jsonld: extracted.jsonld }
}
