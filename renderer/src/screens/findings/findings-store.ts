import { create } from 'zustand';
import type { InputOf, OutputOf } from '../../../../shared/contract';
import type { DialogueMeeting } from '../../../../shared/contract/findings';
import type { Review } from '../../../../shared/contract/reviews';
import type { ApiError, Result } from '../../../../shared/result';
import { base64ToBytes } from '../../api/files';
import { services } from '../../services';
import { announce } from '../../state/status-store';
import { toApiError } from '../../state/template-editor-store';

export type FindingList = OutputOf<'findings.list'>;
export type MeetingInput = Omit<InputOf<'dialogue.save'>, 'reviewId'>;

/** What the list shows: one quality area and one unit, or all ('' is all), and words in the text. */
export interface FindingFilter {
  areaId: string;
  unit: string;
  text: string;
}

interface FindingsData {
  reviewId?: string;
  loadState: 'idle' | 'loading' | 'ready' | 'error';
  loadError?: string;
  review?: Review;
  list?: FindingList;
  meetings: DialogueMeeting[];
  filter: FindingFilter;
  /** The list is being fetched again for a new filter. */
  listLoading: boolean;
  /** Why the last filter was refused (the text holds what looks like an identity number, say). */
  filterError?: string;
  exporting: boolean;
}

interface FindingsState extends FindingsData {
  open(reviewId: string): Promise<void>;
  setFilter(patch: Partial<FindingFilter>): Promise<void>;
  exportCsv(): Promise<void>;
  /** Saves a meeting (new without id); resolves with the saved one, or the core's refusal. */
  saveMeeting(input: MeetingInput): Promise<{ meeting: DialogueMeeting } | { error: ApiError }>;
  deleteMeeting(id: string): Promise<boolean>;
}

const initial: FindingsData = {
  reviewId: undefined,
  loadState: 'idle',
  loadError: undefined,
  review: undefined,
  list: undefined,
  meetings: [],
  filter: { areaId: '', unit: '', text: '' },
  listLoading: false,
  filterError: undefined,
  exporting: false,
};

/** The filter as findings.list and findings.export take it: what is chosen, nothing for "all". */
function filterInput(reviewId: string, filter: FindingFilter): InputOf<'findings.list'> {
  const text = filter.text.trim();
  return { reviewId, ...(filter.areaId ? { areaId: filter.areaId } : {}), ...(filter.unit ? { unit: filter.unit } : {}), ...(text ? { text } : {}) };
}

const api = () => services().api;

// Answers to an older filter that arrive after a newer one are dropped.
let session = 0;
let listRequest = 0;

/** One review's findings view: the marked notes per area and unit, the dialogue meetings, and the export. */
export const useFindings = create<FindingsState>()((set, get) => ({
  ...initial,

  async open(reviewId) {
    const mine = ++session;
    listRequest++;
    set({ ...initial, reviewId, loadState: 'loading' });
    try {
      const [review, list, dialogue] = await Promise.all([
        api().call('reviews.get', { reviewId }),
        api().call('findings.list', { reviewId }),
        api().call('dialogue.list', { reviewId }),
      ]);
      if (mine !== session) return;
      set({ review, list, meetings: dialogue.meetings, loadState: 'ready' });
    } catch (error) {
      if (mine === session) set({ loadState: 'error', loadError: toApiError(error).message });
    }
  },

  async setFilter(patch) {
    const { reviewId } = get();
    if (!reviewId) return;
    const filter = { ...get().filter, ...patch };
    const mine = ++listRequest;
    set({ filter, listLoading: true });
    try {
      const list = await api().call('findings.list', filterInput(reviewId, filter));
      if (mine !== listRequest) return;
      set({ list, listLoading: false, filterError: undefined });
    } catch (error) {
      if (mine !== listRequest) return;
      set({ listLoading: false, filterError: toApiError(error).message });
    }
  },

  async exportCsv() {
    const { reviewId, filter, exporting } = get();
    if (!reviewId || exporting) return;
    set({ exporting: true });
    announce('Skapar filen…', 'busy');
    try {
      const file = await api().call('findings.export', filterInput(reviewId, filter));
      const saved = await services().saveBinaryFile(file.fileName, base64ToBytes(file.contentBase64), file.mimeType);
      announce(saved ? `Fynden sparades: ${saved}.` : 'Ingen fil sparades.', saved ? 'success' : 'info');
    } catch (error) {
      announce(toApiError(error).message, 'error');
    } finally {
      set({ exporting: false });
    }
  },

  async saveMeeting(input) {
    const { reviewId } = get();
    let result: Result<DialogueMeeting>;
    try {
      result = await api().send('dialogue.save', { reviewId: reviewId!, ...input });
    } catch (error) {
      result = { ok: false, error: toApiError(error) };
    }
    if (!result.ok) {
      announce(result.error.message, 'error');
      return { error: result.error };
    }
    const meeting = result.value;
    try {
      // The core orders the meetings (the review's units, then the date).
      const { meetings } = await api().call('dialogue.list', { reviewId: reviewId! });
      if (get().reviewId === reviewId) set({ meetings });
    } catch {
      const others = get().meetings.filter((m) => m.id !== meeting.id);
      set({ meetings: [...others, meeting] });
    }
    announce(input.id ? 'Dialogmötet sparades.' : 'Dialogmötet lades till.', 'success');
    return { meeting };
  },

  async deleteMeeting(id) {
    const { reviewId } = get();
    try {
      const { meetings } = await api().call('dialogue.delete', { reviewId: reviewId!, id });
      if (get().reviewId === reviewId) set({ meetings });
      announce('Dialogmötet togs bort.', 'success');
      return true;
    } catch (error) {
      announce(toApiError(error).message, 'error');
      return false;
    }
  },
}));

/** For tests. */
export function resetFindings(): void {
  session++;
  listRequest++;
  useFindings.setState({ ...initial });
}
