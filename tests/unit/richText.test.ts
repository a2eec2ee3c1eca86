import { describe, expect, it } from '@jest/globals'

import { richTextFromParagraphs } from '../../src/catalog/richText.ts'

describe('richTextFromParagraphs', () => {
  it('makes one Lexical paragraph per entry', () => {
    const state = richTextFromParagraphs(['First paragraph.', 'Second one.']) as unknown as {
      root: { children: Array<{ children: Array<{ text: string }>; type: string }> }
    }
    expect(state.root.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph'])
    expect(state.root.children.map((node) => node.children[0].text)).toEqual(['First paragraph.', 'Second one.'])
  })
})
