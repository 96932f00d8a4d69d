import { configureServices, resetServices } from '../../renderer/src/services';
import { resetProfile } from '../../renderer/src/state/profile-store';
import { useStatusStore } from '../../renderer/src/state/status-store';
import { resetTemplateEditor, useTemplateEditor } from '../../renderer/src/state/template-editor-store';
import { resetTemplateList } from '../../renderer/src/state/template-list-store';
import { FakeApi } from './fake-api';

/** A fresh fake API wired into the stores, with every store emptied. */
export function freshFake(): FakeApi {
  const fake = new FakeApi();
  resetServices();
  configureServices({ api: fake.client, pickFile: async () => null, saveFile: async (name) => name });
  resetTemplateEditor();
  resetTemplateList();
  resetProfile();
  useStatusStore.getState().clear();
  return fake;
}

export const editor = () => useTemplateEditor.getState();
export const status = () => useStatusStore.getState().message;

/** Question ids of the open draft, in template order. */
export const draftIds = () => editor().draft!.template.questions.map((q) => q.id);

export const keyOf = (id: string): string => {
  const d = editor().draft!;
  return d.keys[d.template.questions.findIndex((q) => q.id === id)];
};
