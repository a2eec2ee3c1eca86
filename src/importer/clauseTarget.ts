/**
 * Who each clause of an argument is about: this tool, or its rivals (a competitor by name,
 * "the incumbents", "the alternatives", "everyone else", "they" after a list of competitors,
 * whatever that list names, the status quo included: "a spreadsheet and a shoebox of
 * receipts"). A careful reader reads praise of a rival as a case against this tool and a
 * rival's failings as a case for it: the skeptic's lens argues through its competitors
 * ("Direct competitors are X, which already does this for free" skips; "Both still struggle
 * with …" ships), so `argumentPolarity` turns a rival clause's lean around.
 *
 * The reading, per sentence, over wink-nlp's tokens and part-of-speech tags:
 * - The sentence splits into segments at punctuation, at contrast and concession words and
 *   at relative pronouns; a relative segment ("…, which does a passable standup for free")
 *   and a segment with no noun or pronoun before its verb ("…, and do nothing with the
 *   PDF", "…, slow and …") are about what the segment before them is about.
 * - A segment's subject is what precedes its first verb, up to a preposition ("a bill for a
 *   feature the host gives away" is about the bill). It names a rival by a rival noun
 *   ("competitors", "incumbents", "alternatives"), "everyone else", "the others", a proper
 *   name that is not this tool's (`ToolNames`; an all-capitals acronym such as "API" is no
 *   name), an item of an earlier list of competitors ("Direct competitors are the device
 *   clouds …" then "The device clouds added …", "stenography services" then "the
 *   stenographers"), or a plural pronoun ("they", "both",
 *   "neither") while the last named subject was a rival. It names this tool by one of its
 *   names, "it", "this" or "the tool". The first such word decides; a subject with neither
 *   is about this tool's own world (its users, its setup). A subject that names nobody
 *   followed by "is" and a rival ("What kills it is the device cloud bundling …") is about
 *   the rival.
 * - A sentence whose subject is a rival noun and whose verb lists them ("Direct competitors
 *   are …", "The alternatives include …") is about the rivals throughout, bar a segment that
 *   names this tool; the items of that list join the quote's rival items.
 */
import type { ItemSentence, ItsFunction } from 'wink-nlp'

import { textModel } from './textModel.ts'

export type Target = 'rival' | 'self'

/** The forms a page calls the tool by: its name (and the name's forms) and its vendor. */
export type ToolNames = string[]

/** Nouns (by stem) that name a rival whatever the market. */
const rivalNouns = new Set(['competitor', 'rival', 'incumb', 'altern', 'challeng'])
/** "everyone else", "nobody else": the pronoun before "else". */
const everyone = new Set(['everyone', 'everybody', 'nobody', 'anyone', 'anybody', 'someone', 'nothing'])
/** Plural pronouns and determiners that refer back to the rivals just named. */
const plural = new Set(['they', 'them', 'their', 'both', 'neither', 'either', 'none', 'those', 'each'])
/** Words that name the tool under review without its name. */
const selfPronouns = new Set(['it', 'its', 'this'])
const selfNouns = new Set(['tool', 'product', 'app', 'service'])
/** Verbs of a list of competitors: "Direct competitors are …", "… include …". */
const listing = new Set(['are', 'is', 'include', 'includes', 'be', 'were', 'remain'])
/** "is", "are": what follows says what the subject is. */
const copulas = new Set(['is', 'are', 'was', 'were'])
/** Words that start a segment about what the segment before it is about. */
const relatives = new Set(['which', 'who', 'whose', 'whom'])
/** Segment boundaries besides punctuation: contrast and concession words. */
const boundaries = new Set([
  'but',
  'however',
  'nevertheless',
  'nonetheless',
  'yet',
  'although',
  'though',
  'whereas',
  'albeit',
  'while',
])
/**
 * Nouns too general to mark a rival when they come back later ("the tools", "the team"): a
 * list of competitors names them, and so does every argument about this tool.
 */
const generic = new Set([
  'tool',
  'product',
  'app',
  'platform',
  'servic',
  'compani',
  'vendor',
  'team',
  'one',
  'thing',
  'version',
  'featur',
  'way',
  'market',
  'custom',
  'user',
  'year',
  'month',
  'week',
  'day',
  'time',
  'price',
  'cost',
  'own',
])
const separators = new Set([',', ';', ':', '—', '–', '(', ')'])

/** What a quote has established so far, sentence to sentence. */
export type TargetState = {
  /** The last subject that named a target, for plural pronouns. */
  last: null | Target
  /**
   * The items of a list of competitors, as stems: each item's head noun or name and the words
   * before it ("the open-source annotation tools": head "tool", modifiers "open", "sourc",
   * "annot"). A later subject names the item by a head of its own ("the marketplaces") or by
   * a general head with one of its modifiers ("the open-source tools").
   */
  rivalItems: Array<{ head: string; modifiers: Set<string> }>
}

export const newTargetState = (): TargetState => ({ last: null, rivalItems: [] })

/** The lowercase words that identify the tool: each name's first word, and every full name. */
function selfWords(names: ToolNames): Set<string> {
  const words = new Set<string>()
  for (const name of names) {
    const parts = name
      .toLowerCase()
      .split(/[^a-z0-9+]+/)
      .filter(Boolean)
    if (parts[0]) {
      words.add(parts[0])
    }
  }
  return words
}

/** A verb or auxiliary, not a part of a hyphenated word the tagger read as one ("best-placed"). */
const isVerb = (list: Token[], index: number) =>
  ['AUX', 'VERB'].includes(list[index].pos) && list[index - 1]?.normal !== '-' && list[index + 1]?.normal !== '-'

/**
 * Two stems of one word: equal, or one the other's start when both are long enough to tell
 * ("stenographi", "stenograph": the stemmer treats the noun of the craft and of its people apart).
 */
const sameWord = (a: string, b: string) =>
  a === b || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a)))

type Token = { capitalised: boolean; normal: string; pos: string; stem: string; type: string; upper: boolean }

/** Who each token of a sentence is about, in token order. */
export function sentenceTargets(sentence: ItemSentence, names: ToolNames, state: TargetState): Target[] {
  const { its } = textModel()
  const tokens = sentence.tokens()
  const values = tokens.out(its.value) as string[]
  const normals = tokens.out(its.normal) as string[]
  const stems = tokens.out(its.stem as unknown as ItsFunction<string>) as string[]
  const tags = tokens.out(its.pos) as string[]
  const types = tokens.out(its.type) as string[]
  const list: Token[] = values.map((value, index) => ({
    capitalised: /^[A-Z]/.test(value),
    upper: value.length > 1 && value === value.toUpperCase(),
    normal: normals[index],
    pos: tags[index],
    stem: stems[index],
    type: types[index],
  }))
  const self = selfWords(names)
  const isSelfName = (token: Token) => self.has(token.normal)
  // A capitalised proper noun; an all-capitals one is an acronym ("API", "SQL", "CI"), not a rival.
  const isName = (token: Token) => token.pos === 'PROPN' && token.capitalised && !token.upper

  // Segments: [start, end) token ranges.
  const segments: Array<{ end: number; start: number }> = []
  let start = 0
  for (const [index, token] of list.entries()) {
    const opens =
      boundaries.has(token.normal) ||
      relatives.has(token.normal) ||
      // "that" opening a relative clause after a noun; a "that" after a verb opens a clause of its own
      (token.normal === 'that' && index > 0 && list[index - 1].type === 'word')
    if (separators.has(token.normal)) {
      if (index > start) {
        segments.push({ end: index, start })
      }
      start = index + 1
    } else if (opens && index > start) {
      segments.push({ end: index, start })
      start = index
    }
  }
  if (start < list.length) {
    segments.push({ end: list.length, start })
  }

  const targets: Target[] = list.map(() => 'self')
  let previous: null | Target = null
  let listSentence = false
  for (const segment of segments) {
    let from = segment.start
    const first = list[from]
    const relative =
      relatives.has(first.normal) ||
      (first.normal === 'that' && from > 0 && ['NOUN', 'PROPN', 'PRON'].includes(list[from - 1]?.pos ?? ''))
    // Leading conjunctions and adverbs are not the subject ("and", "so", "still").
    while (from < segment.end && ['CCONJ', 'SCONJ', 'ADV'].includes(list[from].pos)) {
      from += 1
    }
    if (from < segment.end && list[from].normal === 'that') {
      from += 1
    }
    let verb = from
    while (verb < segment.end && !isVerb(list, verb)) {
      verb += 1
    }
    // The subject's head comes before its modifiers: "a bill for a feature the host gives
    // away" is about the bill. "Neither of them", "the features of every code host" go on.
    let subjectEnd = from
    while (subjectEnd < verb && (list[subjectEnd].pos !== 'ADP' || list[subjectEnd].normal === 'of')) {
      subjectEnd += 1
    }
    const namesRivalItem = (index: number) =>
      state.rivalItems.some(
        (item) =>
          (item.head === list[index].stem &&
            (!generic.has(item.head) ||
              list.slice(from, subjectEnd).some((other) => other !== list[index] && item.modifiers.has(other.stem)))) ||
          // "the dictation software …", then "Dictation still needs …"; "stenography services",
          // then "the stenographers": the item by the word that told it from the others.
          (['NOUN', 'PROPN'].includes(list[index].pos) &&
            !generic.has(list[index].stem) &&
            [...item.modifiers].some((modifier) => sameWord(modifier, list[index].stem))),
      )
    const namesRival = (index: number, sentenceStart: boolean) => {
      const token = list[index]
      return (
        rivalNouns.has(token.stem) ||
        (token.normal === 'else' && everyone.has(list[index - 1]?.normal ?? '')) ||
        token.normal === 'others' ||
        (token.normal === 'other' && list[index + 1]?.pos === 'NOUN') ||
        namesRivalItem(index) ||
        (isName(token) &&
          // A name heads the subject ("Nuance, which …") or owns it ("Adobe's own converter");
          // one further in modifies it ("the Slack threads").
          (list[index + 1]?.normal === "'s" ||
            (!sentenceStart &&
              list[index + 1]?.pos !== 'NOUN' &&
              list.slice(from, index).every((before) => ['DET', 'ADJ', 'CCONJ', 'PROPN'].includes(before.pos)))) &&
          !isSelfName(token))
      )
    }
    let target: null | Target = null
    let named = false
    if (!relative) {
      for (let index = from; index < subjectEnd && target === null; index += 1) {
        const token = list[index]
        const sentenceStart = index === 0
        if (isSelfName(token) || (selfPronouns.has(token.normal) && token.pos === 'PRON')) {
          target = 'self'
        } else if (
          selfNouns.has(token.normal) &&
          ['the', 'this'].includes(list[index - 1]?.normal ?? '') &&
          !list[index + 1]?.normal.startsWith("'")
        ) {
          target = 'self'
        } else if (namesRival(index, sentenceStart)) {
          target = 'rival'
          if (rivalNouns.has(token.stem) && listing.has(list[verb]?.normal ?? '')) {
            listSentence = true
          }
        } else if (plural.has(token.normal) && state.last === 'rival') {
          target = 'rival'
        }
      }
      // "What kills it is the device cloud bundling …": a subject that names nobody, then a
      // copula, then a rival, is about the rival.
      // A "what" clause as the subject ("What kills it in 12 months is …") ends at the copula.
      const copula =
        list[from]?.normal === 'what'
          ? list.findIndex((token, index) => index > verb && index < segment.end && copulas.has(token.normal))
          : copulas.has(list[verb]?.normal ?? '')
            ? verb
            : -1
      if (target === null && copula >= 0) {
        let index = copula + 1
        while (index < segment.end && !isVerb(list, index) && list[index].pos !== 'ADP' && target === null) {
          if (namesRival(index, false)) {
            target = 'rival'
          }
          index += 1
        }
      }
      named = target !== null
    }
    if (!named) {
      // A relative segment, or one without a noun or pronoun before its verb, continues the
      // one before it; in a list of competitors, so does a segment with no verb ("…, and
      // every tracker").
      target =
        relative || !list.slice(from, verb).some((token) => ['NOUN', 'PROPN', 'PRON'].includes(token.pos))
          ? (previous ?? (listSentence ? 'rival' : 'self'))
          : listSentence && verb === segment.end
            ? 'rival'
            : 'self'
    }
    if (named) {
      state.last = target
    }
    if (listSentence && target === 'rival' && !relative) {
      collectRivalItems(list, from, segment.end, verb, state, (token) => isName(token) && !isSelfName(token))
    }
    for (let index = segment.start; index < segment.end; index += 1) {
      targets[index] = target!
    }
    previous = target
  }
  return targets
}

/**
 * The items of a list of competitors in one segment ("Direct competitors are the old phone
 * menus and the contact-centre suites bolting a bot onto them"): what the list names, up to
 * a verb or preposition (what the items do), again after "and" or a comma.
 */
function collectRivalItems(
  list: Token[],
  from: number,
  end: number,
  listVerb: number,
  state: TargetState,
  isRivalName: (token: Token) => boolean,
): void {
  let inList = true
  let modifiers = new Set<string>()
  for (let index = from; index < end; index += 1) {
    const token = list[index]
    const next = list[index + 1]
    // An attributive participle is part of the item ("the big labelling marketplaces").
    const attributive = token.pos === 'VERB' && next?.pos === 'NOUN'
    if ((isVerb(list, index) || token.pos === 'ADP') && !attributive) {
      inList = index === listVerb && listing.has(token.normal)
      modifiers = new Set()
      continue
    }
    if (token.pos === 'CCONJ') {
      inList = true
      modifiers = new Set()
      continue
    }
    if (!inList || rivalNouns.has(token.stem)) {
      continue
    }
    const name = isRivalName(token)
    // "the contact-centre suites bolting a bot onto them": the head is "suites".
    const head = (token.pos === 'NOUN' || name) && !['NOUN', 'PROPN'].includes(next?.pos ?? '')
    if (head || (name && next?.normal === "'s")) {
      state.rivalItems.push({ head: token.stem, modifiers })
      modifiers = new Set()
    } else if (['ADJ', 'NOUN', 'PROPN', 'VERB'].includes(token.pos)) {
      modifiers.add(token.stem)
    }
  }
}
