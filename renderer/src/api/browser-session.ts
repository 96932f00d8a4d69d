/**
 * Browser mode's sign-in, done by the page itself because the browser must not do it for us.
 *
 * `npm run serve` prints `http://127.0.0.1:PORT/#t=LINK`. The fragment is never sent in a request
 * (so never in a log or a Referer). At start-up the page trades LINK once for a session token
 * (POST ./session), removes the fragment from the address bar, and keeps the session token in this
 * tab's sessionStorage, which is per origin (port included) and per tab, survives a reload and is
 * never sent anywhere by the browser. The API client adds it as `Authorization: Bearer …`.
 * No cookie is used: the browser would send a cookie to every port on 127.0.0.1.
 */

/** sessionStorage key of the session token. */
export const SESSION_STORAGE_KEY = 'granskningsbanken.session';

/**
 * Set on the tab (window.name survives reloads, and survives losing sessionStorage) once the link
 * has signed it in, so a tab that later loses its token can be told exactly that. Not a secret.
 */
const SIGNED_IN_MARK = 'granskningsbanken:inloggad-via-lank';

export type SessionStart = { ok: true } | { ok: false; message: string };

const RESTART_HINT = 'stoppa servern (Ctrl+C) och starta om "npm run serve" för att få en ny länk';

export const sessionMessages = {
  storageBlocked:
    'Webbläsaren låter inte sidan spara inloggningen i fliken (sessionStorage är avstängd eller blockerad för den här adressen). Länken har inte använts: tillåt webbplatsdata för 127.0.0.1 och ladda om sidan.',
  unreachable: 'Kunde inte nå Granskningsbänken. Kontrollera att "npm run serve" fortfarande är igång och ladda sedan om sidan.',
  restarted:
    'Servern har startats om sedan fliken öppnades, så fliken är inte längre inloggad. Öppna den nya länken som skrevs ut i terminalen.',
  tabLostSession: `Den här fliken öppnades med länken, men webbläsaren har tappat flikens inloggning (flikens sessionStorage har tömts, till exempel när webbplatsdata rensades). Länken fungerar bara en gång, så ${RESTART_HINT}.`,
  linkUsedElsewhere: `Den här fliken är inte inloggad. Länken som skrevs ut när servern startade har redan använts i en annan flik: fortsätt där, eller ${RESTART_HINT}.`,
  noLink: 'Den här fliken är inte inloggad. Öppna länken som skrevs ut i terminalen när "npm run serve" startade – adressen utan länken ger ingen åtkomst.',
};

/** The session token of this tab, if it has one. */
export function browserSessionToken(): string | undefined {
  try {
    return window.sessionStorage.getItem(SESSION_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function storageWorks(): boolean {
  try {
    window.sessionStorage.setItem(`${SESSION_STORAGE_KEY}.prov`, '1');
    window.sessionStorage.removeItem(`${SESSION_STORAGE_KEY}.prov`);
    return true;
  } catch {
    return false;
  }
}

function linkTokenFromAddress(): string | undefined {
  const m = /^#t=([\w-]+)$/.exec(window.location.hash);
  return m ? m[1] : undefined;
}

/** Drops the fragment without a new history entry: what history keeps is the bare address. */
function forgetLinkInAddress(): void {
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
}

async function sessionStatus(token: string | undefined): Promise<{ signedIn: boolean; linkUsed: boolean }> {
  const response = await fetch('./session', { credentials: 'omit', cache: 'no-store', headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return (await response.json()) as { signedIn: boolean; linkUsed: boolean };
}

async function redeem(link: string): Promise<{ ok: true; sessionToken: string } | { ok: false; message: string }> {
  const response = await fetch('./session', {
    method: 'POST',
    credentials: 'omit',
    cache: 'no-store',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ link }),
  });
  const body = (await response.json()) as { ok: true; value: { sessionToken: string } } | { ok: false; error: { message: string } };
  return body.ok ? { ok: true, sessionToken: body.value.sessionToken } : { ok: false, message: body.error.message };
}

/**
 * Signs this tab in, or says in Swedish why it cannot be. Runs once before the app renders; in the
 * desktop app (preload bridge present) there is nothing to do.
 */
export async function startBrowserSession(): Promise<SessionStart> {
  if (window.bridge) return { ok: true };
  try {
    const link = linkTokenFromAddress();
    if (link !== undefined) {
      // Check first, so a link is never spent on a tab that could not keep the session.
      if (!storageWorks()) return { ok: false, message: sessionMessages.storageBlocked };
      const redeemed = await redeem(link);
      forgetLinkInAddress();
      if (redeemed.ok) {
        window.sessionStorage.setItem(SESSION_STORAGE_KEY, redeemed.sessionToken);
        window.name = SIGNED_IN_MARK;
        return { ok: true };
      }
      // The same tab may already be signed in (the link pasted again); otherwise the server said why.
      const stored = browserSessionToken();
      if (stored && (await sessionStatus(stored)).signedIn) return { ok: true };
      return { ok: false, message: redeemed.message };
    }
    const stored = browserSessionToken();
    const status = await sessionStatus(stored);
    if (status.signedIn) return { ok: true };
    if (stored) {
      window.sessionStorage.removeItem(SESSION_STORAGE_KEY);
      return { ok: false, message: sessionMessages.restarted };
    }
    if (window.name === SIGNED_IN_MARK) return { ok: false, message: sessionMessages.tabLostSession };
    return { ok: false, message: status.linkUsed ? sessionMessages.linkUsedElsewhere : sessionMessages.noLink };
  } catch {
    return { ok: false, message: sessionMessages.unreachable };
  }
}
