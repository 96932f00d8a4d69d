import { describe, expect, it } from 'vitest';
import {
  decideWindowOpen,
  isAllowedNavigation,
  isPermissionGranted,
  isSafeExternalUrl,
  isTrustedSender,
  secureWebPreferences,
} from '../../main/electron/security-policy';

const appUrl = 'file:///opt/granskningsbanken/build/renderer/index.html';

describe('desktop security policies', () => {
  it('turns on isolation and the sandbox and keeps Node out of the page', () => {
    const prefs = secureWebPreferences('/x/preload.cjs');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('allows only in-page navigation (hash routes) within our own page', () => {
    expect(isAllowedNavigation(`${appUrl}#/mallar/x`, appUrl)).toBe(true);
    expect(isAllowedNavigation('https://evil.example/', appUrl)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', appUrl)).toBe(false);
  });

  it('answers IPC only from the main frame of our page', () => {
    expect(isTrustedSender(`${appUrl}#/mallar`, appUrl, true)).toBe(true);
    expect(isTrustedSender(appUrl, appUrl, false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', appUrl, true)).toBe(false);
    expect(isTrustedSender(undefined, appUrl, true)).toBe(false);
  });

  it('never opens new windows; only plain https links go to the system browser', () => {
    expect(decideWindowOpen('https://www.socialstyrelsen.se/')).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('http://example.com/')).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: false });
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
  });

  it('denies every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(isPermissionGranted(permission)).toBe(false);
    }
  });
});
