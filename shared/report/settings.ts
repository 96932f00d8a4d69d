import type { REPORT_FONTS } from '../contract/report-model';

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
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  administration: 'Socialförvaltningen',
  department: 'Avdelningen för stöd och styrning',
  board: 'Socialnämnden',
  font: 'Times New Roman',
};
