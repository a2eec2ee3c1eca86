/** A tool's tagline is one line under its name on every page; the importer checks it too. */
export const taglineMaxLength = 160
