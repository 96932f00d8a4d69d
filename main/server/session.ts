import { randomBytes } from 'node:crypto';
import { tokensMatch } from './security';

export type Redemption =
  | { ok: true; sessionToken: string }
  | { ok: false; reason: 'used' | 'wrong' };

const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * One run of the server hands out exactly one session, through a link that works once.
 *
 * The printed link carries the link token in its fragment, which the browser never sends; the page's
 * script trades it here for the session token and keeps that in its tab's sessionStorage. Whatever
 * stays behind in shell history, browser history or a screenshot is the spent link token, worth
 * nothing. Both tokens live only in this process, so a restart ends every session.
 */
export class LinkSession {
  readonly linkToken: string;
  private sessionToken: string | undefined;

  constructor(linkToken: string = newToken()) {
    this.linkToken = linkToken;
  }

  get linkUsed(): boolean {
    return this.sessionToken !== undefined;
  }

  redeem(given: string | undefined): Redemption {
    if (!tokensMatch(given, this.linkToken)) return { ok: false, reason: 'wrong' };
    if (this.sessionToken !== undefined) return { ok: false, reason: 'used' };
    this.sessionToken = newToken();
    return { ok: true, sessionToken: this.sessionToken };
  }

  isSession(given: string | undefined): boolean {
    return tokensMatch(given, this.sessionToken);
  }
}
