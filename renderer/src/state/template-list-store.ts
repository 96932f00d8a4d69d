import { create } from 'zustand';
import type { TemplateSummary } from '../../../shared/contract/templates';
import type { ApiError, Issue } from '../../../shared/result';
import { decodeUtf8 } from '../api/files';
import { services } from '../services';
import { announce } from './status-store';
import { toApiError, useTemplateEditor } from './template-editor-store';

/** Why the last import did not go through; shown as an alert on the list screen. */
export type ImportProblem =
  | { kind: 'validation'; fileName: string; message: string; issues: Issue[] }
  | { kind: 'conflict'; fileName: string; message: string; text: string }
  | { kind: 'error'; fileName?: string; message: string };

interface ListState {
  loadState: 'idle' | 'loading' | 'ready' | 'error';
  loadError?: string;
  templates: TemplateSummary[];
  importProblem?: ImportProblem;
  /** An import that went through but looks like a mistake (another template has the same name). */
  importWarnings?: { fileName: string; warnings: string[] };
  /** A short action (create, import, export, delete) is running; buttons wait for it. */
  busy: boolean;
  load(): Promise<void>;
  createBlank(name: string): Promise<string | undefined>;
  createCopy(id: string, name: string): Promise<string | undefined>;
  importFile(): Promise<void>;
  importText(text: string, fileName: string, asCopy?: boolean): Promise<void>;
  importAsCopy(): Promise<void>;
  dismissImportProblem(): void;
  dismissImportWarnings(): void;
  exportTemplate(id: string, version?: number): Promise<void>;
  deleteTemplate(id: string): Promise<boolean>;
  /** Why the last short action was refused, for a form to show its issues next to its fields. */
  lastError?: ApiError;
}

const initial = { loadState: 'idle' as const, loadError: undefined, templates: [], importProblem: undefined, importWarnings: undefined, busy: false, lastError: undefined };

/** A create's confirmation, with what looks like a mistake (a name another template has) said at once. */
const withWarnings = (message: string, warnings: readonly string[]) => [message, ...warnings.map((w) => `Observera: ${w}`)].join(' ');

export const useTemplateList = create<ListState>()((set, get) => {
  /** Runs one action with the busy flag; a refusal is announced and returned as undefined. */
  async function action<T>(run: () => Promise<T>): Promise<T | undefined> {
    set({ busy: true, lastError: undefined });
    try {
      return await run();
    } catch (error) {
      const apiError = toApiError(error);
      set({ lastError: apiError });
      announce(apiError.message, 'error');
      return undefined;
    } finally {
      set({ busy: false });
    }
  }

  return {
    ...initial,

    async load() {
      // An edit still being saved must land first, or the list would show the old question count.
      await useTemplateEditor.getState().flush();
      set({ loadState: get().templates.length > 0 ? 'ready' : 'loading', loadError: undefined });
      try {
        const { templates } = await services().api.call('templates.list', {});
        set({ templates, loadState: 'ready' });
      } catch (error) {
        set({ loadState: 'error', loadError: toApiError(error).message });
      }
    },

    createBlank: (name) =>
      action(async () => {
        const created = await services().api.call('templates.create', { name: name.trim() });
        announce(withWarnings(`Mallen "${name.trim()}" skapades.`, created.warnings ?? []), 'success');
        return created.id;
      }),

    createCopy: (id, name) =>
      action(async () => {
        const created = await services().api.call('templates.create', { name, from: { id } });
        announce(withWarnings(`Kopian "${name}" skapades.`, created.warnings ?? []), 'success');
        return created.id;
      }),

    async importFile() {
      set({ importProblem: undefined });
      let picked;
      try {
        picked = await services().pickFile([{ name: 'Granskningsmall (JSON)', extensions: ['json'] }]);
      } catch (error) {
        set({ importProblem: { kind: 'error', message: `Filen kunde inte öppnas: ${error instanceof Error ? error.message : String(error)}` } });
        return;
      }
      if (!picked) return;
      await get().importText(decodeUtf8(picked.bytes), picked.name);
    },

    async importText(text, fileName, asCopy = false) {
      set({ busy: true, importProblem: undefined, importWarnings: undefined });
      try {
        const result = await services().api.send('templates.import', asCopy ? { text, asCopy: true } : { text });
        if (!result.ok) {
          const { code, message, issues } = result.error;
          const problem: ImportProblem =
            code === 'VALIDATION' && issues?.length
              ? { kind: 'validation', fileName, message, issues }
              : code === 'CONFLICT'
                ? { kind: 'conflict', fileName, message, text }
                : { kind: 'error', fileName, message };
          set({ importProblem: problem });
          announce(`${fileName} importerades inte.`, 'error');
          return;
        }
        const { name, version, status, warnings } = result.value;
        if (warnings?.length) set({ importWarnings: { fileName, warnings } });
        announce(
          status === 'identical'
            ? `"${name}" version ${version} finns redan med samma innehåll (identisk). Inget behövde importeras.`
            : `"${name}" version ${version} importerades.`,
          'success',
        );
        await get().load();
      } finally {
        set({ busy: false });
      }
    },

    async importAsCopy() {
      const problem = get().importProblem;
      if (problem?.kind !== 'conflict') return;
      await get().importText(problem.text, problem.fileName, true);
    },

    dismissImportProblem: () => set({ importProblem: undefined }),
    dismissImportWarnings: () => set({ importWarnings: undefined }),

    exportTemplate: (id, version) =>
      action(async () => {
        const { document, fileName } = await services().api.call('templates.export', version === undefined ? { id } : { id, version });
        const saved = await services().saveFile(fileName, `${JSON.stringify(document, null, 2)}\n`);
        if (saved) announce(`Mallen exporterades till ${saved}.`, 'success');
      }),

    async deleteTemplate(id) {
      const name = get().templates.find((t) => t.id === id)?.name ?? id;
      const done = await action(async () => {
        await services().api.call('templates.delete', { id });
        announce(`Mallen "${name}" togs bort.`, 'success');
        return true;
      });
      if (done) await get().load();
      return done ?? false;
    },
  };
});

/** For tests. */
export function resetTemplateList(): void {
  useTemplateList.setState({ ...initial }, false);
}
