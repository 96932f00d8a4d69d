import { create } from 'zustand';
import { hrefFor, parseHash } from '../routing/routes';

export type StatusKind = 'info' | 'success' | 'error' | 'busy';

interface StatusState {
  message: string;
  kind: StatusKind;
  /** The screen (route) the message belongs to; it goes when the user leaves that screen. */
  screen: string;
  /** The count of user inputs when the message was raised (see `arrive`). */
  inputAt: number;
  announce(message: string, kind?: StatusKind): void;
  clear(): void;
  /** The app now shows `screen`: a message of another screen goes, unless this navigation is its own action's. */
  arrive(screen: string): void;
}

/** The screen a hash shows, written one way (the same screen has one key however the hash is spelt). */
export const screenOf = (hash: string): string => hrefFor(parseHash(hash));

const currentScreen = (): string => (typeof window === 'undefined' ? '' : screenOf(window.location.hash));

/**
 * Presses and keys in the page. A message raised after the user's last input belongs to what that
 * input started: when that action itself opens another screen ("Mallen skapades" and the new
 * template's editor), the message goes along; once the user presses anything (a menu link, Back
 * with a key or a mouse button), the next navigation leaves the message behind.
 */
let inputs = 0;
if (typeof document !== 'undefined') {
  const count = () => {
    inputs++;
  };
  document.addEventListener('pointerdown', count, true);
  document.addEventListener('keydown', count, true);
}

/**
 * The one polite live region of the frame: "Sparar…", "Sparat", "Mallen importerades", errors.
 * Each message belongs to the screen it was raised on, so "Sparat" about one file does not stand
 * under the next and an error of the template list does not follow the user to a review.
 */
export const useStatusStore = create<StatusState>()((set, get) => ({
  message: '',
  kind: 'info',
  screen: '',
  inputAt: 0,
  announce: (message, kind = 'info') => set({ message, kind, screen: currentScreen(), inputAt: inputs }),
  clear: () => set({ message: '', kind: 'info' }),
  arrive: (screen) => {
    const { message, screen: own, inputAt } = get();
    if (message === '' || own === screen) return;
    if (inputAt === inputs) set({ screen });
    else set({ message: '', kind: 'info', screen });
  },
}));

export const announce = (message: string, kind: StatusKind = 'info'): void => useStatusStore.getState().announce(message, kind);
