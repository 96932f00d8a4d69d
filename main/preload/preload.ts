import { contextBridge, ipcRenderer } from 'electron';
import { isKnownMethodName } from '../../shared/contract/method-names';
import { IPC } from '../electron/ipc-channels';

/**
 * The narrow bridge: one `invoke` limited to contract names, plus three named file helpers.
 * Raw ipcRenderer never reaches the page.
 */
contextBridge.exposeInMainWorld('bridge', {
  invoke(method: string, input: unknown) {
    if (!isKnownMethodName(method)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `Okänd åtgärd: ${String(method).slice(0, 100)}.` } });
    return ipcRenderer.invoke(IPC.invoke, method, input);
  },
  openFile(filters: { name: string; extensions: string[] }[]) {
    return ipcRenderer.invoke(IPC.openFile, filters);
  },
  saveFile(suggestedName: string, content: string | Uint8Array) {
    return ipcRenderer.invoke(IPC.saveFile, suggestedName, content);
  },
  /** The save dialog for a pseudonymisation key: returns the chosen path only; the core writes the file. */
  chooseKeyFile(suggestedName: string) {
    return ipcRenderer.invoke(IPC.chooseKeyFile, suggestedName);
  },
});
