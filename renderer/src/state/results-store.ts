import { create } from 'zustand';
import type { InputOf, OutputOf } from '../../../shared/contract';
import type { Results } from '../../../shared/contract/results';
import type { ResultFilter, SplitDimension } from '../../../shared/contract/results-parts';
import type { Review } from '../../../shared/contract/reviews';
import type { Template } from '../../../shared/templates/schema';
import { base64ToBytes } from '../api/files';
import { services } from '../services';
import { announce } from './status-store';
import { toApiError } from './template-editor-store';

export type CaseRow = OutputOf<'results.cases'>['files'][number];
/** What the export menu offers: the workbook, CSV for Swedish Excel, or the analyst's tidy CSV (internal view). */
export type ExportFormat = 'xlsx' | 'csv' | 'tidy';

/** The cell a drill-down was opened from, and the files behind it. */
export interface DrillDown {
  questionId: string;
  answer?: string;
  sex?: 'F' | 'M' | 'U';
  /** What the cell shows, for the panel's heading ("Ja, flickor"). */
  label: string;
  /** The count the cell showed, said in the heading until the files arrive. */
  count: number;
  loading: boolean;
  files: CaseRow[];
  total: number;
  error?: string;
}

interface ResultsData {
  reviewId?: string;
  loadState: 'idle' | 'loading' | 'ready' | 'error';
  loadError?: string;
  review?: Review;
  /** The review's frozen template version: question texts and answer labels. */
  template?: Template;
  results?: Results;
  /** What the filter controls list: the dimensions of the unfiltered results (a filter narrows the data, not the choices). */
  dimensions: SplitDimension[];
  published: boolean;
  filters: ResultFilter[];
  by: string | null;
  /** A reload is under way (the figures on screen stay until the new ones arrive). */
  refreshing: boolean;
  drill: DrillDown | null;
  exporting: ExportFormat | null;
}

interface ResultsState extends ResultsData {
  open(reviewId: string): Promise<void>;
  /** Fetches the figures again with the current choices (scoring may go on meanwhile). */
  reload(): Promise<void>;
  setPublished(published: boolean): Promise<void>;
  /** Changes the review's threshold with a reason that is logged; true when it was saved. */
  changeThreshold(threshold: number, reason: string): Promise<boolean>;
  /** Sets the filter of one dimension; undefined removes it ("Alla"). */
  setFilter(field: string, value: string | null | undefined): Promise<void>;
  clearFilters(): Promise<void>;
  setBy(field: string | null): Promise<void>;
  openCases(cell: { questionId: string; answer?: string; sex?: 'F' | 'M' | 'U'; label: string; count: number }): Promise<void>;
  closeCases(): void;
  exportFile(format: ExportFormat): Promise<void>;
}

const initial: ResultsData = {
  reviewId: undefined,
  loadState: 'idle',
  loadError: undefined,
  review: undefined,
  template: undefined,
  results: undefined,
  dimensions: [],
  published: false,
  filters: [],
  by: null,
  refreshing: false,
  drill: null,
  exporting: null,
};

/** One review's results screen: the figures for the chosen view, filters and split, the drill-down and the export. */
export const useResults = create<ResultsState>()((set, get) => {
  const api = () => services().api;
  /** Numbers the figure requests, so an answer to older choices never replaces a newer one. */
  let request = 0;
  let casesRequest = 0;

  function resultsInput(): InputOf<'results.get'> {
    const { reviewId, published, filters, by } = get();
    // The publication set is one fixed set: filters and splits belong to the internal view only.
    if (published) return { reviewId: reviewId!, published: true };
    return { reviewId: reviewId!, ...(filters.length ? { filters } : {}), ...(by ? { by } : {}) };
  }

  async function fetchResults(): Promise<void> {
    const mine = ++request;
    const input = resultsInput();
    set({ refreshing: true });
    try {
      const results = await api().call('results.get', input);
      if (mine !== request) return;
      const unfiltered = !input.filters?.length;
      set({ results, refreshing: false, ...(unfiltered || get().dimensions.length === 0 ? { dimensions: results.split.dimensions } : {}) });
    } catch (error) {
      if (mine !== request) return;
      set({ refreshing: false });
      throw error;
    }
  }

  /** A change of view, filter or split: the drill-down of the old figures no longer applies. */
  async function change(patch: Partial<ResultsData>): Promise<void> {
    set({ ...patch, drill: null });
    try {
      await fetchResults();
    } catch (error) {
      announce(toApiError(error).message, 'error');
    }
  }

  return {
    ...initial,

    async open(reviewId) {
      request++;
      set({ ...initial, reviewId, loadState: 'loading' });
      try {
        const review = await api().call('reviews.get', { reviewId });
        const [{ template }] = await Promise.all([api().call('templates.get', { id: review.templateId, version: review.templateVersion }), fetchResults()]);
        if (get().reviewId !== reviewId) return;
        set({ review, template, loadState: 'ready' });
      } catch (error) {
        if (get().reviewId === reviewId) set({ loadState: 'error', loadError: toApiError(error).message });
      }
    },

    async reload() {
      if (get().loadState !== 'ready') return;
      try {
        await fetchResults();
      } catch (error) {
        announce(toApiError(error).message, 'error');
      }
    },

    setPublished: (published) => change({ published }),

    async changeThreshold(threshold, reason) {
      const { reviewId } = get();
      try {
        const result = await api().call('reviews.setPublishThreshold', { reviewId: reviewId!, threshold, reason });
        const review = await api().call('reviews.get', { reviewId: reviewId! });
        set({ review });
        await fetchResults();
        announce(result.previous === result.threshold ? `Gränsen är redan ${result.threshold} akter.` : `Gränsen för små grupper är nu ${result.threshold} akter (var ${result.previous}). Ändringen och skälet är loggade.`, 'success');
        return true;
      } catch (error) {
        announce(toApiError(error).message, 'error');
        return false;
      }
    },

    setFilter(field, value) {
      const rest = get().filters.filter((f) => f.field !== field);
      return change({ filters: value === undefined ? rest : [...rest, { field, value }] });
    },

    clearFilters: () => change({ filters: [] }),

    setBy: (by) => change({ by }),

    async openCases(cell) {
      const { reviewId, filters } = get();
      const mine = ++casesRequest;
      set({ drill: { ...cell, loading: true, files: [], total: cell.count } });
      try {
        const { files, total } = await api().call('results.cases', {
          reviewId: reviewId!,
          questionId: cell.questionId,
          ...(cell.answer ? { answer: cell.answer } : {}),
          ...(cell.sex ? { sex: cell.sex } : {}),
          ...(filters.length ? { filters } : {}),
        });
        if (mine === casesRequest) set({ drill: { ...cell, loading: false, files, total } });
      } catch (error) {
        if (mine === casesRequest) set({ drill: { ...cell, loading: false, files: [], total: 0, error: toApiError(error).message } });
      }
    },

    closeCases() {
      casesRequest++;
      set({ drill: null });
    },

    async exportFile(format) {
      const { reviewId, published, filters } = get();
      set({ exporting: format });
      announce('Skapar filen…', 'busy');
      try {
        const layout = format === 'xlsx' ? { format } : { format: 'csv' as const, csvLayout: format === 'tidy' ? ('tidy' as const) : ('excel' as const) };
        const file = await api().call('results.export', { reviewId: reviewId!, ...layout, ...(published ? { published: true } : filters.length ? { filters } : {}) });
        const saved = await services().saveBinaryFile(file.fileName, base64ToBytes(file.contentBase64), file.mimeType);
        announce(saved ? `Resultaten sparades: ${saved}.` : 'Ingen fil sparades.', saved ? 'success' : 'info');
      } catch (error) {
        announce(toApiError(error).message, 'error');
      } finally {
        set({ exporting: null });
      }
    },
  };
});

/** For tests. */
export function resetResults(): void {
  useResults.setState({ ...initial }, false);
}
