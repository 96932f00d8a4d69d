import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  APP_URL,
  decideNavigation,
  decideWindowOpen,
  externalLinkPrompt,
  isAllowedFrameNavigation,
  isAllowedNavigation,
  isInside,
  isPermissionGranted,
  isSafeExternalUrl,
  isTrustedSender,
  isUsableSavePath,
  keyFileOfCall,
  mimeTypeFor,
  opensExternalLink,
  rendererFileFor,
  secureWebPreferences,
} from '../../main/electron/security-policy';

const appUrl = APP_URL;
const root = path.resolve('/opt/granskningsbanken/build/renderer');

describe('desktop security policies', () => {
  it('turns on isolation and the sandbox and keeps Node out of the page', () => {
    const prefs = secureWebPreferences('/x/preload.cjs');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('allows only in-page navigation (hash routes) within our own page', () => {
    expect(isAllowedNavigation(`${appUrl}#/mallar/x`, appUrl)).toBe(true);
    expect(isAllowedNavigation('https://evil.example/', appUrl)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', appUrl)).toBe(false);
    expect(isAllowedNavigation('file:///opt/granskningsbanken/build/renderer/index.html', appUrl)).toBe(false);
    expect(isAllowedNavigation('granska://app/assets/index.js', appUrl)).toBe(false);
  });

  it('lets no subframe navigate, and the main frame only within our page', () => {
    expect(isAllowedFrameNavigation(`${appUrl}#/granskningar`, appUrl, true)).toBe(true);
    expect(isAllowedFrameNavigation(appUrl, appUrl, false)).toBe(false);
    expect(isAllowedFrameNavigation('https://evil.example/', appUrl, false)).toBe(false);
    expect(isAllowedFrameNavigation('https://evil.example/', appUrl, true)).toBe(false);
  });

  it('loads the app from its own secure scheme, never bypassing the CSP', () => {
    expect(appUrl).toBe('granska://app/index.html');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false, corsEnabled: false });
  });

  it('serves only files inside the built renderer folder', () => {
    expect(rendererFileFor('granska://app/index.html', 'GET', root)).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor('granska://app/', 'GET', root)).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor('granska://app/assets/index-abc.js?v=1#x', 'GET', root)).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(rendererFileFor('granska://app/assets/Sm%C3%A5%20bilder.png', 'HEAD', root)).toBe(path.join(root, 'assets', 'Små bilder.png'));
    // The URL parser already folds plain dot segments: the path stays inside the folder.
    expect(rendererFileFor('granska://app/../../../etc/passwd', 'GET', root)).toBe(path.join(root, 'etc', 'passwd'));
    expect(rendererFileFor('granska://app/%2e%2e/%2e%2e/etc/passwd', 'GET', root)).toBe(path.join(root, 'etc', 'passwd'));
    const refused = [
      'granska://app/assets/%2e%2e%2f%2e%2e%2fsecret',
      'granska://app/..%5c..%5cWindows%5cwin.ini',
      'granska://app/C:%5cWindows%5cwin.ini',
      'granska://app/index.html%00.png',
      'granska://app/%E0%A4%A',
      'granska://other/index.html',
      'granska://app:8080/index.html',
      'granska://user:pw@app/index.html',
      'file:///opt/granskningsbanken/build/renderer/index.html',
      'https://app/index.html',
      'inte en adress',
    ];
    for (const url of refused) expect(rendererFileFor(url, 'GET', root), url).toBeUndefined();
    expect(rendererFileFor('granska://app/index.html', 'POST', root)).toBeUndefined();
    expect(isInside(root, path.join(root, 'a', 'b.js'))).toBe(true);
    expect(isInside(root, root)).toBe(false);
    expect(isInside(root, `${root}-annan/x.js`)).toBe(false);
    expect(isInside(root, path.resolve(root, '..', 'electron', 'main.cjs'))).toBe(false);
  });

  it('names the right content type, and unknown files as inert bytes', () => {
    expect(mimeTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/r/assets/index-abc.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/r/assets/index-abc.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/r/assets/logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/r/assets/font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/r/assets/okänd.bin')).toBe('application/octet-stream');
  });

  it('answers IPC only from the main frame of our page', () => {
    expect(isTrustedSender(`${appUrl}#/mallar`, appUrl, true)).toBe(true);
    expect(isTrustedSender(appUrl, appUrl, false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', appUrl, true)).toBe(false);
    expect(isTrustedSender('file:///opt/granskningsbanken/build/renderer/index.html', appUrl, true)).toBe(false);
    expect(isTrustedSender(undefined, appUrl, true)).toBe(false);
  });

  it('never opens new windows; only plain https links are offered to the system browser', () => {
    expect(decideWindowOpen('https://www.socialstyrelsen.se/')).toEqual({ action: 'deny', offerExternal: true });
    expect(decideWindowOpen('http://example.com/')).toEqual({ action: 'deny', offerExternal: false });
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny', offerExternal: false });
    expect(decideNavigation(`${appUrl}#/mallar`, appUrl)).toEqual({ allow: true });
    expect(decideNavigation('https://www.socialstyrelsen.se/', appUrl)).toEqual({ allow: false, offerExternal: true });
    expect(decideNavigation('file:///etc/passwd', appUrl)).toEqual({ allow: false, offerExternal: false });
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
  });

  it('asks before a link leaves the app, showing the address as the browser will see it, with "Avbryt" as default', () => {
    const prompt = externalLinkPrompt('https://www.socialstyrelsen.se/kunskapsstod?x=1');
    expect(prompt).toMatchObject({ type: 'question', message: 'Vill du öppna länken i webbläsaren?', buttons: ['Avbryt', 'Öppna i webbläsaren'], defaultId: 0, cancelId: 0 });
    expect(prompt.detail).toContain('https://www.socialstyrelsen.se/kunskapsstod?x=1');
    // A look-alike host shows in punycode.
    expect(externalLinkPrompt('https://socialstyrelsеn.se/').href).toMatch(/^https:\/\/xn--socialstyrelsn-[a-z0-9]+\.se\/$/);
    expect(opensExternalLink(0)).toBe(false);
    expect(opensExternalLink(1)).toBe(true);
  });

  it('finds the key file a cases.import call names, and accepts only usable save paths', () => {
    expect(keyFileOfCall('cases.import', { reviewId: 'r', keyFile: '/home/a/kodnyckel.csv' })).toBe('/home/a/kodnyckel.csv');
    expect(keyFileOfCall('cases.import', { reviewId: 'r' })).toBeUndefined();
    expect(keyFileOfCall('cases.import', { keyFile: 42 })).toBe('42');
    expect(keyFileOfCall('cases.list', { keyFile: '/x' })).toBeUndefined();
    expect(keyFileOfCall('cases.import', null)).toBeUndefined();
    const abs = path.resolve('/home/a/kodnyckel.csv');
    expect(isUsableSavePath(abs, { parentIsDirectory: true, existingIsDirectory: false })).toBe(true);
    expect(isUsableSavePath('kodnyckel.csv', { parentIsDirectory: true, existingIsDirectory: false })).toBe(false);
    expect(isUsableSavePath(abs, { parentIsDirectory: false, existingIsDirectory: false })).toBe(false);
    expect(isUsableSavePath(abs, { parentIsDirectory: true, existingIsDirectory: true })).toBe(false);
  });

  it('denies every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(isPermissionGranted(permission)).toBe(false);
    }
  });
});
