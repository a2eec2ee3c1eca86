// Node's ES module loader needs the file extension on a deep import of a package without
// an "exports" map (the CLI runs with plain Node); wink-nlp declares these modules without
// it, so the extension-ful names borrow the published types.
declare module 'wink-nlp/utilities/bm25-vectorizer.js' {
  export { default } from 'wink-nlp/utilities/bm25-vectorizer'
}
declare module 'wink-nlp/utilities/similarity.js' {
  export { default } from 'wink-nlp/utilities/similarity'
}
