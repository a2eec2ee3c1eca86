/**
 * The one wink-nlp instance the importer uses for tokens, stems and sentiment. Loading the
 * English model takes a moment and some memory, so it is loaded on first use, once, and
 * never by a page that needs no inference.
 */
import type { ItsFunction, WinkMethods } from 'wink-nlp'

import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'

let instance: null | WinkMethods = null

export function textModel(): WinkMethods {
  instance ??= winkNLP(model)
  return instance
}

/**
 * The content words of a text as stems: words only (no punctuation, numbers or symbols),
 * stop words dropped, so "committers" and "commit" meet and "the" counts for nothing.
 */
export function contentStems(text: string): string[] {
  const nlp = textModel()
  const { its } = nlp
  return (
    nlp
      .readDoc(text.replace(/[’‘]/g, "'"))
      .tokens()
      .filter((token) => token.out(its.type) === 'word' && !token.out(its.stopWordFlag))
      // wink-nlp's own typings give `its.stem` a signature `out` does not accept; it works.
      .out(its.stem as unknown as ItsFunction<string>)
  )
}
