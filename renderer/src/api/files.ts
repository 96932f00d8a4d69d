/**
 * Opening and saving user files through whichever face runs: the native dialogs over IPC in the
 * desktop app, a file input and a download in the browser.
 */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export async function pickFile(accept: { name: string; extensions: string[] }[]): Promise<PickedFile | null> {
  if (window.bridge) {
    const result = await window.bridge.openFile(accept);
    if (result && 'error' in result) throw new Error(result.error);
    return result;
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

export function saveFile(suggestedName: string, content: string, mimeType = 'application/json'): Promise<string | null> {
  return saveContent(suggestedName, content, mimeType);
}

/**
 * Saves bytes as they are (an xlsx workbook from `results.export`): the save dialog in the desktop
 * app, where the main process writes the file atomically and owner-only; a download in the browser.
 * Returns the path or name saved, or null if the user cancelled.
 */
export function saveBinaryFile(suggestedName: string, bytes: Uint8Array, mimeType: string): Promise<string | null> {
  return saveContent(suggestedName, bytes, mimeType);
}

/** The bytes of a `contentBase64` the core sent (`results.export`), for saveBinaryFile. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function saveContent(suggestedName: string, content: string | Uint8Array, mimeType: string): Promise<string | null> {
  if (window.bridge) {
    const result = await window.bridge.saveFile(suggestedName, content);
    if (result && 'error' in result) throw new Error(result.error);
    return result ? result.path : null;
  }
  // Copied into a plain ArrayBuffer: Blob takes no view of a SharedArrayBuffer, and the copy is only the view's bytes.
  const url = URL.createObjectURL(new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return suggestedName;
}

/**
 * Where the core should write a pseudonymisation key. The desktop app asks the user first (a save
 * dialog; null if cancelled). In browser mode the page cannot name a path on the machine running
 * the core, so the core writes it to its folder beside the database and says where.
 */
export type KeyFileChoice = { path: string } | { besideDatabase: true } | null;

export async function chooseKeyFile(suggestedName: string): Promise<KeyFileChoice> {
  if (!window.bridge) return { besideDatabase: true };
  const result = await window.bridge.chooseKeyFile(suggestedName);
  if (result && 'error' in result) throw new Error(result.error);
  return result;
}

export const decodeUtf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);
