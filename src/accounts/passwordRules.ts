/**
 * What a new password must be. Length is what matters (NIST SP 800-63B): no composition
 * rules, and an upper bound so that hashing an absurd "password" (10 MB took 4.6 s) cannot
 * tie up the server.
 */
export const maxPasswordLength = 256

export function passwordProblem(password: unknown, minLength: number): null | string {
  if (typeof password !== 'string') {
    return 'password must be text'
  }
  if ([...password].length < minLength) {
    return `password must be at least ${minLength} characters`
  }
  if (password.length > maxPasswordLength) {
    return `password must be at most ${maxPasswordLength} characters`
  }
  return null
}
