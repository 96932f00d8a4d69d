import type { ReportStatus } from '../../../../shared/report/render-input';
import { isValidIsoDate } from '../../../../shared/util/iso-date';
import { formatDateInWords } from '../../../../shared/util/format-sv';

/**
 * The few words the renderer writes itself around the draft's text. Every value that may be
 * missing goes through here, so a document never says "Dnr null", "undefined" or "NaN": a missing
 * value is named as missing in Swedish.
 */

/** Shown where a published figure is withheld (never a blank that reads as zero). */
export const WITHHELD = '–';

/** A trimmed text, or the fallback where there is none. */
export function textOr(value: string | null | undefined, fallback: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' ? fallback : text;
}

/** "Dnr SOF 2024/543", or "Dnr saknas". */
export const dnrLine = (dnr: string | null | undefined): string => {
  const text = textOr(dnr, '');
  return text === '' ? 'Dnr saknas' : `Dnr ${text}`;
};

/** The Dnr alone for a "Dnr: …" line: the number or "saknas". */
export const dnrValue = (dnr: string | null | undefined): string => textOr(dnr, 'saknas');

/** An ISO date as tables and header blocks write it, or "Datum saknas". */
export const isoDateOr = (date: string | null | undefined, fallback = 'Datum saknas'): string => (date && isValidIsoDate(date) ? date : fallback);

/** "den 15 januari 2025" for prose, or null where the date is missing or not a real date. */
export const dateInWords = (date: string | null | undefined): string | null => (date && isValidIsoDate(date) ? formatDateInWords(date) : null);

const STATUS_LABELS: Record<ReportStatus, string> = {
  utkast: 'Utkast',
  for_godkannande: 'För godkännande',
  godkand: 'Godkänd',
};

export const statusLabel = (status: ReportStatus): string => STATUS_LABELS[status];

/** The mark every page of an unapproved document carries; null once it is approved. */
export function unapprovedMark(status: ReportStatus): string | null {
  if (status === 'godkand') return null;
  return status === 'utkast' ? 'UTKAST – ej godkänt' : 'FÖR GODKÄNNANDE – ej godkänt';
}
