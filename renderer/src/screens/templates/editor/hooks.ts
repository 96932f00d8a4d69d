import { useMemo } from 'react';
import { useTemplateEditor } from '../../../state/template-editor-store';

const none: readonly string[] = [];

/** Messages for the value at one JSON path: local problems and the server's refusal of the last save. */
export function useIssues(path: string): readonly string[] {
  const issues = useTemplateEditor((s) => s.issues);
  const saveError = useTemplateEditor((s) => s.saveError);
  return useMemo(() => {
    const messages = [...issues, ...(saveError?.issues ?? [])].filter((i) => i.path === path).map((i) => i.message);
    return messages.length > 0 ? [...new Set(messages)] : none;
  }, [issues, saveError, path]);
}

/** True when some problem lies at or under the path (e.g. anywhere in one question). */
export function useHasIssuesUnder(prefix: string): boolean {
  return useTemplateEditor((s) =>
    [...s.issues, ...(s.saveError?.issues ?? [])].some((i) => i.path === prefix || i.path.startsWith(`${prefix}.`) || i.path.startsWith(`${prefix}[`)),
  );
}

/** Bundled templates are shown but not editable. */
export const useReadOnly = (): boolean => useTemplateEditor((s) => s.origin === 'bundled');

/** Saves right away what was being typed, e.g. when a field loses focus. */
export const flushNow = (): void => void useTemplateEditor.getState().flush();

/**
 * Keeps keyboard focus on the element that had it while the list around it is rearranged
 * (React may detach and re-insert the moved row, which drops focus).
 */
export function keepFocusDuring(change: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  change();
  if (!active || active === document.body) return;
  setTimeout(() => {
    if (active.isConnected && document.activeElement !== active) active.focus();
  }, 0);
}
