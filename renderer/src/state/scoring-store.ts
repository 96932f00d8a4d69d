import { create } from 'zustand';
import type { OutputOf } from '../../../shared/contract';
import type { AnswerValue } from '../../../shared/scoring/answer-value';
import { findIdentityNumbers, piiGuardMessage } from '../../../shared/identity/pii-guard';
import type { Question, Template } from '../../../shared/templates/schema';
import type { CallOptions } from '../api/client';
import type { ApiError } from '../../../shared/result';
import { services } from '../services';
import { announce } from './status-store';
import { toApiError } from './template-editor-store';
import { missingRequiredText } from '../../../shared/util/plural-sv';

export type CaseView = OutputOf<'scoring.caseView'>;
export type Overview = OutputOf<'scoring.overview'>;

/** How long typing may pause before a free text is saved; blur and leaving save at once. */
export const TEXT_SAVE_DELAY_MS = 500;

/** The free-text fields of one answer: the note, the pointer into the file, and a text question's answer. */
export type TextField = 'note' | 'fileRef' | 'value';

export interface AnswerState {
  value: AnswerValue;
  note: string | null;
  fileRef: string | null;
}

/**
 * Pauses before each new try of a save the database answered BUSY (another process, e.g. an import
 * from the CLI, holds its write lock): growing, then every 5 s, about two minutes in all. The answer
 * stays on screen as "Väntar på databasen …" meanwhile, and is never shown as saved before it is.
 */
const DEFAULT_BUSY_RETRY_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 4000, ...Array<number>(22).fill(5000)];
let busyRetryDelays = DEFAULT_BUSY_RETRY_DELAYS_MS;

/** For tests: shorter pauses (resetScoring restores the real ones). */
export function setBusyRetryDelays(delays: readonly number[]): void {
  busyRetryDelays = delays;
}

export const WAITING_FOR_DATABASE = 'Väntar på databasen …';

/** saving: a call is in flight · waiting: the database is busy, the save will be tried again · saved: the last call committed · error: refused · blocked: the PII guard held it back */
export interface SaveStatus {
  state: 'saving' | 'waiting' | 'saved' | 'error' | 'blocked';
  message?: string;
}

interface ScoringData {
  reviewId?: string;
  caseId?: string;
  loadState: 'idle' | 'loading' | 'ready' | 'error';
  loadError?: string;
  view?: CaseView;
  /** The questions in the order the reviewer meets them: area by area. */
  questions: Question[];
  /** What the server has committed. */
  saved: Record<string, AnswerState & { updatedAt?: string }>;
  /** What the screen shows: saved plus what is being saved. */
  shown: Record<string, AnswerState>;
  /** The text in each free-text field, saved or not. */
  texts: Record<string, Record<TextField, string>>;
  /** PII guard messages per field; such text is never sent. */
  textIssues: Record<string, Partial<Record<TextField, string>>>;
  status: Record<string, SaveStatus>;
  current: number;
  /** Bumped when keyboard navigation should move focus to the current question. */
  focusTick: number;
  /**
   * The question the last focus request was for. Only that question acts on focusTick: a question
   * that becomes current because it was clicked or tabbed into must not take focus (and scroll)
   * again in the middle of that click.
   */
  focusIndex: number;
  guidanceOpen: Record<string, boolean>;
  overview?: Overview;
  leaving: boolean;
  leaveError?: string;
  /** The file may not be scored (outside the sample, dropped): everything is shown, nothing can be changed. */
  readOnly: boolean;
  /** Bumped when focus should go to "Klar – nästa akt" (after the last question). */
  finishFocusTick: number;
}

export interface ScoringState extends ScoringData {
  open(reviewId: string, caseId: string): Promise<void>;
  setCurrent(index: number, focus?: boolean): void;
  move(delta: number): void;
  answer(questionId: string, value: AnswerValue): Promise<void>;
  editText(questionId: string, field: TextField, text: string): void;
  flushText(questionId: string, field: TextField): void;
  /** Saves every typed text not yet sent; `keepalive` when the page is being left (the request must outlive it). */
  flushAll(options?: { keepalive?: boolean }): Promise<void>;
  toggleGuidance(questionId: string): void;
  setDone(done: boolean): Promise<boolean>;
  /** Marks this file done and returns the next file not yet done, or null when there is none. */
  finishAndNext(): Promise<{ caseId: string } | null | undefined>;
}

const initial: ScoringData = {
  reviewId: undefined,
  caseId: undefined,
  loadState: 'idle',
  loadError: undefined,
  view: undefined,
  questions: [],
  saved: {},
  shown: {},
  texts: {},
  textIssues: {},
  status: {},
  current: 0,
  focusTick: 0,
  focusIndex: -1,
  guidanceOpen: {},
  overview: undefined,
  leaving: false,
  leaveError: undefined,
  readOnly: false,
  finishFocusTick: 0,
};

const EMPTY: AnswerState = { value: null, note: null, fileRef: null };

/** Questions area by area, in the template's order within each area. */
export function questionsInOrder(template: Template): Question[] {
  return template.areas.flatMap((a) => template.questions.filter((q) => q.area === a.id));
}

export const isAnswered = (value: AnswerValue | undefined): boolean => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

const textOf = (q: Question, a: AnswerState): Record<TextField, string> => ({
  note: a.note ?? '',
  fileRef: a.fileRef ?? '',
  value: q.type === 'text' && typeof a.value === 'string' ? a.value : '',
});

// Module state that does not belong in renders: typing pauses and per-question save chains.
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const chains = new Map<string, Promise<void>>();
const inFlight = new Map<string, number>();
let session = 0;
/** "Akt X är klar." — said together with the next file's arrival, which would otherwise drown it. */
let finishedBefore: string | undefined;

const timerKey = (questionId: string, field: TextField) => `${questionId}\u0000${field}`;

export const useScoring = create<ScoringState>()((set, get) => {
  /** Queues one save of a question; saves of one question run in order, and only the last one's result shows "Sparat". */
  function save(questionId: string, patch: Partial<AnswerState>, options: CallOptions = {}): Promise<void> {
    const mine = session;
    // The core refuses it too (outside the sample); the screen never offers it.
    if (get().readOnly) return Promise.resolve();
    const { shown, status } = get();
    set({
      shown: { ...shown, [questionId]: { ...(shown[questionId] ?? EMPTY), ...patch } },
      status: { ...status, [questionId]: { state: 'saving' } },
    });
    inFlight.set(questionId, (inFlight.get(questionId) ?? 0) + 1);
    announce('Sparar…', 'busy');
    const run = async () => {
      if (mine !== session) return;
      const { reviewId, caseId } = get();
      const current = get().shown[questionId] ?? EMPTY;
      let outcome: SaveStatus;
      const input = {
        reviewId: reviewId!,
        caseId: caseId!,
        questionId,
        // The value always goes along (the call needs it); note and file reference only when they changed.
        value: 'value' in patch ? (patch.value ?? null) : current.value,
        ...('note' in patch ? { note: patch.note ?? null } : {}),
        ...('fileRef' in patch ? { fileRef: patch.fileRef ?? null } : {}),
      };
      try {
        const result = await callWhileBusy(() => services().api.call('answers.save', input, options), questionId, () => mine === session);
        if (mine !== session) return;
        set({ saved: { ...get().saved, [questionId]: { value: result.value, note: result.note, fileRef: result.fileRef, updatedAt: result.updatedAt } } });
        outcome = { state: 'saved' };
      } catch (error) {
        if (mine !== session) return;
        const message = toApiError(error).message;
        // The screen goes back to what is committed; typed text stays in its field.
        const saved = get().saved[questionId] ?? EMPTY;
        const reverted = { ...get().shown[questionId] };
        for (const k of Object.keys(patch) as (keyof AnswerState)[]) (reverted as Record<string, unknown>)[k] = saved[k];
        set({ shown: { ...get().shown, [questionId]: reverted } });
        outcome = { state: 'error', message };
        announce(message, 'error');
      }
      const left = (inFlight.get(questionId) ?? 1) - 1;
      inFlight.set(questionId, left);
      const blocked = Object.values(get().textIssues[questionId] ?? {}).find(Boolean);
      if (left === 0 || outcome.state === 'error') {
        const shownStatus: SaveStatus = blocked && outcome.state === 'saved' ? { state: 'blocked', message: blocked } : outcome;
        set({ status: { ...get().status, [questionId]: shownStatus } });
        if (outcome.state === 'saved' && [...inFlight.values()].every((n) => n === 0)) announce(`Sparat (fråga ${questionId}).`, 'success');
      }
    };
    // When the page is being left there is no time to wait for an earlier save of the question: the
    // request must start before the page goes (it carries the whole answer, so order hardly matters).
    const before = chains.get(questionId) ?? Promise.resolve();
    const chain = options.keepalive ? Promise.all([before, run()]).then(() => undefined) : before.then(run);
    chains.set(questionId, chain);
    return chain;
  }

  /**
   * Runs a save, and again after a pause while the database answers BUSY (nothing was written, so
   * trying again is safe); any other answer, or running out of patience, ends it as usual.
   */
  async function callWhileBusy<T>(call: () => Promise<T>, questionId: string, live: () => boolean): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const value = await call();
        // Committed now; the result handling below decides between "Sparat" and a later queued save.
        if (attempt > 0 && live()) set({ status: { ...get().status, [questionId]: { state: 'saving' } } });
        return value;
      } catch (error) {
        if (toApiError(error).code !== 'BUSY' || attempt >= busyRetryDelays.length || !live()) throw error;
        set({ status: { ...get().status, [questionId]: { state: 'waiting', message: WAITING_FOR_DATABASE } } });
        announce(WAITING_FOR_DATABASE, 'busy');
        await new Promise((resolve) => setTimeout(resolve, busyRetryDelays[attempt]));
        if (!live()) throw error;
      }
    }
  }

  /** Marks the file done; the core's refusal (an incomplete file, a file outside the sample) comes back as data. */
  async function markDone(): Promise<ApiError | null> {
    const { reviewId, caseId, view } = get();
    try {
      await services().api.call('cases.setDone', { reviewId: reviewId!, caseId: caseId!, done: true });
    } catch (error) {
      return toApiError(error);
    }
    if (view) set({ view: { ...view, case: { ...view.case, done: true } } });
    return null;
  }

  /** "N obligatoriska frågor saknar svar", and the reviewer is taken to the first of them. */
  function refuseIncomplete(missing: Question[]): void {
    const numbers = missing.map((q) => get().questions.indexOf(q) + 1);
    const message = `${missingRequiredText(missing.length)}: ${numbers.length === 1 ? 'fråga' : 'frågorna'} ${listSv(numbers.map(String))}.`;
    set({ leaveError: message });
    announce(message, 'error');
    get().setCurrent(numbers[0] - 1, true);
  }

  function saveText(questionId: string, field: TextField, options: CallOptions = {}): Promise<void> | undefined {
    const key = timerKey(questionId, field);
    const timer = timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(key);
    if (get().textIssues[questionId]?.[field]) return undefined;
    const text = get().texts[questionId]?.[field] ?? '';
    const shown = get().shown[questionId] ?? EMPTY;
    const next = text === '' ? null : text;
    if ((shown[field] ?? null) === next) return undefined;
    return save(questionId, { [field]: next }, options);
  }

  return {
    ...initial,

    async open(reviewId, caseId) {
      session++;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      chains.clear();
      inFlight.clear();
      const mine = session;
      set({ ...initial, reviewId, caseId, loadState: 'loading' });
      try {
        const [view, overview] = await Promise.all([
          services().api.call('scoring.caseView', { reviewId, caseId }),
          services().api.call('scoring.overview', { reviewId }).catch(() => undefined),
        ]);
        if (mine !== session) return;
        const questions = questionsInOrder(view.template);
        const saved: ScoringData['saved'] = {};
        for (const a of view.answers) saved[a.questionId] = { value: a.value, note: a.note, fileRef: a.fileRef, updatedAt: a.updatedAt };
        const texts: ScoringData['texts'] = {};
        for (const q of questions) texts[q.id] = textOf(q, saved[q.id] ?? EMPTY);
        // Reopening resumes at the first question without an answer.
        const firstOpen = questions.findIndex((q) => !isAnswered(saved[q.id]?.value));
        // A core without the sample rules says nothing about access: every file is scorable there.
        const readOnly = view.access ? !view.access.scorable : false;
        set({ view, overview, questions, saved, shown: { ...saved }, texts, current: firstOpen === -1 ? 0 : firstOpen, focusTick: 1, focusIndex: firstOpen === -1 ? 0 : firstOpen, loadState: 'ready', readOnly });
        const answered = questions.filter((q) => isAnswered(saved[q.id]?.value)).length;
        const arrived = `Akt ${view.case.ref} öppnad: ${answered} av ${questions.length} frågor besvarade.${readOnly && view.access?.reason ? ` ${view.access.reason}` : ''}`;
        announce(finishedBefore ? `${finishedBefore} ${arrived}` : arrived, 'info');
        finishedBefore = undefined;
      } catch (error) {
        if (mine === session) set({ loadState: 'error', loadError: toApiError(error).message });
      }
    },

    setCurrent(index, focus = false) {
      const { questions, current, focusTick } = get();
      if (focus && index >= questions.length && !get().readOnly) {
        // Past the last question: on to "Klar – nästa akt".
        set({ finishFocusTick: get().finishFocusTick + 1 });
        return;
      }
      const next = Math.max(0, Math.min(questions.length - 1, index));
      if (next === current && !focus) return;
      set(focus ? { current: next, focusTick: focusTick + 1, focusIndex: next } : { current: next });
    },

    move(delta) {
      get().setCurrent(get().current + delta, true);
    },

    answer(questionId, value) {
      return save(questionId, { value });
    },

    editText(questionId, field, text) {
      const { texts, textIssues, status } = get();
      const message = piiGuardMessage(findIdentityNumbers(text));
      const issues = { ...(textIssues[questionId] ?? {}), [field]: message ?? undefined };
      set({
        texts: { ...texts, [questionId]: { ...(texts[questionId] ?? { note: '', fileRef: '', value: '' }), [field]: text } },
        textIssues: { ...textIssues, [questionId]: issues },
      });
      const key = timerKey(questionId, field);
      const timer = timers.get(key);
      if (timer !== undefined) clearTimeout(timer);
      timers.delete(key);
      if (message) {
        // Nothing is sent while the text holds an identity number.
        set({ status: { ...status, [questionId]: { state: 'blocked', message } } });
        return;
      }
      const stillBlocked = Object.values(issues).find(Boolean);
      if (!stillBlocked && status[questionId]?.state === 'blocked') {
        const rest = { ...status };
        delete rest[questionId];
        set({ status: rest });
      }
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          void saveText(questionId, field);
        }, TEXT_SAVE_DELAY_MS),
      );
    },

    flushText(questionId, field) {
      void saveText(questionId, field);
    },

    async flushAll(options = {}) {
      for (const key of [...timers.keys()]) {
        const [questionId, field] = key.split('\u0000') as [string, TextField];
        void saveText(questionId, field, options);
      }
      await Promise.all([...chains.values()]);
    },

    toggleGuidance(questionId) {
      const open = get().guidanceOpen;
      set({ guidanceOpen: { ...open, [questionId]: !open[questionId] } });
    },

    async setDone(done) {
      const { reviewId, caseId, view } = get();
      try {
        await services().api.call('cases.setDone', { reviewId: reviewId!, caseId: caseId!, done });
        if (view) set({ view: { ...view, case: { ...view.case, done } } });
        announce(done ? 'Akten är markerad som färdiggranskad.' : 'Akten är öppnad igen.', 'success');
        return true;
      } catch (error) {
        announce(toApiError(error).message, 'error');
        return false;
      }
    },

    async finishAndNext() {
      if (get().leaving) return undefined;
      set({ leaving: true, leaveError: undefined });
      try {
        await get().flushAll();
        const blocked = Object.entries(get().textIssues).find(([, issues]) => Object.values(issues).some(Boolean));
        if (blocked) {
          const message = `Fråga ${blocked[0]} har text med något som ser ut som ett personnummer. Ta bort det innan du går vidare.`;
          set({ leaveError: message });
          announce(message, 'error');
          return undefined;
        }
        const failed = Object.entries(get().status).find(([, s]) => s.state === 'error');
        if (failed) {
          const message = `Svaret på fråga ${failed[0]} är inte sparat: ${failed[1].message ?? ''}`.trim();
          set({ leaveError: message });
          announce(message, 'error');
          return undefined;
        }
        const missing = missingRequired(get().questions, get().saved);
        if (missing.length > 0) {
          refuseIncomplete(missing);
          return undefined;
        }
        const refusal = await markDone();
        if (refusal) {
          // The core checks too (another window may have removed an answer): its issues name the questions.
          const ids = new Set((refusal.issues ?? []).map((i) => /^\$\.answers\.(.+)$/.exec(i.path)?.[1]).filter(Boolean));
          const named = get().questions.filter((q) => ids.has(q.id));
          if (refusal.code === 'VALIDATION' && named.length > 0) refuseIncomplete(named);
          else {
            set({ leaveError: refusal.message });
            announce(refusal.message, 'error');
          }
          return undefined;
        }
        finishedBefore = `Akt ${get().view?.case.ref ?? ''} är klar.`;
        // The core's one scoring order decides the next file (caseView.next: not done, after this one, wrapping).
        const next = get().view?.next;
        return next ? { caseId: next.caseId } : null;
      } catch (error) {
        const message = toApiError(error).message;
        set({ leaveError: message });
        announce(message, 'error');
        return undefined;
      } finally {
        set({ leaving: false });
      }
    },
  };
});

/** The required questions without a committed answer, in the order the reviewer meets them. */
export function missingRequired(questions: Question[], saved: ScoringData['saved']): Question[] {
  return questions.filter((q) => q.required && !isAnswered(saved[q.id]?.value));
}


/** "4", "4 och 12", "4, 12 och 20". */
function listSv(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/** Answered and total per area and for the file, from what is committed. */
export function progressOf(questions: Question[], saved: ScoringData['saved']) {
  const answered = (qs: Question[]) => qs.filter((q) => isAnswered(saved[q.id]?.value)).length;
  return { answered: answered(questions), total: questions.length, answeredIn: (areaId: string) => answered(questions.filter((q) => q.area === areaId)) };
}

/** For tests: forget everything, including typing pauses. */
export function resetScoring(): void {
  session++;
  busyRetryDelays = DEFAULT_BUSY_RETRY_DELAYS_MS;
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
  chains.clear();
  inFlight.clear();
  finishedBefore = undefined;
  useScoring.setState({ ...initial }, false);
}
