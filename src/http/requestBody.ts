/** Reads a request body, stopping as soon as it passes `maxBytes`. */
export type CappedBody = { bytes: Uint8Array<ArrayBuffer>; ok: true } | { ok: false }

export async function readCappedBody(request: Request, maxBytes: number): Promise<CappedBody> {
  const declared = Number(request.headers.get('content-length') ?? '')
  if (Number.isFinite(declared) && declared > maxBytes) {
    return { ok: false }
  }
  if (!request.body) {
    return { bytes: new Uint8Array(0), ok: true }
  }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) {
      break
    }
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      return { ok: false }
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { bytes, ok: true }
}

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaTypeOf(contentType: null | string): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase()
}
