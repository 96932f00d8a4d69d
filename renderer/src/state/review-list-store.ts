import { create } from 'zustand';
import type { Review } from '../../../shared/contract/reviews';
import type { TemplateSummary } from '../../../shared/contract/templates';
import { services } from '../services';
import { announce } from './status-store';
import { toApiError } from './template-editor-store';

interface ReviewListState {
  loadState: 'idle' | 'loading' | 'ready' | 'error';
  loadError?: string;
  reviews: Review[];
  includeArchived: boolean;
  /** For the "Ny granskning" form. */
  templates: TemplateSummary[];
  load(): Promise<void>;
  setIncludeArchived(include: boolean): Promise<void>;
  loadTemplates(): Promise<void>;
  /** Creates (or finds) the example review; returns its id, or undefined after announcing why not. */
  createExample(): Promise<string | undefined>;
  /** Deletes a review (the example, or one nobody worked in); returns whether it went. */
  deleteReview(id: string): Promise<boolean>;
}

const initial = { loadState: 'idle' as const, loadError: undefined, reviews: [], includeArchived: false, templates: [] };

/** The list of reviews ("Granskningar"). Creating one goes through the review form's own call. */
export const useReviewList = create<ReviewListState>()((set, get) => ({
  ...initial,

  async load() {
    set({ loadState: get().reviews.length > 0 ? 'ready' : 'loading', loadError: undefined });
    try {
      const { reviews } = await services().api.call('reviews.list', { includeArchived: get().includeArchived });
      set({ reviews, loadState: 'ready' });
    } catch (error) {
      set({ loadState: 'error', loadError: toApiError(error).message });
    }
  },

  async setIncludeArchived(include) {
    set({ includeArchived: include });
    await get().load();
  },

  async createExample() {
    try {
      const { id } = await services().api.call('reviews.createExample', {});
      await get().load();
      return id;
    } catch (error) {
      announce(`Exempelgranskningen kunde inte skapas: ${toApiError(error).message}`, 'error');
      return undefined;
    }
  },

  async deleteReview(id) {
    const title = get().reviews.find((r) => r.id === id)?.title ?? '';
    try {
      await services().api.call('reviews.delete', { reviewId: id });
    } catch (error) {
      announce(toApiError(error).message, 'error');
      return false;
    }
    announce(`Granskningen "${title}" togs bort.`, 'success');
    await get().load();
    return true;
  },

  async loadTemplates() {
    try {
      const { templates } = await services().api.call('templates.list', {});
      set({ templates });
    } catch (error) {
      set({ loadError: toApiError(error).message });
    }
  },
}));

/** For tests. */
export function resetReviewList(): void {
  useReviewList.setState({ ...initial }, false);
}
