import { describe, expect, it } from '@jest/globals'

import { keepErrorDetails } from '../../src/http/keepErrorDetails.ts'

const fieldErrors = { errors: [{ message: 'This reviewer persona already has a verdict on this tool.', path: 'tool' }] }
const validation = Object.assign(new Error('The following field is invalid: Tool'), {
  data: fieldErrors,
  name: 'ValidationError',
  status: 400,
})
const call = (error: Error, result: unknown) => keepErrorDetails({ error, result } as never)

describe('keepErrorDetails', () => {
  it("puts back a 400's field messages that Payload's formatting dropped", () => {
    expect(call(validation, { errors: [{ message: validation.message }] })).toEqual({
      response: { errors: [{ data: fieldErrors, message: validation.message, name: 'ValidationError' }] },
    })
  })

  it('leaves responses that have their details, and server errors, alone', () => {
    expect(call(validation, { errors: [{ data: fieldErrors, message: validation.message }] })).toBeUndefined()
    expect(call(Object.assign(new Error('boom'), { data: fieldErrors, status: 500 }), { errors: [{}] })).toBeUndefined()
  })
})
