import type { TextFieldSingleValidation } from 'payload'

import { isValidSlug } from '../lib/slugify'

export const validateSlug: TextFieldSingleValidation = (value) => {
  if (value === null || value === undefined || value === '') {
    return 'A slug is required (it is derived from the name when left empty).'
  }
  return isValidSlug(value)
    ? true
    : 'Use lowercase letters, digits and single dashes, for example "mistral-3-small".'
}
