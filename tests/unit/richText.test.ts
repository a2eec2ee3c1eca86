import { describe, expect, it } from '@jest/globals'

import { hasVisibleContent, richTextFromParagraphs, richTextLength } from '../../src/catalog/richText.ts'

describe('richTextFromParagraphs', () => {
  it('makes one Lexical paragraph per entry', () => {
    const state = richTextFromParagraphs(['First paragraph.', 'Second one.']) as unknown as {
      root: { children: Array<{ children: Array<{ text: string }>; type: string }> }
    }
    expect(state.root.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph'])
    expect(state.root.children.map((node) => node.children[0].text)).toEqual(['First paragraph.', 'Second one.'])
  })
})

describe('hasVisibleContent', () => {
  it('is false for nothing, an empty editor and whitespace of any kind', () => {
    expect(hasVisibleContent(null)).toBe(false)
    expect(hasVisibleContent({ root: { children: [] } })).toBe(false)
    expect(hasVisibleContent(richTextFromParagraphs(['']))).toBe(false)
    expect(hasVisibleContent(richTextFromParagraphs(['   ', '\t\u00a0\n']))).toBe(false)
    expect(hasVisibleContent({ root: { children: [{ type: 'paragraph', children: [{ type: 'linebreak' }] }] } })).toBe(
      false,
    )
  })

  it('is true for one visible character or an embedded node', () => {
    expect(hasVisibleContent(richTextFromParagraphs(['  ', ' . ']))).toBe(true)
    expect(hasVisibleContent({ root: { children: [{ type: 'upload', value: 1 }] } })).toBe(true)
  })
})

describe('richTextLength', () => {
  it('counts characters as a reader sees them, paragraph breaks not included', () => {
    expect(richTextLength(null)).toBe(0)
    expect(richTextLength(richTextFromParagraphs(['Déjà vu', '🤖🤖']))).toBe(9)
  })
})
