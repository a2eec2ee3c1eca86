import type { RichTextFieldValidation } from 'payload'

import { validations } from 'payload'

import { hasVisibleContent, plainTextOf, richTextLength } from './richText.ts'

type RichTextRules = {
  /** What the messages call the field: "The quote …". */
  label: string
  /** Most characters of text (see `richTextLength`); unset: no limit. */
  maxLength?: number
}

/**
 * Payload's own rich text validation (required, each node's rules) plus ours: text that is
 * only whitespace is no text (a quote of spaces would be published and counted in the
 * score), and an optional length limit. Runs on every save, drafts included, and in the
 * admin form, so the message appears under the field.
 */
export function validateRichText({ label, maxLength }: RichTextRules): RichTextFieldValidation {
  return async (value, options) => {
    const typedSomething = plainTextOf(value) !== ''
    if (!hasVisibleContent(value) && (options.required || typedSomething)) {
      return typedSomething
        ? `${label} contains only spaces; write some text${options.required ? '' : ' or clear it'}.`
        : `${label} is required.`
    }
    if (maxLength !== undefined) {
      const length = richTextLength(value)
      if (length > maxLength) {
        return `${label} is ${length.toLocaleString('en')} characters long; the most is ${maxLength.toLocaleString('en')}.`
      }
    }
    return validations.richText(value, options)
  }
}
