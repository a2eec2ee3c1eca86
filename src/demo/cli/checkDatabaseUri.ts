/**
 * Imported first by the CLI, before the Payload config is evaluated: a bad DATABASE_URI
 * then ends the run with one clear line instead of a stack trace from inside the config.
 */
import { resolveDatabaseTarget, UnsupportedDatabaseUriError } from '../database.ts'

try {
  resolveDatabaseTarget(process.env.DATABASE_URI)
} catch (error) {
  if (error instanceof UnsupportedDatabaseUriError) {
    console.error(error.message)
    process.exit(2)
  }
  throw error
}
