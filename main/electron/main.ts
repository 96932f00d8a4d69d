import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from '../core/core';
import { DomainError } from '../core/errors';
import { DB_FILE_NAME } from '../core/paths';
import { writeFileAtomic } from '../core/files';
import { IPC } from './ipc-channels';
import { buildMenu } from './menu';
import { decideWindowOpen, isAllowedNavigation, isPermissionGranted, isTrustedSender, secureWebPreferences } from './security-policy';

/** The desktop shell: one window over the same core the CLI and the browser mode use. */
const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const appUrl = pathToFileURL(rendererIndex).toString();
let core: Core | undefined;

function dbPath(): string {
  return process.env.GRANSKA_DB ? path.resolve(process.env.GRANSKA_DB) : path.join(app.getPath('userData'), DB_FILE_NAME);
}

function guard(event: IpcMainInvokeEvent): void {
  const frame = event.senderFrame;
  if (!isTrustedSender(frame?.url, appUrl, frame?.parent === null)) throw new Error('IPC från okänd avsändare nekades.');
}

function registerIpc(): void {
  ipcMain.handle(IPC.invoke, async (event, method: unknown, input: unknown) => {
    guard(event);
    if (!core) return { ok: false, error: { code: 'INTERNAL', message: 'Databasen är inte öppen.' } };
    return core.dispatch(String(method), input);
  });
  ipcMain.handle(IPC.openFile, async (event, filters: unknown) => {
    guard(event);
    const window = BrowserWindow.fromWebContents(event.sender);
    const result = await dialog.showOpenDialog(window!, { properties: ['openFile'], filters: Array.isArray(filters) ? (filters as Electron.FileFilter[]) : [] });
    if (result.canceled || result.filePaths.length === 0) return null;
    const file = result.filePaths[0];
    return { name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) };
  });
  ipcMain.handle(IPC.saveFile, async (event, suggestedName: unknown, content: unknown) => {
    guard(event);
    const window = BrowserWindow.fromWebContents(event.sender);
    const result = await dialog.showSaveDialog(window!, { defaultPath: String(suggestedName) });
    if (result.canceled || !result.filePath) return null;
    const data = typeof content === 'string' ? content : Buffer.from(content as Uint8Array);
    try {
      writeFileAtomic(result.filePath, data);
    } catch (error) {
      return { error: error instanceof DomainError ? error.message : 'Filen kunde inte sparas.' };
    }
    return { path: result.filePath };
  });
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Granskningsbänken',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) void shell.openExternal(url);
    return { action: decision.action };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  void window.loadURL(appUrl);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission));
  try {
    core = createCore({ dbPath: dbPath() });
  } catch (error) {
    dialog.showErrorBox('Granskningsbänken kan inte starta', error instanceof DomainError ? error.message : String(error));
    app.quit();
    return;
  }
  Menu.setApplicationMenu(buildMenu());
  registerIpc();
  createWindow();
});

app.on('window-all-closed', () => {
  core?.close();
  core = undefined;
  app.quit();
});
