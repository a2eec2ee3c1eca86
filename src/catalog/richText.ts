import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

/**
 * Builds a Lexical editor state with one paragraph per entry. Used by the seed and the
 * importer, which both start from plain text.
 */
export function richTextFromParagraphs(paragraphs: string[]): SerializedEditorState {
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
  } as SerializedEditorState
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
