import { useTemplateEditor } from '../../../state/template-editor-store';
import { fieldDomId } from '../../../state/template-issues';

/**
 * Moves focus to the field for a JSON path, opening its question first if it is folded; falls back
 * to the nearest enclosing element that has an id (the question row, the options list …).
 */
export function focusField(path: string): void {
  const q = /^\$\.questions\[(\d+)\]/.exec(path);
  const state = useTemplateEditor.getState();
  if (q && state.draft) {
    const key = state.draft.keys[Number(q[1])];
    if (key && !state.expanded[key]) state.setExpanded(key, true);
  }
  setTimeout(() => {
    let p = path;
    for (;;) {
      const el = document.getElementById(fieldDomId(p));
      if (el) {
        el.focus();
        el.scrollIntoView?.({ block: 'center' });
        return;
      }
      const shorter = p.replace(/(\.[^.[]+|\[[^\]]+\])$/, '');
      if (shorter === p || shorter === '$' || shorter === '') return;
      p = shorter;
    }
  }, 0);
}
