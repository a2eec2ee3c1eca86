// The validator and extractor ship JavaScript without type declarations; tests use this much of them.
declare module '@adobe/structured-data-validator' {
  export default class Validator {
    constructor(schemaOrgJson?: unknown)
    validate(extracted: unknown): Promise<unknown[]>
  }
}

declare module '@marbec/web-auto-extractor' {
  export default class WebAutoExtractor {
    constructor(options?: Record<string, unknown>)
    parse(html: string): unknown
  }
}
