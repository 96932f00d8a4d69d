/**
 * The desktop shell's security rules as pure functions (no Electron import), so each rule is
 * unit-tested. Follows Electron's security checklist: isolated, sandboxed renderer without Node,
 * no navigation, no new windows, no permissions, and IPC only from our own page.
 */

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

export type WindowOpenDecision = { action: 'deny'; openExternally: boolean };

/** New windows are never created; a safe https link goes to the system browser instead. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}

function stripHash(url: string): string {
  const i = url.indexOf('#');
  const withoutHash = i === -1 ? url : url.slice(0, i);
  const q = withoutHash.indexOf('?');
  return q === -1 ? withoutHash : withoutHash.slice(0, q);
}
