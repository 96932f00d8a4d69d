import { create } from 'zustand';
import type { OutputOf } from '../../../shared/contract';
import type { ReportDocument } from '../../../shared/contract/report';
import type { ReportDraft } from '../../../shared/contract/report-model';
import type { Review } from '../../../shared/contract/reviews';
import type { ApiError } from '../../../shared/result';
import { base64ToBytes, type PickedFile } from '../api/files';
import { services } from '../services';
import { bytesToBase64 } from './review-store';
import { announce } from './status-store';
import { toApiError } from './template-editor-store';

export type ReportAnswer = OutputOf<'report.get'>;
/** Everything report.get says except the draft, which the screen edits on its own copy. */
export type ReportMeta = Omit<ReportAnswer, 'draft'>;

/** How long typing may pause before the draft is saved; blur, leaving and every status step save at once. */
export const REPORT_SAVE_DELAY_MS = 800;

/** keepalive requests may carry at most 64 kB in browsers; a larger draft is sent as an ordinary request. */
const KEEPALIVE_LIMIT = 60_000;

/**
 * saved: nothing waiting · pending: waiting for the typing pause · saving: a call in flight ·
 * error: refused (the problems are shown, the next edit tries again) · conflict: someone saved
 * since this copy was read; nothing more is sent until the draft is read in again.
 */
export type ReportSaveState = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

export type ReportAction = 'submit' | 'approve' | 'reopen' | 'regenerate' | 'export-memo' | 'export-bilaga1' | 'attach' | 'appendix' | 'package';

/** The two documents the one draft makes: the memo (tjänsteutlåtande) and Bilaga 1 (the review report). */
export type ReportView = 'memo' | 'bilaga1';

/** What rewriting the draft from the review would do (report.regenerate with dryRun). */
export type RegeneratePreview = OutputOf<'report.regenerate'>;

/** A refused step (not ready to send, an export the identity-number scan stopped): the message and each place. */
export interface ActionProblem {
  action: ReportAction;
  error: ApiError;
}

interface ReportData {
  reviewId?: string;
  loadState: 'idle' | 'loading' | 'ready' | 'error';
  loadError?: string;
  review?: Review;
  meta?: ReportMeta;
  /** The draft on screen: the saved one plus the edits not yet sent. */
  draft?: ReportDraft;
  /** The revision the next save is based on. */
  revision: number;
  /** Grows on every (re)load, so editors take the loaded text instead of keeping their own. */
  generation: number;
  saveState: ReportSaveState;
  saveError?: ApiError;
  busy: ReportAction | null;
  problem?: ActionProblem;
  /** The document on screen. */
  view: ReportView;
}

export interface ReportState extends ReportData {
  open(reviewId: string): Promise<void>;
  /** Reads the draft in again, dropping edits not saved (after a conflict). */
  reload(): Promise<void>;
  /** Changes the draft on screen and saves it after the typing pause. */
  edit(change: (draft: ReportDraft) => ReportDraft): void;
  /** Saves a waiting edit now; resolves when nothing is left to send (or it was refused). */
  flush(options?: { keepalive?: boolean }): Promise<void>;
  /** Sends for approval; `override` is an approver's reason for sending an incomplete draft. */
  submit(override?: string): Promise<boolean>;
  /** Approves in the profile's role; `override` is the reason for approving an incomplete draft. */
  approve(override?: string): Promise<boolean>;
  /** Reopens with the reason (logged); a refusal is the step's problem, shown at the reason. */
  reopen(reason: string): Promise<boolean>;
  /** What rewriting from the review would replace and keep (every edit saved first); undefined when refused (the problem is shown). */
  previewRegenerate(): Promise<RegeneratePreview | undefined>;
  /** Rewrites the draft from the review, replacing also the edited sections in `overwrite`, and reads it in again. */
  regenerate(overwrite: readonly string[]): Promise<RegeneratePreview | undefined>;
  setView(view: ReportView): void;
  exportDocument(document: ReportDocument): Promise<void>;
  /** Lists an appendix by its title; its file is attached later. */
  planAppendix(title: string): Promise<ApiError | undefined>;
  /**
   * Attaches the file of a listed appendix. `confirmedNoPersonalData`: the board secretary's word
   * that a PDF which could not be read through holds no personal data (asked for only after such a refusal).
   */
  attachAppendix(id: string, file: PickedFile, confirmedNoPersonalData?: boolean): Promise<ApiError | undefined>;
  addAppendix(file: PickedFile, title: string, confirmedNoPersonalData?: boolean): Promise<ApiError | undefined>;
  updateAppendix(id: string, change: { title?: string; position?: number }): Promise<ApiError | undefined>;
  removeAppendix(id: string): Promise<void>;
  exportPackage(): Promise<void>;
  clearProblem(): void;
}

const initial: ReportData = {
  reviewId: undefined,
  loadState: 'idle',
  loadError: undefined,
  review: undefined,
  meta: undefined,
  draft: undefined,
  revision: 0,
  generation: 0,
  saveState: 'saved',
  saveError: undefined,
  busy: null,
  problem: undefined,
  view: 'memo',
};

// Module state that does not belong in renders: the typing pause and the save in flight.
let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | null = null;
/** The draft on screen has edits the server has not been sent. */
let dirty = false;
/** Grows when another review is opened or the draft is read in again: an old save's answer is then ignored. */
let session = 0;

const splitAnswer = ({ draft, ...meta }: ReportAnswer) => ({ draft, meta });

/** The tjänsteutlåtande of one review: its draft with autosave, the approval steps, exports and appendices. */
export const useReport = create<ReportState>()((set, get) => {
  const api = () => services().api;

  async function load(reviewId: string): Promise<void> {
    const mine = ++session;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    dirty = false;
    try {
      const [review, answer] = await Promise.all([api().call('reviews.get', { reviewId }), api().call('report.get', { reviewId })]);
      if (mine !== session) return;
      const { draft, meta } = splitAnswer(answer);
      set({ review, meta, draft, revision: answer.revision, loadState: 'ready', generation: get().generation + 1, saveState: 'saved', saveError: undefined, problem: undefined });
    } catch (error) {
      if (mine === session) set({ loadState: 'error', loadError: toApiError(error).message });
    }
  }

  /** Status, permissions, approvals, events and appendices afresh after a step; the draft on screen stays. */
  async function refreshMeta(): Promise<void> {
    const mine = session;
    const answer = await api().call('report.get', { reviewId: get().reviewId! });
    if (mine !== session) return;
    const { meta } = splitAnswer(answer);
    set({ meta, revision: dirty || running ? get().revision : answer.revision });
  }

  /** What is still incomplete, after a save changed the draft: only `readiness` is taken, the rest stays as the last step left it. */
  async function refreshReadiness(): Promise<void> {
    const mine = session;
    try {
      const answer = await api().call('report.get', { reviewId: get().reviewId! });
      const meta = get().meta;
      if (mine !== session || !meta) return;
      set({ meta: { ...meta, readiness: answer.readiness } });
    } catch {
      // The list stays as it was; the next save or step reads it again.
    }
  }

  async function saveOnce(options: { keepalive?: boolean }): Promise<void> {
    const mine = session;
    const { reviewId, draft, revision } = get();
    if (!draft || !reviewId) return;
    dirty = false;
    set({ saveState: 'saving' });
    announce('Sparar…', 'busy');
    const keepalive = options.keepalive === true && JSON.stringify(draft).length < KEEPALIVE_LIMIT;
    try {
      const result = await api().call('report.save', { reviewId, revision, draft }, { keepalive });
      if (mine !== session) return;
      set({ revision: result.revision, saveState: dirty ? 'pending' : 'saved', saveError: undefined });
      if (!dirty) {
        announce('Sparat', 'success');
        void refreshReadiness();
      }
    } catch (error) {
      if (mine !== session) return;
      const apiError = toApiError(error);
      if (apiError.code === 'CONFLICT') {
        set({ saveState: 'conflict', saveError: apiError });
      } else {
        // Kept on screen and sent again with the next edit (or "Försök igen").
        dirty = true;
        set({ saveState: 'error', saveError: apiError });
      }
      announce(apiError.message, 'error');
    }
  }

  async function flush(options: { keepalive?: boolean } = {}): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    while (running) await running;
    if (!dirty || get().saveState === 'conflict') return;
    running = saveOnce(options).finally(() => {
      running = null;
    });
    await running;
    // Edits typed while the call was out wait for their own pause.
    if (dirty && get().saveState === 'pending') schedule();
  }

  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, REPORT_SAVE_DELAY_MS);
  }

  /** Runs a step that needs every edit saved first; false when the save was refused (its message is shown). */
  async function savedFirst(): Promise<boolean> {
    await flush();
    const state = get().saveState;
    return state !== 'error' && state !== 'conflict';
  }

  async function step(action: ReportAction, run: () => Promise<unknown>, success: string | (() => string)): Promise<boolean> {
    set({ busy: action, problem: undefined });
    try {
      if (!(await savedFirst())) return false;
      await run();
      await refreshMeta();
      announce(typeof success === 'string' ? success : success(), 'success');
      return true;
    } catch (error) {
      const apiError = toApiError(error);
      set({ problem: { action, error: apiError } });
      announce(apiError.message, 'error');
      // A refusal for gaps names them as they are now: the list beside the buttons follows.
      if (apiError.code === 'VALIDATION') await refreshMeta().catch(() => undefined);
      return false;
    } finally {
      set({ busy: null });
    }
  }

  /** Calls report.regenerate after every edit is saved; a refusal is the step's problem. */
  async function regenerateCall(dryRun: boolean, overwrite: readonly string[]): Promise<RegeneratePreview | undefined> {
    set({ busy: 'regenerate', problem: undefined });
    try {
      if (!(await savedFirst())) return undefined;
      const answer = await api().call('report.regenerate', { reviewId: get().reviewId!, revision: get().revision, dryRun, ...(overwrite.length > 0 ? { overwrite: [...overwrite] } : {}) });
      if (!dryRun) {
        await load(get().reviewId!);
        const count = answer.replaced.length;
        announce(count === 0 ? 'Inget behövde skrivas om.' : `Utkastet skrevs om från granskningen: ${count === 1 ? 'ett avsnitt' : `${count} avsnitt`}.`, 'success');
      }
      return answer;
    } catch (error) {
      const apiError = toApiError(error);
      set({ problem: { action: 'regenerate', error: apiError } });
      announce(apiError.message, 'error');
      return undefined;
    } finally {
      set({ busy: null });
    }
  }

  /** Runs an appendix call, refreshes the list and the history, and says how it went. */
  async function appendixCall<T>(run: () => Promise<T>, success: string | ((value: T) => string), busy: ReportAction = 'appendix'): Promise<ApiError | undefined> {
    set({ busy });
    try {
      const value = await run();
      await refreshMeta();
      announce(typeof success === 'string' ? success : success(value), 'success');
      return undefined;
    } catch (error) {
      const apiError = toApiError(error);
      announce(apiError.message, 'error');
      return apiError;
    } finally {
      set({ busy: null });
    }
  }

  return {
    ...initial,

    async open(reviewId) {
      set({ ...initial, reviewId, loadState: 'loading', generation: get().generation });
      await load(reviewId);
    },

    async reload() {
      const { reviewId } = get();
      if (!reviewId) return;
      await load(reviewId);
    },

    edit(change) {
      const { draft, meta, saveState } = get();
      if (!draft || !meta?.permissions.edit.allowed || saveState === 'conflict') return;
      dirty = true;
      set({ draft: change(draft), saveState: running ? get().saveState : 'pending' });
      schedule();
    },

    flush,

    submit: (override) =>
      step(
        'submit',
        () => api().call('report.submit', { reviewId: get().reviewId!, revision: get().revision, ...(override !== undefined ? { override } : {}) }),
        override !== undefined ? 'Tjänsteutlåtandet skickades för godkännande; skälet och bristerna loggades.' : 'Tjänsteutlåtandet skickades för godkännande.',
      ),

    approve: (override) =>
      step(
        'approve',
        () => api().call('report.approve', { reviewId: get().reviewId!, revision: get().revision, ...(override !== undefined ? { override } : {}) }),
        () => (get().meta?.status === 'godkand' ? 'Tjänsteutlåtandet godkändes och fastställdes.' : 'Ditt godkännande registrerades; utlåtandet väntar på fler godkännanden.'),
      ),

    previewRegenerate: () => regenerateCall(true, []),

    regenerate: (overwrite) => regenerateCall(false, overwrite),

    setView: (view) => set({ view }),

    reopen: (reason) => step('reopen', () => api().call('report.reopen', { reviewId: get().reviewId!, reason }), 'Tjänsteutlåtandet öppnades igen för ändringar.'),

    async exportDocument(document) {
      const action: ReportAction = document === 'memo' ? 'export-memo' : 'export-bilaga1';
      const what = document === 'memo' ? 'Tjänsteutlåtandet' : 'Bilaga 1';
      set({ busy: action, problem: undefined });
      announce('Skapar Word-filen…', 'busy');
      try {
        if (!(await savedFirst())) return;
        const file = await api().call('report.export', { reviewId: get().reviewId!, document });
        const saved = await services().saveBinaryFile(file.fileName, base64ToBytes(file.contentBase64), file.mimeType);
        announce(saved ? `${what} sparades: ${saved}.` : 'Ingen fil sparades.', saved ? 'success' : 'info');
        await refreshMeta();
      } catch (error) {
        const apiError = toApiError(error);
        set({ problem: { action, error: apiError } });
        announce(apiError.message, 'error');
      } finally {
        set({ busy: null });
      }
    },

    planAppendix(title) {
      return appendixCall(
        () => api().call('appendix.plan', { reviewId: get().reviewId!, title }),
        (listed) => `Bilaga ${listed.number} lades till i förteckningen: ${listed.title}. Filen bifogas senare.`,
      );
    },

    attachAppendix(id, file, confirmedNoPersonalData) {
      const confirmation = confirmedNoPersonalData ? { confirmedNoPersonalData: true } : {};
      return appendixCall(
        () => api().call('appendix.attach', { reviewId: get().reviewId!, id, fileName: file.name, contentBase64: bytesToBase64(file.bytes), ...confirmation }),
        (attached) => `Filen ${attached.fileName ?? file.name} bifogades till bilaga ${attached.number}.`,
        'attach',
      );
    },

    addAppendix(file, title, confirmedNoPersonalData) {
      const confirmation = confirmedNoPersonalData ? { confirmedNoPersonalData: true } : {};
      return appendixCall(
        () => api().call('appendix.add', { reviewId: get().reviewId!, fileName: file.name, title, contentBase64: bytesToBase64(file.bytes), ...confirmation }),
        (added) => `Bilaga ${added.number} bifogades: ${added.title}.`,
        'attach',
      );
    },

    updateAppendix(id, change) {
      const success = change.title !== undefined ? 'Bilagans titel ändrades.' : `Bilagan flyttades: nu bilaga ${(change.position ?? 1) + 1}.`;
      return appendixCall(async () => {
        await api().call('appendix.update', { reviewId: get().reviewId!, id, ...change });
      }, success);
    },

    async removeAppendix(id) {
      await appendixCall(() => api().call('appendix.remove', { reviewId: get().reviewId!, id }), 'Bilagan togs bort.');
    },

    async exportPackage() {
      set({ busy: 'package', problem: undefined });
      announce('Skapar nämndpaketet…', 'busy');
      try {
        const file = await api().call('package.export', { reviewId: get().reviewId! });
        const saved = await services().saveBinaryFile(file.fileName, base64ToBytes(file.contentBase64), 'application/zip');
        announce(saved ? `Nämndpaketet sparades: ${saved}.` : 'Ingen fil sparades.', saved ? 'success' : 'info');
        await refreshMeta();
      } catch (error) {
        const apiError = toApiError(error);
        set({ problem: { action: 'package', error: apiError } });
        announce(apiError.message, 'error');
      } finally {
        set({ busy: null });
      }
    },

    clearProblem: () => set({ problem: undefined }),
  };
});

/** For tests: forget everything, including a pending typing pause. */
export function resetReport(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  running = null;
  dirty = false;
  session++;
  useReport.setState({ ...initial }, false);
}
