import { ROLE_LABELS, type ProfileRole } from '../../../shared/contract/profile';
import { APPROVER_ROLES, type ApproverRole } from '../../../shared/contract/report';
import type { ReportStatus } from '../../../shared/report/render-input';
import { listSv } from '../../../shared/util/list-sv';
import { invalid } from '../errors';

/**
 * Who may do what to a review's tjänsteutlåtande, in which state: the one place these rules
 * live. Every handler asks here before it writes, and report.get hands the same answers to the
 * screens so they offer only what will be accepted.
 *
 * The roles (the workbench's profile — a declaration, not a login): the inspector (granskare)
 * writes; the approvers the settings name (by default avdelningschef and socialdirektör) approve
 * in any order, and may edit a draft sent to them until someone has approved it; any approver
 * role may reopen; the board secretary (nämndsekreterare) attaches the appendices' files and
 * exports the board package. A workbench without a profile works as an inspector. Refusals are
 * VALIDATION, as for the scoring rules: FORBIDDEN means the caller itself (a browser session) is
 * refused.
 */

export type ReportAction = 'edit' | 'submit' | 'approve' | 'reopen' | 'export' | 'attach' | 'listAppendices' | 'exportPackage';
export const REPORT_ACTIONS: readonly ReportAction[] = ['edit', 'submit', 'approve', 'reopen', 'export', 'attach', 'listAppendices', 'exportPackage'];

/** The role a person works in; null (no profile yet) counts as an inspector. */
export type WorkingRole = ProfileRole | null;

/** What the rules look at. */
export interface ReportState {
  status: ReportStatus;
  role: WorkingRole;
  /** The roles that must approve (the settings). */
  approvers: readonly ApproverRole[];
  /** The roles whose approvals are in force (given since the last reopening). */
  approvedBy: readonly (ProfileRole | null)[];
}

const SET_ROLE = 'Rollen väljs i profilen.';

export const isApproverRole = (role: WorkingRole): role is ApproverRole => (APPROVER_ROLES as readonly (string | null)[]).includes(role);

const roleNames = (roles: readonly ApproverRole[]) => listSv(roles.map((r) => ROLE_LABELS[r].toLocaleLowerCase('sv-SE')), 'eller');

/** Why `action` is refused now, in Swedish, or null when it is allowed. */
export function refusalOf(action: ReportAction, state: ReportState): string | null {
  const { status, role, approvers, approvedBy } = state;
  const approved = approvedBy.length > 0;
  switch (action) {
    case 'edit':
      if (status === 'godkand') return 'Godkänt tjänsteutlåtande är låst; återöppna det först.';
      if (role === 'namndsekreterare') return `Nämndsekreteraren kan inte ändra texten i tjänsteutlåtandet, bara bilagorna. ${SET_ROLE}`;
      if (approved) return 'Utkastet har redan godkänts av någon: det som godkänts ändras inte. Återöppna det för att ändra.';
      if (status === 'for_godkannande' && !isApproverRole(role)) return `Utkastet är skickat för godkännande: bara ${roleNames(approvers)} kan ändra det nu, eller öppna det igen.`;
      return null;
    case 'submit':
      if (role === 'namndsekreterare') return `Nämndsekreteraren kan inte skicka utkastet för godkännande. ${SET_ROLE}`;
      if (status === 'for_godkannande') return 'Utkastet är redan skickat för godkännande.';
      if (status === 'godkand') return 'Utkastet är redan godkänt.';
      return null;
    case 'approve':
      if (!isApproverRole(role) || !approvers.includes(role)) return `Bara ${roleNames(approvers)} kan godkänna tjänsteutlåtandet. ${SET_ROLE}`;
      if (status === 'utkast') return 'Utkastet måste skickas för godkännande innan det kan godkännas.';
      if (status === 'godkand') return 'Tjänsteutlåtandet är redan godkänt.';
      if (approvedBy.includes(role)) return `Tjänsteutlåtandet är redan godkänt av ${ROLE_LABELS[role].toLocaleLowerCase('sv-SE')}; det väntar på ${roleNames(approvers.filter((r) => !approvedBy.includes(r)))}.`;
      return null;
    case 'reopen':
      if (!isApproverRole(role)) return `Bara ${roleNames(APPROVER_ROLES)} kan öppna ett skickat eller godkänt tjänsteutlåtande igen. ${SET_ROLE}`;
      if (status === 'utkast') return 'Utkastet är redan öppet för ändringar.';
      return null;
    case 'export':
      // A draft may be exported at any status: the file name and the document say which.
      return null;
    case 'attach':
      // A listed appendix's file arrives when it arrives, also after approval: the memo lists the title, not the bytes.
      if (role !== 'namndsekreterare') return `Bara en nämndsekreterare kan bifoga filer till bilagorna. ${SET_ROLE}`;
      return null;
    case 'listAppendices':
      // The Bilaga list is part of the memo an approver signs: it changes only while nobody has approved.
      if (status === 'godkand' || approved) return 'Bilageförteckningen ingår i det godkända tjänsteutlåtandet: återöppna det för att lägga till, ta bort, byta namn på eller flytta bilagor.';
      return null;
    case 'exportPackage':
      if (role !== 'namndsekreterare') return `Bara en nämndsekreterare kan skapa nämndpaketet. ${SET_ROLE}`;
      if (status !== 'godkand') return 'Nämndpaketet kan bara skapas av ett godkänt tjänsteutlåtande.';
      return null;
  }
}

/** Refuses `action` with its Swedish reason (VALIDATION), or returns. */
export function requireAllowed(action: ReportAction, state: ReportState): void {
  const reason = refusalOf(action, state);
  if (reason) throw invalid(reason);
}

/** The rules' answers for every action, for the screens. */
export function permissionsOf(state: ReportState): Record<ReportAction, { allowed: boolean; reason: string | null }> {
  const out = {} as Record<ReportAction, { allowed: boolean; reason: string | null }>;
  for (const action of REPORT_ACTIONS) {
    const reason = refusalOf(action, state);
    out[action] = { allowed: reason === null, reason };
  }
  return out;
}

/** The approvers still to approve, in the settings' order. */
export const pendingApprovers = (state: Pick<ReportState, 'approvers' | 'approvedBy'>): ApproverRole[] => state.approvers.filter((r) => !state.approvedBy.includes(r));
