import path from 'node:path';

/**
 * The desktop shell's security rules as pure functions (no Electron import), so each rule is
 * unit-tested. Follows Electron's security checklist: isolated, sandboxed renderer without Node,
 * served from our own privileged scheme (not file://), no navigation, no new windows, no
 * permissions, external links only after the user agreed, and IPC only from our own page.
 */

/*
 * The renderer is served from granska://app/ instead of file://, so the CSP's 'self' means the
 * app's own files and nothing else on the disk, and fetch/navigation to file:// has no privilege.
 */
export const APP_SCHEME = 'granska';
export const APP_HOST = 'app';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Standard (relative URLs, an origin of its own) and secure (like https); nothing that bypasses the CSP. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  corsEnabled: false,
  stream: false,
} as const;

/**
 * The file a request to our scheme may read, or undefined: only GET/HEAD on granska://app/, only
 * a path that stays inside the built renderer folder after decoding (no "..", no backslashes,
 * no NUL), "/" meaning index.html. Symbolic links are checked by the caller with isInside on
 * the real paths.
 */
export function rendererFileFor(requestUrl: string, method: string, rendererRoot: string): string | undefined {
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') return undefined;
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  if (segments.length === 0) segments = ['index.html'];
  if (segments.some((s) => s === '.' || s === '..' || s.includes('/') || s.includes('\\') || s.includes('\0') || s.includes(':'))) return undefined;
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, ...segments);
  return isInside(root, file) ? file : undefined;
}

/** True if `file` is `root` itself or below it. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a renderer file; anything unknown is served as inert bytes (with nosniff). */
export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export const secureWebPreferences = (preloadPath: string) =>
  ({
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  }) as const;

/** The renderer is one page; any navigation away from it (a link, a dropped file, a redirect) is refused. */
export function isAllowedNavigation(targetUrl: string, appUrl: string): boolean {
  return stripHash(targetUrl) === stripHash(appUrl);
}

/** A frame may navigate only if it is the main frame staying on our page: the app has no frames of its own. */
export function isAllowedFrameNavigation(targetUrl: string, appUrl: string, isMainFrame: boolean): boolean {
  return isMainFrame && isAllowedNavigation(targetUrl, appUrl);
}

export type NavigationDecision = { allow: true } | { allow: false; offerExternal: boolean };

/** Navigation of the window: our own page, or refused — and a safe https link is offered to the system browser. */
export function decideNavigation(targetUrl: string, appUrl: string): NavigationDecision {
  if (isAllowedNavigation(targetUrl, appUrl)) return { allow: true };
  return { allow: false, offerExternal: isSafeExternalUrl(targetUrl) };
}

/** IPC is answered only for our own top-level page, never for a frame or a page navigated elsewhere. */
export function isTrustedSender(senderUrl: string | undefined, appUrl: string, isMainFrame: boolean): boolean {
  return isMainFrame && senderUrl !== undefined && stripHash(senderUrl) === stripHash(appUrl);
}

/** Links the user may open in the system browser: plain https without embedded credentials. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Every web permission (camera, notifications, geolocation …) is denied: the workbench needs none. */
export const isPermissionGranted = (_permission: string): boolean => false;

export type WindowOpenDecision = { action: 'deny'; offerExternal: boolean };

/** New windows are never created; a safe https link may go to the system browser, if the user agrees. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', offerExternal: isSafeExternalUrl(url) };
}

/**
 * The question asked before a link leaves the app: the full address as the browser will see it
 * (host in punycode, so a look-alike name shows), "Avbryt" first and the default.
 */
export function externalLinkPrompt(url: string) {
  const href = new URL(url).href;
  return {
    type: 'question' as const,
    title: 'Öppna länk',
    message: 'Vill du öppna länken i webbläsaren?',
    detail: `${href}\n\nLänken öppnas utanför Granskningsbänken. Öppna den bara om du känner igen adressen.`,
    buttons: ['Avbryt', 'Öppna i webbläsaren'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    href,
  };
}

/** The user's answer to externalLinkPrompt: only the second button opens the link. */
export const opensExternalLink = (response: number): boolean => response === 1;

/**
 * The key file a cases.import call names, if any. In the desktop app it must be a path the user
 * chose in the save dialog during this session, so a compromised page cannot make the core
 * write anywhere else.
 */
export function keyFileOfCall(method: unknown, input: unknown): string | undefined {
  if (method !== 'cases.import' || typeof input !== 'object' || input === null) return undefined;
  const keyFile = (input as { keyFile?: unknown }).keyFile;
  return keyFile === undefined ? undefined : String(keyFile);
}

/**
 * What the page may ask to save: text (a template, a key) or bytes (an xlsx workbook), nothing
 * else. Anything else is refused rather than converted: Buffer.from on an array-like object from a
 * compromised page would allocate whatever length it claims.
 */
export function savableContent(content: unknown): string | Uint8Array | undefined {
  return typeof content === 'string' || content instanceof Uint8Array ? content : undefined;
}

/** A path from the save dialog, checked before it is handed to the page: absolute, with a file name, not a folder. */
export function isUsableSavePath(file: string, facts: { parentIsDirectory: boolean; existingIsDirectory: boolean }): boolean {
  return path.isAbsolute(file) && path.basename(file) !== '' && facts.parentIsDirectory && !facts.existingIsDirectory;
}

function stripHash(url: string): string {
  const i = url.indexOf('#');
  const withoutHash = i === -1 ? url : url.slice(0, i);
  const q = withoutHash.indexOf('?');
  return q === -1 ? withoutHash : withoutHash.slice(0, q);
}
