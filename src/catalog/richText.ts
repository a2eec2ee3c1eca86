/**
 * A Lexical editor state in the shape Payload's generated types give a rich text field's value,
 * so it can be written to any rich text field without a cast.
 */
export type RichTextValue = {
  [k: string]: unknown
  root: {
    type: string
    children: Array<{ [k: string]: unknown; type: string; version: number }>
    direction: 'ltr' | 'rtl' | null
    format: '' | 'center' | 'end' | 'justify' | 'left' | 'right' | 'start'
    indent: number
    version: number
  }
}

/**
 * Builds a Lexical editor state with one paragraph per entry. Used by the seed and the
 * importer, which both start from plain text.
 */
export function richTextFromParagraphs(paragraphs: string[]): RichTextValue {
  return {
    root: {
      type: 'root',
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }],
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        version: 1,
      })),
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
    },
  }
}

type LexicalNode = { children?: LexicalNode[]; text?: string; type?: string }

/**
 * The text of a Lexical editor state, paragraphs separated by a blank line; '' for no
 * state. The importer compares stored quotes and descriptions with page text through it.
 */
export function plainTextOf(state: unknown): string {
  const root = (state as null | { root?: LexicalNode } | undefined)?.root
  if (!root) {
    return ''
  }
  const textOf = (node: LexicalNode): string =>
    typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join('')
  return (root.children ?? []).map(textOf).join('\n\n')
}

/**
 * Characters of text in a Lexical editor state, counted as a reader sees them (code points:
 * "🤖" is one), without paragraph breaks. The quote length limit and the editor's counter
 * both count with it, so they always agree.
 */
export function richTextLength(state: unknown): number {
  const root = (state as null | { root?: LexicalNode } | undefined)?.root
  if (!root) {
    return 0
  }
  const countOf = (node: LexicalNode): number =>
    typeof node.text === 'string'
      ? Array.from(node.text).length
      : (node.children ?? []).reduce((sum, child) => sum + countOf(child), 0)
  return countOf(root)
}

// Leaves that show nothing by themselves; any other leaf (an upload, a relationship) is content.
const invisibleLeaves = new Set(['linebreak', 'tab', 'text'])

/**
 * True when a Lexical editor state has something to read: text other than whitespace, or
 * an embedded node such as an upload. An empty editor and a quote of only spaces are blank.
 */
export function hasVisibleContent(state: unknown): boolean {
  const root = (state as null | { root?: LexicalNode } | undefined)?.root
  if (!root) {
    return false
  }
  const visible = (node: LexicalNode): boolean => {
    if (typeof node.text === 'string') {
      return node.text.trim() !== ''
    }
    if (node.children === undefined || node.children.length === 0) {
      return node !== root && node.type !== undefined && !invisibleLeaves.has(node.type) && node.type !== 'paragraph'
    }
    return node.children.some(visible)
  }
  return visible(root)
}
