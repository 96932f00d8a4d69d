import type { REPORT_FONTS } from '../contract/report-model';

/** The roles that may approve a memo (shared/contract/report.ts APPROVER_ROLES). */
export type ApproverRoleCode = 'avdelningschef' | 'socialdirektor';

/**
 * The organisation's names and the memo's typeface: settings, not code, since every city and
 * administration words them differently. The defaults are Stockholm's (reference 003).
 */
export interface ReportSettings {
  administration: string;
  department: string;
  /** The recipient board, "Socialnämnden". */
  board: string;
  font: (typeof REPORT_FONTS)[number];
  /** The roles whose approvals together make the memo approved, in any order (reference 003 carries two). */
  approvers: ApproverRoleCode[];
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  administration: 'Socialförvaltningen',
  department: 'Avdelningen för stöd och styrning',
  board: 'Socialnämnden',
  font: 'Times New Roman',
  approvers: ['avdelningschef', 'socialdirektor'],
};
