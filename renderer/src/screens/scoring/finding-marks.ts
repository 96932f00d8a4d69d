import { create } from 'zustand';
import { services } from '../../services';
import { useScoring, type ScoringState } from '../../state/scoring-store';
import { announce } from '../../state/status-store';
import { toApiError } from '../../state/template-editor-store';

/**
 * The open file's notes marked as findings (fynd), as the core has committed them. The marks come
 * with the file (scoring.caseView's `findings`) and follow what the scoring store saves: the core
 * removes a mark when its note is cleared, and so does this store when such a save commits.
 */
interface FindingMarksState {
  /** The file the marks belong to. */
  caseId?: string;
  /** The core lists findings with the file (a core without them offers no mark). */
  supported: boolean;
  /** Committed marks by question id. */
  marked: Record<string, boolean>;
  /** A change on its way to the core: the value asked for. */
  pending: Record<string, boolean>;
  /** Why the last change of a mark was refused. */
  errors: Record<string, string>;
  /** Marks (or unmarks) a question's note; the note is saved first, since the core reads it. */
  setMark(questionId: string, finding: boolean, areaName: string): Promise<void>;
}

const empty = { caseId: undefined, supported: false, marked: {}, pending: {}, errors: {} };

const hasNote = (note: string | null | undefined): boolean => (note ?? '').trim() !== '';

export const useFindingMarks = create<FindingMarksState>()((set, get) => ({
  ...empty,

  async setMark(questionId, finding, areaName) {
    const { caseId, pending } = get();
    const { reviewId, readOnly } = useScoring.getState();
    if (!caseId || !reviewId || readOnly || pending[questionId] !== undefined) return;
    const without = <T>(record: Record<string, T>): Record<string, T> => {
      const rest = { ...record };
      delete rest[questionId];
      return rest;
    };
    const refuse = (message: string) => {
      set({ errors: { ...get().errors, [questionId]: message } });
      announce(message, 'error');
    };
    set({ pending: { ...pending, [questionId]: finding }, errors: without(get().errors) });
    announce('Sparar…', 'busy');
    try {
      // A note typed a moment ago is committed before the core is asked to mark it.
      await useScoring.getState().flushAll();
      if (get().caseId !== caseId) return;
      if (finding && !hasNote(useScoring.getState().saved[questionId]?.note)) {
        refuse('Anteckningen är inte sparad, så den kan inte markeras som fynd än. Rätta det som står vid anteckningen och försök igen.');
        return;
      }
      await services().api.call('findings.mark', { reviewId, caseId, questionId, finding });
      if (get().caseId !== caseId) return;
      set({ marked: { ...get().marked, [questionId]: finding } });
      announce(finding ? `Anteckningen är markerad som fynd för ${areaName}.` : `Anteckningen är inte längre markerad som fynd för ${areaName}.`, 'success');
    } catch (error) {
      if (get().caseId === caseId) refuse(toApiError(error).message);
    } finally {
      if (get().caseId === caseId) set({ pending: without(get().pending) });
    }
  },
}));

/** Follows the scoring store: a newly opened file brings its marks, a cleared note takes its mark away. */
function follow(state: ScoringState, prev: ScoringState | undefined): void {
  const view = state.view;
  if (!view) {
    if (useFindingMarks.getState().caseId !== undefined) useFindingMarks.setState({ ...empty });
    return;
  }
  const marks = useFindingMarks.getState();
  if (marks.caseId !== view.case.id || (prev && !prev.view)) {
    // A core that does not list findings with the file says nothing about them: no mark is offered.
    const findings = Array.isArray(view.findings) ? view.findings : null;
    useFindingMarks.setState({ ...empty, caseId: view.case.id, supported: findings !== null, marked: Object.fromEntries((findings ?? []).map((id) => [id, true])) });
    return;
  }
  if (prev && state.saved === prev.saved) return;
  const cleared = Object.keys(marks.marked).filter((id) => marks.marked[id] && !hasNote(state.saved[id]?.note));
  if (cleared.length > 0) useFindingMarks.setState({ marked: { ...marks.marked, ...Object.fromEntries(cleared.map((id) => [id, false])) } });
}

/** Keeps the marks in step with the scoring store while the scoring screen is open; returns the unsubscribe. */
export function followScoring(): () => void {
  follow(useScoring.getState(), undefined);
  return useScoring.subscribe((state, prev) => follow(state, prev));
}

/** For tests. */
export function resetFindingMarks(): void {
  useFindingMarks.setState({ ...empty });
}
