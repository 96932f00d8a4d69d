import { create } from 'zustand';
import type { TemplateRecord } from '../../../shared/contract/templates';
import type { ApiError, Issue } from '../../../shared/result';
import type { Area, Question, QuestionType, Template } from '../../../shared/templates/schema';
import { ApiCallError } from '../api/client';
import { services } from '../services';
import { announce } from './status-store';
import * as edits from './template-edits';
import type { DeletedQuestion, Draft } from './template-edits';
import { fromSavePath, localIssues } from './template-issues';

/** How long typing may pause before the text is saved; blur and navigation save at once. */
export const SAVE_DELAY_MS = 400;

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';
/** saved: nothing pending · pending: waiting for the typing pause · saving: call in flight · invalid: local problems block saving · error: the server refused */
export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'error';

interface EditorData {
  id?: string;
  loadState: LoadState;
  loadError?: string;
  origin?: TemplateRecord['origin'];
  frozen: boolean;
  versions: number[];
  draft?: Draft;
  /** Problems found locally; nothing is saved while there are any. */
  issues: Issue[];
  saveState: SaveState;
  /** The server's refusal of the last save, paths relative to the template. */
  saveError?: ApiError;
  /** Deleted questions, newest last; Ctrl+Z and "Ångra" restore the newest. */
  deleted: DeletedQuestion[];
  undoNoticeVisible: boolean;
  /** A refused area deletion, shown beside that area. */
  areaNotice?: { areaId: string; message: string };
  expanded: Record<string, boolean>;
  /** A question to focus once rendered: its text field when just added, its row when restored. */
  focusRequest?: { key: string; target: 'text' | 'toggle' };
  /** Feedback on moves and deletions for the editor's own live region. */
  liveNote: string;
}

export interface EditorState extends EditorData {
  open(id: string): Promise<void>;
  load(id: string): Promise<void>;
  reset(): void;
  readOnly(): boolean;
  setTemplateFields(patch: Partial<Pick<Template, 'name' | 'targetGroup' | 'description'>>, typing?: boolean): void;
  updateQuestion(key: string, update: (q: Question) => Question, typing?: boolean): void;
  changeQuestionType(key: string, type: QuestionType): void;
  setQuestionArea(key: string, areaId: string): void;
  addQuestion(areaId: string, type: QuestionType): string | undefined;
  moveQuestion(key: string, direction: -1 | 1): boolean;
  moveQuestionTo(key: string, targetKey: string, place: 'before' | 'after'): void;
  moveQuestionToArea(key: string, areaId: string): void;
  deleteQuestion(key: string): void;
  undoDelete(): boolean;
  dismissUndo(): void;
  addArea(name: string): Area | undefined;
  updateArea(areaId: string, patch: Partial<Pick<Area, 'name' | 'description'>>, typing?: boolean): void;
  moveArea(areaId: string, direction: -1 | 1): boolean;
  deleteArea(areaId: string): string | undefined;
  clearAreaNotice(): void;
  setExpanded(key: string, expanded: boolean): void;
  clearFocusRequest(): void;
  note(message: string): void;
  /** Saves anything waiting for the typing pause now; resolves when every save has finished. */
  flush(): Promise<void>;
  /** Tries the last refused save again. */
  retry(): Promise<void>;
}

const initial: EditorData = {
  loadState: 'idle',
  frozen: false,
  versions: [],
  issues: [],
  saveState: 'saved',
  deleted: [],
  undoNoticeVisible: false,
  expanded: {},
  liveNote: '',
};

// Save machinery, outside React state: one save in flight at a time, always of the newest draft.
let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | null = null;
let dirty = false;
/** Bumped on every load/reset so answers for a template no longer open are ignored. */
let session = 0;

export const useTemplateEditor = create<EditorState>()((set, get) => {
  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  /** Applies an edit: shows it at once, validates it locally, and saves it (after a pause when typing). */
  function commit(draft: Draft, typing: boolean, extra: Partial<EditorData> = {}): void {
    if (get().readOnly() || !get().draft) return;
    const issues = localIssues(draft.template);
    set({ draft, issues, saveError: undefined, ...extra });
    dirty = true;
    if (issues.length > 0) {
      clearTimer();
      set({ saveState: 'invalid' });
      announce(`Inte sparat: ${issues.length === 1 ? 'ett fel' : `${issues.length} fel`} i mallen. Rätta det markerade.`, 'error');
      return;
    }
    if (get().saveState !== 'saving') set({ saveState: 'pending' });
    announce('Sparar…', 'busy');
    clearTimer();
    if (typing) timer = setTimeout(() => void get().flush(), SAVE_DELAY_MS);
    else void get().flush();
  }

  async function runSaves(): Promise<void> {
    const mine = session;
    let savedMessage = 'Sparat';
    while (dirty && session === mine) {
      const state = get();
      if (!state.draft || state.issues.length > 0 || state.readOnly()) {
        dirty = false;
        break;
      }
      dirty = false;
      const sent = state.draft.template;
      set({ saveState: 'saving' });
      try {
        const result = await services().api.call('templates.save', { template: sent });
        if (session !== mine) {
          // The editor was closed meanwhile (e.g. back to the list): still confirm the save landed.
          if (!dirty) announce(result.newVersion ? `Sparat som version ${result.version}.` : 'Sparat', 'success');
          return;
        }
        if (result.newVersion) savedMessage = switchToVersion(result.version, sent.version);
      } catch (error) {
        const apiError = toApiError(error);
        announce(apiError.message, 'error');
        if (session !== mine) return;
        dirty = true; // the edit is still unsaved; the next change or "Försök igen" sends it again
        set({ saveState: 'error', saveError: { ...apiError, issues: apiError.issues?.map((i) => ({ ...i, path: fromSavePath(i.path) })) } });
        return;
      }
    }
    if (session !== mine) return;
    const state = get();
    if (!dirty && state.issues.length === 0 && state.draft) {
      set({ saveState: 'saved' });
      announce(savedMessage, 'success');
    }
  }

  /** The version a review uses stays as it was; the edit became the next version, which is now the one open. */
  function switchToVersion(version: number, previous: number): string {
    const draft = get().draft;
    const message = `Sparat som version ${version}. Version ${previous} används av en granskning och är oförändrad.`;
    if (!draft) return message;
    set({
      draft: { ...draft, template: { ...draft.template, version } },
      frozen: false,
      versions: [...new Set([...get().versions, version])].sort((a, b) => a - b),
    });
    return message;
  }

  return {
    ...initial,

    async open(id) {
      const s = get();
      if (s.id === id && (s.loadState === 'ready' || s.loadState === 'loading')) return;
      await get().load(id);
    },

    async load(id) {
      await get().flush();
      const mine = ++session;
      clearTimer();
      dirty = false;
      set({ ...initial, id, loadState: 'loading' });
      try {
        const record = await services().api.call('templates.get', { id });
        if (session !== mine) return;
        set({
          loadState: 'ready',
          origin: record.origin,
          frozen: record.frozen,
          versions: record.versions,
          draft: edits.draftOf(record.template),
        });
      } catch (error) {
        if (session !== mine) return;
        set({ loadState: 'error', loadError: toApiError(error).message });
      }
    },

    reset() {
      const { saveState, draft } = get();
      if (saveState === 'invalid' && draft) announce(`Senaste ändringen i "${draft.template.name}" sparades inte eftersom mallen hade fel.`, 'error');
      void get().flush();
      session++;
      clearTimer();
      dirty = false;
      set({ ...initial });
    },

    readOnly: () => get().origin === 'bundled',

    setTemplateFields(patch, typing = false) {
      const draft = get().draft;
      if (draft) commit(edits.updateTemplateFields(draft, patch), typing);
    },

    updateQuestion(key, update, typing = false) {
      const draft = get().draft;
      if (draft) commit(edits.updateQuestion(draft, key, update), typing);
    },

    changeQuestionType(key, type) {
      const draft = get().draft;
      if (draft) commit(edits.changeQuestionType(draft, key, type), false);
    },

    setQuestionArea(key, areaId) {
      const draft = get().draft;
      if (draft) commit(edits.moveQuestionToArea(draft, key, areaId), false);
    },

    addQuestion(areaId, type) {
      const draft = get().draft;
      if (!draft || get().readOnly()) return undefined;
      const added = edits.addQuestion(draft, areaId, type);
      commit(added.draft, false, { expanded: { ...get().expanded, [added.key]: true }, focusRequest: { key: added.key, target: 'text' } });
      return added.key;
    },

    moveQuestion(key, direction) {
      const draft = get().draft;
      if (!draft) return false;
      const next = edits.moveQuestion(draft, key, direction);
      if (next === draft) return false;
      commit(next, false);
      return true;
    },

    moveQuestionTo(key, targetKey, place) {
      const draft = get().draft;
      if (!draft) return;
      const next = edits.moveQuestionTo(draft, key, targetKey, place);
      if (next !== draft) commit(next, false);
    },

    moveQuestionToArea(key, areaId) {
      const draft = get().draft;
      if (draft) commit(edits.moveQuestionToArea(draft, key, areaId), false);
    },

    deleteQuestion(key) {
      const draft = get().draft;
      if (!draft || get().readOnly()) return;
      const { draft: next, deleted } = edits.deleteQuestion(draft, key);
      if (!deleted) return;
      commit(next, false, {
        deleted: [...get().deleted, deleted],
        undoNoticeVisible: true,
        liveNote: `Frågan ${deleted.question.id} togs bort. Ångra med Ctrl+Z.`,
      });
    },

    undoDelete() {
      const { draft, deleted } = get();
      const last = deleted[deleted.length - 1];
      if (!draft || !last || get().readOnly()) return false;
      const rest = deleted.slice(0, -1);
      commit(edits.restoreQuestion(draft, last), false, {
        deleted: rest,
        undoNoticeVisible: rest.length > 0 && get().undoNoticeVisible,
        focusRequest: { key: last.key, target: 'toggle' },
        liveNote: `Frågan ${last.question.id} är återställd.`,
      });
      return true;
    },

    dismissUndo: () => set({ undoNoticeVisible: false }),

    addArea(name) {
      const draft = get().draft;
      if (!draft || !name.trim() || get().readOnly()) return undefined;
      const added = edits.addArea(draft, name);
      commit(added.draft, false);
      return added.area;
    },

    updateArea(areaId, patch, typing = false) {
      const draft = get().draft;
      if (draft) commit(edits.updateArea(draft, areaId, patch), typing);
    },

    moveArea(areaId, direction) {
      const draft = get().draft;
      if (!draft) return false;
      const next = edits.moveArea(draft, areaId, direction);
      if (next === draft) return false;
      commit(next, false);
      return true;
    },

    deleteArea(areaId) {
      const draft = get().draft;
      if (!draft || get().readOnly()) return undefined;
      const result = edits.deleteArea(draft, areaId);
      if (result.refused) {
        set({ areaNotice: { areaId, message: result.refused } });
        announce(result.refused, 'error');
        return result.refused;
      }
      commit(result.draft, false, { areaNotice: undefined });
      return undefined;
    },

    clearAreaNotice: () => set({ areaNotice: undefined }),

    setExpanded: (key, expanded) => set({ expanded: { ...get().expanded, [key]: expanded } }),

    clearFocusRequest: () => set({ focusRequest: undefined }),

    note: (message) => set({ liveNote: message }),

    flush() {
      clearTimer();
      if (!running) {
        if (!dirty) return Promise.resolve();
        running = runSaves().finally(() => {
          running = null;
        });
      }
      return running;
    },

    retry() {
      if (get().saveState !== 'error') return Promise.resolve();
      dirty = true;
      set({ saveState: 'pending', saveError: undefined });
      announce('Sparar…', 'busy');
      return get().flush();
    },
  };
});

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.apiError;
  // A script error's text is English developer text ("Unexpected token …"): the console gets it, the user a sentence.
  console.error('[granska]', error);
  return { code: 'INTERNAL', message: 'Något gick fel i programmet, och åtgärden blev inte av. Försök igen; hjälper det inte, ladda om sidan eller starta om programmet.' };
}

/** For tests: forget everything, including a pending typing pause. */
export function resetTemplateEditor(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  running = null;
  dirty = false;
  session++;
  useTemplateEditor.setState({ ...initial }, false);
}
