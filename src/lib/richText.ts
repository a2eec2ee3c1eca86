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
