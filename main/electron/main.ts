import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../core/core';
import { DomainError } from '../core/errors';
import { DB_FILE_NAME } from '../core/paths';
import { readUserFile, writeFileAtomic } from '../core/files';
import { MAX_CASE_LIST_BYTES } from '../../shared/contract/cases';
import { IPC } from './ipc-channels';
import { buildMenu } from './menu';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_URL,
  decideNavigation,
  decideWindowOpen,
  externalLinkPrompt,
  isAllowedFrameNavigation,
  isInside,
  isPermissionGranted,
  isTrustedSender,
  isUsableSavePath,
  keyFileOfCall,
  mimeTypeFor,
  opensExternalLink,
  rendererFileFor,
  savableContent,
  secureWebPreferences,
} from './security-policy';

/** The desktop shell: one window over the same core the CLI and the browser mode use. */
const rendererRoot = path.join(__dirname, '..', 'renderer');
const appUrl = APP_URL;
let core: Core | undefined;
/** Key files the user chose in the save dialog; cases.import may write only to one of these. */
const chosenKeyFiles = new Set<string>();

// Must happen before "ready": the scheme gets an origin of its own and counts as secure.
// Whatever the app creates (database, WAL, backups, key files, exports) is the user's alone.
if (process.platform !== 'win32') process.umask(0o077);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

function dbPath(): string {
  return process.env.GRANSKA_DB ? path.resolve(process.env.GRANSKA_DB) : path.join(app.getPath('userData'), DB_FILE_NAME);
}

function guard(event: IpcMainInvokeEvent): void {
  const frame = event.senderFrame;
  if (!isTrustedSender(frame?.url, appUrl, frame?.parent === null)) throw new Error('IPC från okänd avsändare nekades.');
}

/** Serves the built renderer, and nothing else, on granska://app/. */
function serveRenderer(): void {
  const realRoot = fs.realpathSync(rendererRoot);
  protocol.handle(APP_SCHEME, (request) => {
    const file = rendererFileFor(request.url, request.method, realRoot);
    if (!file) return new Response('Finns inte.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    try {
      // A symbolic link inside the folder must not lead out of it.
      if (!isInside(realRoot, fs.realpathSync(file))) throw new Error('outside');
      const body = readUserFile(file, MAX_CASE_LIST_BYTES);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        headers: { 'Content-Type': mimeTypeFor(file), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' },
      });
    } catch {
      return new Response('Finns inte.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
  });
}

/** Asks before a link leaves the app; "Avbryt" is the default. */
async function offerExternalLink(window: BrowserWindow | null, url: string): Promise<void> {
  const { href, ...options } = externalLinkPrompt(url);
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (opensExternalLink(response)) await shell.openExternal(href);
}

function statFacts(file: string): { parentIsDirectory: boolean; existingIsDirectory: boolean } {
  const isDir = (p: string) => {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  return { parentIsDirectory: isDir(path.dirname(file)), existingIsDirectory: isDir(file) };
}

function registerIpc(): void {
  ipcMain.handle(IPC.invoke, async (event, method: unknown, input: unknown) => {
    guard(event);
    if (!core) return { ok: false, error: { code: 'INTERNAL', message: 'Databasen är inte öppen.' } };
    const keyFile = keyFileOfCall(method, input);
    if (keyFile !== undefined && !chosenKeyFiles.has(keyFile)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Kodnyckelns fil måste väljas i dialogrutan "Spara kodnyckeln".' } };
    }
    return core.dispatch(String(method), input);
  });
  ipcMain.handle(IPC.openFile, async (event, filters: unknown) => {
    guard(event);
    const window = BrowserWindow.fromWebContents(event.sender);
    const result = await dialog.showOpenDialog(window!, { properties: ['openFile'], filters: Array.isArray(filters) ? (filters as Electron.FileFilter[]) : [] });
    if (result.canceled || result.filePaths.length === 0) return null;
    const file = result.filePaths[0];
    try {
      // Regular files only (not a FIFO or a device), and never more than any import accepts.
      return { name: path.basename(file), bytes: new Uint8Array(readUserFile(file, MAX_CASE_LIST_BYTES)) };
    } catch (error) {
      return { error: error instanceof DomainError ? error.message : 'Filen kunde inte läsas.' };
    }
  });
  ipcMain.handle(IPC.chooseKeyFile, async (event, suggestedName: unknown) => {
    guard(event);
    const window = BrowserWindow.fromWebContents(event.sender);
    const result = await dialog.showSaveDialog(window!, {
      title: 'Spara kodnyckeln',
      buttonLabel: 'Spara kodnyckeln här',
      defaultPath: path.join(app.getPath('documents'), path.basename(String(suggestedName ?? 'kodnyckel.csv'))),
      filters: [{ name: 'Kodnyckel (CSV)', extensions: ['csv'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (result.canceled || !result.filePath) return null;
    const file = path.resolve(result.filePath);
    if (!isUsableSavePath(file, statFacts(file))) return { error: `${file} kan inte användas för kodnyckeln. Välj en fil i en befintlig mapp.` };
    chosenKeyFiles.add(file);
    return { path: file };
  });
  ipcMain.handle(IPC.saveFile, async (event, suggestedName: unknown, content: unknown) => {
    guard(event);
    const data = savableContent(content);
    if (data === undefined) return { error: 'Filen kunde inte sparas: innehållet är varken text eller en fil.' };
    const window = BrowserWindow.fromWebContents(event.sender);
    const result = await dialog.showSaveDialog(window!, { defaultPath: String(suggestedName) });
    if (result.canceled || !result.filePath) return null;
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
    if (decision.offerExternal) void offerExternalLink(window, url);
    return { action: decision.action };
  });
  // Every frame, not only the main one: an injected iframe must not navigate anywhere either.
  // This event also fires for every main-frame navigation will-navigate sees, so the question
  // about an external link is asked here only (once).
  window.webContents.on('will-frame-navigate', (details) => {
    if (isAllowedFrameNavigation(details.url, appUrl, details.isMainFrame)) return;
    details.preventDefault();
    const decision = decideNavigation(details.url, appUrl);
    if (details.isMainFrame && !decision.allow && decision.offerExternal) void offerExternalLink(window, details.url);
  });
  // Kept as a second guard for the main frame (defence in depth; no second question).
  window.webContents.on('will-navigate', (event, url) => {
    if (!decideNavigation(url, appUrl).allow) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!decideNavigation(url, appUrl).allow) event.preventDefault();
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
    // Long imports run in the import worker, so the window's other calls are answered meanwhile.
    core = createCore({ dbPath: dbPath(), background: true });
  } catch (error) {
    dialog.showErrorBox('Granskningsbänken kan inte starta', error instanceof DomainError ? error.message : String(error));
    app.quit();
    return;
  }
  Menu.setApplicationMenu(buildMenu());
  serveRenderer();
  registerIpc();
  createWindow();
});

app.on('window-all-closed', () => {
  core?.close();
  core = undefined;
  app.quit();
});
