import type { ClashLookup } from './admin/InlineFieldError.tsx'

/**
 * A field's `admin.components.Error`: its message inline under the field, and with `clash`
 * a link to the record its value clashes with (see `InlineFieldError`).
 */
export function inlineFieldError(clash?: ClashLookup) {
  return { clientProps: clash ? { clash } : {}, path: 'verdicts-cms/client#InlineFieldError' }
}

/** A checkbox's list cell that shows its label only when the flag is set (see `FlagCell`). */
export const flagCell = 'verdicts-cms/client#FlagCell'

/** A read-only JSON field as plain text, without Payload's CDN-loaded editor (see `ReadOnlyJson`). */
export const readOnlyJson = 'verdicts-cms/client#ReadOnlyJson'
