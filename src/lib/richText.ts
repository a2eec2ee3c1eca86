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

type LexicalNodeLike = { children?: LexicalNodeLike[]; text?: string; type?: string }

/** The plain text of a Lexical state, paragraphs separated by blank lines. */
export function plainTextFromRichText(state: unknown): string {
  const root = (state as { root?: LexicalNodeLike } | null | undefined)?.root
  if (!root?.children) {
    return ''
  }
  const textOf = (node: LexicalNodeLike): string =>
    typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join('')
  return root.children.map(textOf).join('\n\n')
}

/** True when the state holds at least one non-blank character. */
export function hasText(state: unknown): boolean {
  return plainTextFromRichText(state).trim().length > 0
}
