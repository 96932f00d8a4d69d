import { flushSync } from 'react-dom';
import { focusField } from '../../components/ErrorSummary';
import { useReport } from '../../state/report-store';
import { fieldIdForPath, viewForPath } from './report-issues';

/** How many frames to wait for a field that is still being drawn (an editor mounts its text after the first render). */
const FRAMES = 10;

/** Focuses the element once it is in the page, trying for a few frames. */
function focusWhenShown(id: string, frames = FRAMES): void {
  if (document.getElementById(id)) {
    focusField(id);
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusWhenShown(id, frames - 1));
}

/**
 * Goes to the place a problem names (`$.draft.bilaga1.sections[2]…`): switches to the document
 * that shows it (Tjänsteutlåtande or Bilaga 1) and puts the caret in its field. False where the
 * screen has no field for it (the review's files, say).
 */
export function goToField(path: string): boolean {
  const { draft, view, setView } = useReport.getState();
  const id = fieldIdForPath(path, draft);
  if (!id) return false;
  const target = viewForPath(path);
  if (target && target !== view) flushSync(() => setView(target));
  focusWhenShown(id);
  return true;
}

/** Whether the screen has a field for `path`, so the problem can be a link to it. */
export const hasField = (path: string): boolean => fieldIdForPath(path, useReport.getState().draft) !== undefined;
