import { useEffect, useLayoutEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { useScoring, type TextField } from '../../state/scoring-store';

/**
 * A question becomes current when it is clicked or tabbed into. Becoming current unfolds it and
 * folds the previous one, so the page changes under the pointer; three things keep that calm:
 * - A mouse press only focuses; the question becomes current on the click that follows. Unfolding
 *   between press and release would move the pressed answer button away from the pointer, and the
 *   browser would drop the click.
 * - What was clicked (or the question, when tabbed into) stays where it was on screen while the
 *   question above folds and this one unfolds (the page scrolls by as much).
 * - A click on the summary of a note puts the caret at the end of that field once it is there.
 * Keyboard moves (an answer key, ↓, ↑) go through setCurrent(…, true) and scroll by themselves.
 */
export function useBecomeCurrent(index: number, questionId: string, isCurrent: boolean, box: RefObject<HTMLDivElement | null>) {
  const pressed = useRef(false);
  const anchor = useRef<{ keep: Element; keepTop: number; boxTop: number } | undefined>(undefined);
  const fieldWanted = useRef<TextField | undefined>(undefined);

  /** `keep`: what must not move on screen, the clicked element or (by default) the question. */
  function becomeCurrent(keep?: Element) {
    const store = useScoring.getState();
    if (store.current === index) return;
    const own = box.current;
    if (own) {
      const target = keep && own.contains(keep) ? keep : own;
      anchor.current = { keep: target, keepTop: target.getBoundingClientRect().top, boxTop: own.getBoundingClientRect().top };
    }
    store.setCurrent(index);
  }

  useLayoutEffect(() => {
    const before = anchor.current;
    anchor.current = undefined;
    if (!isCurrent || !before || !box.current) return;
    // A clicked summary is gone once the question unfolds: then the question itself is kept in place.
    const shift = before.keep.isConnected ? before.keep.getBoundingClientRect().top - before.keepTop : box.current.getBoundingClientRect().top - before.boxTop;
    if (shift !== 0) window.scrollBy(0, shift);
  }, [isCurrent, box]);

  useEffect(() => {
    const field = fieldWanted.current;
    fieldWanted.current = undefined;
    if (!isCurrent || !field) return;
    const input = document.getElementById(`${field}-${questionId}`);
    if (!(input instanceof HTMLTextAreaElement || input instanceof HTMLInputElement)) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, [isCurrent, questionId]);

  return {
    onPointerDown() {
      if (isCurrent) return;
      pressed.current = true;
      // Released where no click reaches this question (a drag out of it): it becomes current all
      // the same if it holds focus. The pause lets a click, which comes after the release, go first.
      const released = () =>
        setTimeout(() => {
          if (!pressed.current) return;
          pressed.current = false;
          if (box.current?.contains(document.activeElement)) becomeCurrent();
        });
      document.addEventListener('pointerup', released, { once: true });
    },
    onFocus() {
      if (!pressed.current) becomeCurrent();
    },
    onClick(e: MouseEvent) {
      pressed.current = false;
      if (useScoring.getState().current !== index) {
        const field = (e.target as Element).closest<HTMLElement>('[data-summary-field]')?.dataset.summaryField;
        if (field === 'note' || field === 'fileRef') fieldWanted.current = field;
      }
      becomeCurrent(e.target as Element);
    },
  };
}
