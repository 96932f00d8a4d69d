import { create } from 'zustand';
import type { CaseFile } from '../../../shared/contract/cases';
import type { InputOf, OutputOf } from '../../../shared/contract';
import type { Review } from '../../../shared/contract/reviews';
import type { SampleRecord } from '../../../shared/contract/sampling';
import type { ApiError } from '../../../shared/result';
import { services } from '../services';
import type { KeyFileChoice } from '../api/files';
import { announce } from './status-store';
import { rader } from '../../../shared/util/plural-sv';
import { toApiError } from './template-editor-store';
import type { CaseField } from '../../../shared/import/headers';
import type { ImportProgress } from '../../../shared/contract/imports';

export type ImportResult = OutputOf<'cases.import'>;
export type Overview = OutputOf<'scoring.overview'>;
export type SamplingMethod = InputOf<'sampling.draw'>['method'];
export type DropoutReason = InputOf<'sampling.dropout'>['reason'];

/** Rows per page of the case list: the frame can hold 100,000 files, the page shows this many. */
export const CASE_PAGE_SIZE = 50;

/** One page of the case list (the sampling frame), for a search or for every file. */
export interface CaseListPage {
  query: string;
  offset: number;
  cases: CaseFile[];
  /** Files matching the query, whatever the page. */
  total: number;
  loading: boolean;
}

/** The import in progress: the picked file, its preview (dry run) and the user's choices. */
export interface ImportSession {
  fileName: string;
  contentBase64: string;
  preview: ImportResult;
  onExisting: 'skip' | 'update';
  /** Rows of units the review lacks: add the units or skip the rows; asked only when there are such rows. */
  unknownUnits?: 'add' | 'skip';
  pseudonymise: boolean;
  /** The column chosen per field in the mapping step; empty means "as recognised". */
  mapping: Partial<Record<CaseField, string>>;
  error?: ApiError;
}

/**
 * The pseudonymisation key of the last import: the core wrote it to `writtenTo` before the cases
 * were committed. The lines stay in memory only until dismissed, for "Spara en kopia".
 */
export interface KeyFile {
  lines: { code: string; ref: string }[];
  writtenTo: string;
  /** Written to the folder beside the database (browser mode): the user should move it. */
  besideDatabase: boolean;
  copySavedAs: string | null;
}

interface ReviewData {
  id?: string;
  loadState: 'idle' | 'loading' | 'ready' | 'error';
  loadError?: string;
  review?: Review;
  caseList: CaseListPage;
  sample: SampleRecord | null;
  overview?: Overview;
  busy: boolean;
  importSession?: ImportSession;
  importError?: ApiError;
  /** How far the running import has come (asked of the core while it runs). */
  importProgress?: ImportProgress;
  keyFile?: KeyFile;
  /** The last draw was refused because a sample exists: offer "Dra om". */
  drawConflict?: { message: string; method: SamplingMethod; seed?: string };
  drawError?: ApiError;
  shortfall: number;
  /** The outcome of the last dropout, shown above the sample. */
  lastDropout?: { ref: string; replacement: { caseId: string; ref: string } | null };
}

interface ReviewState extends ReviewData {
  open(id: string): Promise<void>;
  refresh(): Promise<void>;
  /** The case list from its first page for a search on reference or unit (empty: every file). */
  searchCases(query: string): Promise<void>;
  showCasePage(offset: number): Promise<void>;
  update(patch: Omit<InputOf<'reviews.update'>, 'reviewId'>): Promise<ApiError | undefined>;
  setArchived(archived: boolean): Promise<void>;
  startImport(): Promise<void>;
  setImportOptions(patch: Partial<Pick<ImportSession, 'onExisting' | 'pseudonymise' | 'unknownUnits'>>): void;
  /** The mapping step: read the file again with a field taken from another column. */
  mapColumn(field: CaseField, header: string): Promise<void>;
  cancelImport(): void;
  commitImport(): Promise<boolean>;
  /** Saves a copy of the key (the original is already on disk). */
  saveKeyFileCopy(): Promise<void>;
  dismissKeyFile(): void;
  draw(method: SamplingMethod, seed: string | undefined, replace?: boolean): Promise<boolean>;
  cancelRedraw(): void;
  dropout(caseId: string, reason: DropoutReason, note?: string): Promise<{ ok: boolean; replacement?: { caseId: string; ref: string } | null; error?: ApiError }>;
}

const initial: ReviewData = {
  id: undefined,
  loadState: 'idle',
  loadError: undefined,
  review: undefined,
  caseList: { query: '', offset: 0, cases: [], total: 0, loading: false },
  sample: null,
  overview: undefined,
  busy: false,
  importSession: undefined,
  importError: undefined,
  importProgress: undefined,
  keyFile: undefined,
  drawConflict: undefined,
  drawError: undefined,
  shortfall: 0,
  lastDropout: undefined,
};

/** Base64 without blowing the call stack on a large file. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** A new id for asking `imports.progress`: 24 letters a–z (the contract takes letters only). */
export function newProgressId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('');
}

/** How often a running import's progress is asked for. */
export const PROGRESS_POLL_MS = 500;

/**
 * Asks the core how far the import `id` has come, every PROGRESS_POLL_MS, one question at a time,
 * until the returned stop is called. A failed question is skipped: the import's own answer counts.
 */
export function followImportProgress(id: string, onProgress: (progress: ImportProgress) => void): () => void {
  let stopped = false;
  let asking = false;
  const timer = setInterval(() => {
    if (asking) return;
    asking = true;
    void services()
      .api.send('imports.progress', { id })
      .then((result) => {
        if (!stopped && result.ok && result.value.progress && result.value.progress.phase !== 'done') onProgress(result.value.progress);
      })
      .finally(() => (asking = false));
  }, PROGRESS_POLL_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

/** The key file: one "kod;akt" line per case, with a header line. */
export function keyFileText(lines: KeyFile['lines']): string {
  return ['kod;akt', ...lines.map((l) => `${l.code};${l.ref}`)].join('\r\n') + '\r\n';
}

export const KEY_FILE_NAME = 'kodnyckel.csv';

export const MOVE_KEY_ADVICE = 'Flytta den till den plats där kommunen förvarar kodnycklar.';

/** One open review: details, its case list, the sample and the import in progress. */
export const useReview = create<ReviewState>()((set, get) => {
  const api = () => services().api;

  /** Numbers the case-list requests, so an answer to an older search never replaces a newer one. */
  let listRequest = 0;

  async function fetchCasePage(id: string, query: string, offset: number): Promise<CaseListPage | undefined> {
    const request = ++listRequest;
    const page = await api().call('cases.list', { reviewId: id, ...(query ? { query } : {}), offset, limit: CASE_PAGE_SIZE });
    if (request !== listRequest || get().id !== id) return undefined;
    // A page past the end (the list shrank, e.g. after an update) falls back to the last one.
    if (page.cases.length === 0 && offset > 0 && page.total > 0) return fetchCasePage(id, query, Math.floor((page.total - 1) / CASE_PAGE_SIZE) * CASE_PAGE_SIZE);
    return { query, offset, cases: page.cases, total: page.total, loading: false };
  }

  async function loadAll(id: string): Promise<void> {
    const { query, offset } = get().caseList;
    const [review, caseList, sample, overview] = await Promise.all([
      api().call('reviews.get', { reviewId: id }),
      fetchCasePage(id, query, offset),
      api().call('sampling.get', { reviewId: id }),
      api().call('scoring.overview', { reviewId: id }).catch(() => undefined),
    ]);
    if (get().id !== id) return;
    set({ review, sample, overview, loadState: 'ready', ...(caseList ? { caseList } : {}) });
  }

  async function loadCasePage(query: string, offset: number): Promise<void> {
    const id = get().id;
    if (!id) return;
    set({ caseList: { ...get().caseList, query, offset, loading: true } });
    try {
      const caseList = await fetchCasePage(id, query, offset);
      if (caseList) set({ caseList });
    } catch (error) {
      set({ caseList: { ...get().caseList, loading: false } });
      announce(toApiError(error).message, 'error');
    }
  }

  return {
    ...initial,

    async open(id) {
      set({ ...initial, id, loadState: 'loading' });
      try {
        await loadAll(id);
      } catch (error) {
        if (get().id === id) set({ loadState: 'error', loadError: toApiError(error).message });
      }
    },

    async refresh() {
      const id = get().id;
      if (!id) return;
      try {
        await loadAll(id);
      } catch (error) {
        announce(toApiError(error).message, 'error');
      }
    },

    searchCases: (query) => loadCasePage(query.trim(), 0),

    showCasePage: (offset) => loadCasePage(get().caseList.query, Math.max(0, offset)),

    async update(patch) {
      const id = get().id!;
      set({ busy: true });
      announce('Sparar…', 'busy');
      try {
        const review = await api().call('reviews.update', { reviewId: id, ...patch });
        set({ review });
        announce('Granskningens uppgifter sparades.', 'success');
        return undefined;
      } catch (error) {
        const apiError = toApiError(error);
        announce(apiError.message, 'error');
        return apiError;
      } finally {
        set({ busy: false });
      }
    },

    async setArchived(archived) {
      const id = get().id!;
      set({ busy: true });
      try {
        const review = await api().call('reviews.archive', { reviewId: id, archived });
        set({ review });
        announce(archived ? 'Granskningen arkiverades.' : 'Granskningen togs fram ur arkivet.', 'success');
      } catch (error) {
        announce(toApiError(error).message, 'error');
      } finally {
        set({ busy: false });
      }
    },

    async startImport() {
      set({ importError: undefined, importSession: undefined });
      let picked;
      try {
        picked = await services().pickFile([{ name: 'Akt-lista (CSV eller Excel)', extensions: ['csv', 'txt', 'xlsx'] }]);
      } catch (error) {
        set({ importError: { code: 'INTERNAL', message: `Filen kunde inte öppnas: ${error instanceof Error ? error.message : String(error)}` } });
        return;
      }
      if (!picked) return;
      set({ busy: true });
      announce(`Läser ${picked.name}…`, 'busy');
      try {
        const contentBase64 = bytesToBase64(picked.bytes);
        const preview = await api().call('cases.import', { reviewId: get().id!, fileName: picked.name, contentBase64, dryRun: true });
        set({ importSession: { fileName: picked.name, contentBase64, preview, onExisting: 'skip', pseudonymise: false, mapping: {} } });
        announce(`Förhandsgranskning av ${picked.name} är klar.`, 'info');
      } catch (error) {
        const apiError = toApiError(error);
        set({ importError: apiError });
        announce(`${picked.name} kunde inte läsas.`, 'error');
      } finally {
        set({ busy: false });
      }
    },

    setImportOptions(patch) {
      const s = get().importSession;
      if (s) set({ importSession: { ...s, ...patch } });
    },

    async mapColumn(field, header) {
      const s = get().importSession;
      if (!s) return;
      const mapping = { ...s.mapping, [field]: header };
      set({ busy: true });
      try {
        const preview = await api().call('cases.import', { reviewId: get().id!, fileName: s.fileName, contentBase64: s.contentBase64, dryRun: true, mapping });
        set({ importSession: { ...s, preview, mapping, error: undefined } });
        announce('Förhandsgranskningen uppdaterades med de valda kolumnerna.', 'info');
      } catch (error) {
        set({ importSession: { ...s, mapping, error: toApiError(error) } });
      } finally {
        set({ busy: false });
      }
    },

    cancelImport() {
      set({ importSession: undefined, importError: undefined });
      announce('Ingenting importerades.', 'info');
    },

    async commitImport() {
      const s = get().importSession;
      if (!s) return false;
      // The key is written by the core before the cases are committed, so where it goes is chosen first.
      let keyChoice: KeyFileChoice = null;
      if (s.pseudonymise) {
        try {
          keyChoice = await services().chooseKeyFile(KEY_FILE_NAME);
        } catch (error) {
          set({ importSession: { ...s, error: { code: 'VALIDATION', message: error instanceof Error ? error.message : String(error) } } });
          return false;
        }
        if (!keyChoice) {
          announce('Ingenting importerades: ingen plats valdes för kodnyckeln.', 'info');
          return false;
        }
      }
      set({ busy: true, importProgress: undefined });
      announce('Importerar…', 'busy');
      // A large list takes a while: the bar under the preview follows it.
      const progressId = newProgressId();
      const stopFollowing = followImportProgress(progressId, (importProgress) => set({ importProgress }));
      try {
        const result = await api().call('cases.import', {
          reviewId: get().id!,
          fileName: s.fileName,
          contentBase64: s.contentBase64,
          validRowsOnly: s.preview.rejected.length > 0 ? true : undefined,
          onExisting: s.preview.existing > 0 ? s.onExisting : undefined,
          unknownUnits: s.preview.unknownUnits?.length ? s.unknownUnits : undefined,
          pseudonymise: s.pseudonymise || undefined,
          keyFile: keyChoice && 'path' in keyChoice ? keyChoice.path : undefined,
          mapping: Object.keys(s.mapping).length ? s.mapping : undefined,
          progressId,
        });
        set({ importSession: undefined });
        const parts = [`${result.imported} ${result.imported === 1 ? 'akt importerades' : 'akter importerades'}`];
        if (result.updated) parts.push(`${result.updated} uppdaterades`);
        if (result.skipped) parts.push(`${result.skipped} fanns redan och hoppades över`);
        if (result.skippedUnknown) parts.push(`${rader(result.skippedUnknown)} från enheter utanför granskningen hoppades över`);
        let message = `${parts.join(', ')}.`;
        if (result.key && result.keyFile) {
          const besideDatabase = !(keyChoice && 'path' in keyChoice);
          set({ keyFile: { lines: result.key, writtenTo: result.keyFile, besideDatabase, copySavedAs: null } });
          message += ` Kodnyckeln skrevs till ${result.keyFile}.${besideDatabase ? ` ${MOVE_KEY_ADVICE}` : ''} Den finns inte i databasen.`;
        }
        announce(message, 'success');
        await get().refresh();
        return true;
      } catch (error) {
        const apiError = toApiError(error);
        set({ importSession: { ...s, error: apiError } });
        announce(apiError.message, 'error');
        return false;
      } finally {
        stopFollowing();
        set({ busy: false, importProgress: undefined });
      }
    },

    async saveKeyFileCopy() {
      const keyFile = get().keyFile;
      if (!keyFile) return;
      try {
        const savedAs = await services().saveFile(KEY_FILE_NAME, keyFileText(keyFile.lines), 'text/csv');
        if (savedAs) {
          set({ keyFile: { ...keyFile, copySavedAs: savedAs } });
          announce(`En kopia av kodnyckeln sparades som ${savedAs}.`, 'success');
        }
      } catch (error) {
        announce(`Kopian av kodnyckeln kunde inte sparas: ${error instanceof Error ? error.message : String(error)}`, 'error');
      }
    },

    dismissKeyFile: () => set({ keyFile: undefined }),

    async draw(method, seed, replace) {
      set({ busy: true, drawError: undefined, drawConflict: undefined });
      announce('Drar urval…', 'busy');
      try {
        const result = await api().call('sampling.draw', { reviewId: get().id!, method, ...(seed ? { seed } : {}), ...(replace ? { replace: true } : {}) });
        set({ shortfall: result.shortfall });
        announce(`Urvalet drogs: ${result.sample.length} akter med fröet ${result.seed}.`, 'success');
        await get().refresh();
        return true;
      } catch (error) {
        const apiError = toApiError(error);
        // "Dra om" is offered only for the conflict a confirmation resolves: a sample exists, nothing scored yet.
        const redrawable = apiError.code === 'CONFLICT' && !replace && !get().sample?.scoringStarted && !/redan granskats|har börjat/.test(apiError.message);
        if (redrawable) set({ drawConflict: { message: apiError.message, method, seed } });
        else set({ drawError: apiError });
        announce(apiError.message, 'error');
        return false;
      } finally {
        set({ busy: false });
      }
    },

    cancelRedraw: () => set({ drawConflict: undefined }),

    async dropout(caseId, reason, note) {
      set({ busy: true });
      try {
        const { replacement } = await api().call('sampling.dropout', { reviewId: get().id!, caseId, reason, ...(note ? { note } : {}) });
        const ref = get().sample?.cases.find((c) => c.caseId === caseId)?.ref ?? '';
        set({ lastDropout: { ref, replacement } });
        announce(replacement ? `Akten markerades som bortfall. Ersättare: ${replacement.ref}.` : 'Akten markerades som bortfall. Det finns ingen ersättare kvar i enheten.', 'success');
        await get().refresh();
        return { ok: true, replacement };
      } catch (error) {
        const apiError = toApiError(error);
        announce(apiError.message, 'error');
        return { ok: false, error: apiError };
      } finally {
        set({ busy: false });
      }
    },
  };
});

/** For tests. */
export function resetReview(): void {
  useReview.setState({ ...initial }, false);
}
