import type { ProfileRole } from '../../../shared/contract/profile';
import type { ReportStatus } from '../../../shared/report/render-input';
import { invalid } from '../errors';

/**
 * Who may do what to a review's tjänsteutlåtande, in which status: the one place these rules
 * live. Every handler asks here before it writes, and report.get hands the same answers to the
 * screens so they offer only what will be accepted.
 *
 * The roles (the workbench's profile): the inspector (granskare) writes; the department head
 * (avdelningschef) reviews, edits, approves and reopens; the board secretary (nämndsekreterare)
 * attaches the appendices and exports the board package. A workbench without a profile works as
 * an inspector: it can write, never approve. Refusals are VALIDATION, as for the scoring rules:
 * FORBIDDEN means the caller itself (a browser session) is refused.
 */

export type ReportAction = 'edit' | 'submit' | 'approve' | 'reopen' | 'export' | 'attach' | 'exportPackage';
export const REPORT_ACTIONS: readonly ReportAction[] = ['edit', 'submit', 'approve', 'reopen', 'export', 'attach', 'exportPackage'];

/** The role a person works in; null (no profile yet) counts as an inspector. */
export type WorkingRole = ProfileRole | null;

const HEAD_ONLY = 'Bara en avdelningschef kan';
const SET_ROLE = 'Rollen väljs i profilen.';

/** Why `action` is refused now, in Swedish, or null when it is allowed. */
export function refusalOf(action: ReportAction, status: ReportStatus, role: WorkingRole): string | null {
  switch (action) {
    case 'edit':
      if (status === 'godkand') return 'Godkänt utkast är låst; återöppna det först.';
      if (role === 'namndsekreterare') return `Nämndsekreteraren kan inte ändra texten i tjänsteutlåtandet, bara bilagorna. ${SET_ROLE}`;
      if (status === 'for_godkannande' && role !== 'avdelningschef') return 'Utkastet är skickat för godkännande: bara avdelningschefen kan ändra det nu, eller öppna det igen.';
      return null;
    case 'submit':
      if (role === 'namndsekreterare') return `Nämndsekreteraren kan inte skicka utkastet för godkännande. ${SET_ROLE}`;
      if (status === 'for_godkannande') return 'Utkastet är redan skickat för godkännande.';
      if (status === 'godkand') return 'Utkastet är redan godkänt.';
      return null;
    case 'approve':
      if (role !== 'avdelningschef') return `${HEAD_ONLY} godkänna tjänsteutlåtandet. ${SET_ROLE}`;
      if (status === 'utkast') return 'Utkastet måste skickas för godkännande innan det kan godkännas.';
      if (status === 'godkand') return 'Utkastet är redan godkänt.';
      return null;
    case 'reopen':
      if (role !== 'avdelningschef') return `${HEAD_ONLY} öppna ett skickat eller godkänt tjänsteutlåtande igen. ${SET_ROLE}`;
      if (status === 'utkast') return 'Utkastet är redan öppet för ändringar.';
      return null;
    case 'export':
      // A draft may be exported at any status: the file name and the document say which.
      return null;
    case 'attach':
      // Appendices are the secretary's, at any status: they are attached once the memo is settled.
      if (role !== 'namndsekreterare') return `Bara en nämndsekreterare kan bifoga, ordna och ta bort bilagor. ${SET_ROLE}`;
      return null;
    case 'exportPackage':
      if (role !== 'namndsekreterare') return `Bara en nämndsekreterare kan skapa nämndpaketet. ${SET_ROLE}`;
      if (status !== 'godkand') return 'Nämndpaketet kan bara skapas av ett godkänt tjänsteutlåtande.';
      return null;
  }
}

/** Refuses `action` with its Swedish reason (VALIDATION), or returns. */
export function requireAllowed(action: ReportAction, status: ReportStatus, role: WorkingRole): void {
  const reason = refusalOf(action, status, role);
  if (reason) throw invalid(reason);
}

/** The rules' answers for every action, for the screens. */
export function permissionsOf(status: ReportStatus, role: WorkingRole): Record<ReportAction, { allowed: boolean; reason: string | null }> {
  const out = {} as Record<ReportAction, { allowed: boolean; reason: string | null }>;
  for (const action of REPORT_ACTIONS) {
    const reason = refusalOf(action, status, role);
    out[action] = { allowed: reason === null, reason };
  }
  return out;
}

/** Where each step leads. */
export const NEXT_STATUS: Readonly<Record<'submit' | 'approve' | 'reopen', ReportStatus>> = {
  submit: 'for_godkannande',
  approve: 'godkand',
  reopen: 'utkast',
};
