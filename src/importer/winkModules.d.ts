// Node's ES module loader needs the file extension on a deep import of a package without
// an "exports" map (the CLI runs with plain Node); wink-nlp declares these modules without
// it, so the extension-ful names borrow the published types.
declare module 'wink-nlp/utilities/bm25-vectorizer.js' {
  export { default } from 'wink-nlp/utilities/bm25-vectorizer'
}
declare module 'wink-nlp/utilities/similarity.js' {
  export { default } from 'wink-nlp/utilities/similarity'
}

// wink-naive-bayes-text-classifier publishes no types; these are the methods the importer
// uses, as its README documents them. `learn` and `computeOdds` pass their input through
// the prep tasks, so it may be anything the first task accepts.
declare module 'wink-naive-bayes-text-classifier' {
  type NaiveBayesTextClassifier = {
    computeOdds(input: unknown): Array<[string, number]>
    consolidate(): boolean
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean
    definePrepTasks(tasks: Array<(input: never) => unknown>): number
    exportJSON(): string
    importJSON(json: string): boolean
    learn(input: unknown, label: string): boolean
    stats(): { labelWiseSamples: Record<string, number>; labelWiseWords: Record<string, number>; vocabulary: number }
  }
  export default function naiveBayesTextClassifier(): NaiveBayesTextClassifier
}
