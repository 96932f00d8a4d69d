import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useId, useRef, useState } from 'react';
import type { Block } from '../../../../shared/contract/report-model';
import { FieldIssues } from '../../components/FieldIssues';
import { editorExtensions } from './editor-extensions';
import { FOOTNOTE_NODE, footnotesOf, fromEditorDoc, toEditorDoc, type TextBlock } from './rich-text';

interface Props {
  /** The id of the editable area (error summaries link here). */
  id: string;
  /** The section's name, for the editor's and the toolbar's accessible names. */
  label: string;
  /** The editor's accessible name, where "Text: <label>" would not say which text it is. */
  name?: string;
  blocks: readonly Block[];
  editable: boolean;
  issues: readonly string[];
  onChange(text: TextBlock[]): void;
  onBlur(): void;
}

/**
 * The text of one section on TipTap (ProseMirror): paragraphs, bullet and numbered lists, bold
 * and italic (buttons and Ctrl+B / Ctrl+I) and footnotes. The editor holds its own document while
 * the user types; every change goes to the store as the draft's blocks (rich-text.ts), and the
 * text is taken from the draft only when the editor is created (a reload creates it anew).
 */
export function RichTextEditor({ id, label, name, blocks, editable, issues, onChange, onBlur }: Props) {
  const changeRef = useRef(onChange);
  const blurRef = useRef(onBlur);
  useEffect(() => {
    changeRef.current = onChange;
    blurRef.current = onBlur;
  });
  const issuesId = `${id}-issues`;
  const editor = useEditor({
    extensions: editorExtensions,
    content: toEditorDoc(blocks),
    editable,
    editorProps: {
      attributes: {
        id,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': name ?? `Text: ${label}`,
        class: 'report-editor-content',
        ...(issues.length > 0 ? { 'aria-invalid': 'true', 'aria-describedby': issuesId } : {}),
      },
    },
    onUpdate: ({ editor: e }) => changeRef.current(fromEditorDoc(e.getJSON())),
    onBlur: () => blurRef.current(),
  });

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  // The accessible name follows a renamed section without recreating the editor.
  const accessibleName = name ?? `Text: ${label}`;
  useEffect(() => {
    editor?.view.dom.setAttribute('aria-label', accessibleName);
  }, [editor, accessibleName]);

  // The problems' description follows the issues without recreating the editor.
  useEffect(() => {
    const dom = editor?.view.dom;
    if (!dom) return;
    if (issues.length > 0) {
      dom.setAttribute('aria-invalid', 'true');
      dom.setAttribute('aria-describedby', issuesId);
    } else {
      dom.removeAttribute('aria-invalid');
      dom.removeAttribute('aria-describedby');
    }
  }, [editor, issues.length, issuesId]);

  return (
    <div className={`report-editor${editable ? '' : ' report-editor-readonly'}`}>
      {editable && editor && <Toolbar editor={editor} label={label} />}
      <EditorContent editor={editor} />
      <FieldIssues id={issuesId} messages={issues} />
      <Footnotes editor={editor} blocks={blocks} editable={editable} label={label} />
    </div>
  );
}

function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullets: e.isActive('bulletList'),
      numbered: e.isActive('orderedList'),
    }),
  });
  const [asking, setAsking] = useState(false);
  const chain = () => editor.chain().focus();
  return (
    <>
      <div className="report-editor-toolbar" role="toolbar" aria-label={`Textformat: ${label}`}>
        <button type="button" className="small" aria-label="Fetstil (Ctrl+B)" aria-pressed={state.bold} onClick={() => chain().toggleBold().run()}>
          <strong aria-hidden="true">F</strong>
        </button>
        <button type="button" className="small" aria-label="Kursiv (Ctrl+I)" aria-pressed={state.italic} onClick={() => chain().toggleItalic().run()}>
          <em aria-hidden="true">K</em>
        </button>
        <button type="button" className="small" aria-label="Punktlista" aria-pressed={state.bullets} onClick={() => chain().toggleBulletList().run()}>
          <span aria-hidden="true">•≡</span>
        </button>
        <button type="button" className="small" aria-label="Numrerad lista" aria-pressed={state.numbered} onClick={() => chain().toggleOrderedList().run()}>
          <span aria-hidden="true">1≡</span>
        </button>
        <button type="button" className="small" aria-expanded={asking} onClick={() => setAsking((a) => !a)}>
          Fotnot…
        </button>
      </div>
      {asking && (
        <FootnoteForm
          label="Fotnotens text"
          submitLabel="Infoga fotnot"
          initial=""
          onCancel={() => {
            setAsking(false);
            editor.commands.focus();
          }}
          onSubmit={(text) => {
            setAsking(false);
            editor.chain().focus().insertContent({ type: FOOTNOTE_NODE, attrs: { text } }).run();
          }}
        />
      )}
    </>
  );
}

/** Asks for a footnote's text in the page (Electron has no window.prompt), Enter to insert, Escape to cancel. */
function FootnoteForm({ label, submitLabel, initial, onSubmit, onCancel }: { label: string; submitLabel: string; initial: string; onSubmit(text: string): void; onCancel(): void }) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  const submit = () => {
    if (text.trim() === '') {
      setError('Skriv fotnotens text.');
      inputRef.current?.focus();
      return;
    }
    onSubmit(text.trim());
  };
  return (
    <div className="report-footnote-form inline-form">
      <div className="field grow">
        <label htmlFor={id}>{label}</label>
        <input
          ref={inputRef}
          id={id}
          type="text"
          value={text}
          maxLength={2000}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-issues` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submit();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onCancel();
            }
          }}
        />
        <FieldIssues id={`${id}-issues`} messages={error ? [error] : []} />
      </div>
      <div className="button-row">
        <button type="button" className="primary" onClick={submit}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </div>
  );
}

/** The section's footnotes beside the text, numbered as the markers are; each can be changed or removed without hunting for its marker. */
function Footnotes({ editor, blocks, editable, label }: { editor: Editor | null; blocks: readonly Block[]; editable: boolean; label: string }) {
  const notes = footnotesOf(blocks);
  const [editing, setEditing] = useState<number | null>(null);
  if (notes.length === 0) return null;

  /** The document position of the n-th footnote node. */
  const positionOf = (n: number): number | null => {
    if (!editor) return null;
    let seen = -1;
    let found: number | null = null;
    editor.state.doc.descendants((node, pos) => {
      if (found !== null) return false;
      if (node.type.name === FOOTNOTE_NODE && ++seen === n) found = pos;
      return true;
    });
    return found;
  };

  return (
    <div className="report-footnotes">
      <h4 className="visually-hidden">Fotnoter i {label}</h4>
      <ol>
        {notes.map((text, i) => (
          <li key={`${i}-${text}`}>
            {editing === i ? (
              <FootnoteForm
                label={`Fotnot ${i + 1}`}
                submitLabel="Spara fotnoten"
                initial={text}
                onCancel={() => setEditing(null)}
                onSubmit={(next) => {
                  setEditing(null);
                  const pos = positionOf(i);
                  if (editor && pos !== null) editor.chain().focus().command(({ tr }) => (tr.setNodeMarkup(pos, undefined, { text: next }), true)).run();
                }}
              />
            ) : (
              <>
                <span>{text}</span>
                {editable && (
                  <span className="button-row report-footnote-actions">
                    <button type="button" className="small" aria-label={`Ändra fotnot ${i + 1}`} onClick={() => setEditing(i)}>
                      Ändra
                    </button>
                    <button
                      type="button"
                      className="small danger-outline"
                      aria-label={`Ta bort fotnot ${i + 1}`}
                      onClick={() => {
                        const pos = positionOf(i);
                        if (editor && pos !== null) editor.chain().focus().deleteRange({ from: pos, to: pos + 1 }).run();
                      }}
                    >
                      Ta bort
                    </button>
                  </span>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
