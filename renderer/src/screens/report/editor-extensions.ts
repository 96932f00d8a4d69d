import { Node, mergeAttributes, type Extensions } from '@tiptap/react';
import { ListItem } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { FOOTNOTE_NODE } from './rich-text';

/**
 * What the section editor can hold: exactly what the draft model can (rich-text.ts), so nothing
 * typed is lost on the way to Word. Headings, quotes, code, links, strike-through, underline and
 * line breaks are left out; a list item holds one paragraph, so lists do not nest (Tab then leaves
 * the editor, as keyboard users expect).
 */

/** A footnote: an inline atom holding its text, shown as a numbered superscript (CSS counter) with the text as its tooltip. */
export const Footnote = Node.create({
  name: FOOTNOTE_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      text: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-footnote') ?? '',
        renderHTML: (attributes) => ({ 'data-footnote': String(attributes.text ?? ''), title: `Fotnot: ${String(attributes.text ?? '')}` }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'sup[data-footnote]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes(HTMLAttributes, { class: 'report-footnote-ref' })];
  },
  renderText({ node }) {
    return ` [fotnot: ${String(node.attrs.text ?? '')}]`;
  },
});

export const editorExtensions: Extensions = [
  StarterKit.configure({
    heading: false,
    blockquote: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: false,
    hardBreak: false,
    listItem: false,
  }),
  ListItem.extend({ content: 'paragraph' }),
  Footnote,
];
