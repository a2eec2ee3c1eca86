import type { AfterErrorHook } from 'payload'

type Detailed = { data?: Record<string, unknown>; message?: string; name?: string; status?: number }

/**
 * Keeps a 4xx error's details (`data.errors`: each field and the server's message for it)
 * in the response. Payload adds them only when the error is an `instanceof` its own
 * ValidationError; under `npm start` the operations and the bundled route handlers load
 * separate copies of payload, the check fails, and the admin got "The following field is
 * invalid: Tool" without the field's message.
 */
export const keepErrorDetails: AfterErrorHook = ({ error, result }) => {
  const { data, message, name, status } = error as Detailed
  const errors = (result as undefined | { errors?: Array<{ data?: unknown }> })?.errors
  if (!data || !status || status >= 500 || !errors || errors.some((entry) => entry.data)) {
    return
  }
  return { response: { errors: [{ name, data, message }] } }
}
