import { create } from 'zustand';

export type StatusKind = 'info' | 'success' | 'error' | 'busy';

interface StatusState {
  message: string;
  kind: StatusKind;
  announce(message: string, kind?: StatusKind): void;
  clear(): void;
}

/** The one polite live region of the frame: "Sparar…", "Sparat", "Mallen importerades", errors. */
export const useStatusStore = create<StatusState>()((set) => ({
  message: '',
  kind: 'info',
  announce: (message, kind = 'info') => set({ message, kind }),
  clear: () => set({ message: '', kind: 'info' }),
}));

export const announce = (message: string, kind: StatusKind = 'info'): void => useStatusStore.getState().announce(message, kind);
