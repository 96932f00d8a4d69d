import { create } from 'zustand';
import type { Profile } from '../../../shared/contract/profile';
import type { ApiError } from '../../../shared/result';
import { services } from '../services';
import { toApiError } from './template-editor-store';

interface ProfileState {
  /** 'ready' with `profile: null` is the first start: the app asks who is working before anything else. */
  loadState: 'idle' | 'loading' | 'ready' | 'error';
  loadError?: string;
  profile: Profile | null;
  /** Who changes are recorded as right now (the core decides: override, profile, account). */
  actor: string;
  load(): Promise<void>;
  /** Saves the profile; returns the refusal (with its field issues) or undefined. */
  save(profile: Profile): Promise<ApiError | undefined>;
}

const initial = { loadState: 'idle' as const, loadError: undefined, profile: null, actor: '' };

/** Who works at this workbench: asked on first start, edited under Inställningar, shown in the header. */
export const useProfile = create<ProfileState>()((set) => ({
  ...initial,

  async load() {
    set({ loadState: 'loading', loadError: undefined });
    try {
      const { profile, actor } = await services().api.call('profile.get', {});
      set({ profile, actor, loadState: 'ready' });
    } catch (error) {
      set({ loadState: 'error', loadError: toApiError(error).message });
    }
  },

  async save(profile) {
    const result = await services().api.send('profile.save', profile);
    if (!result.ok) return result.error;
    set({ profile: result.value.profile, actor: result.value.actor, loadState: 'ready' });
    return undefined;
  },
}));

/** For tests. */
export function resetProfile(): void {
  useProfile.setState({ ...initial }, false);
}
