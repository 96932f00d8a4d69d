import { formatDateInWords } from '../util/format-sv';
import type { LegalRef } from './schema';

/**
 * A review's period (`periodFrom`–`periodTo`, ISO dates). A missing bound is open: a review without
 * a period, or with only one bound, looks at every reference valid on that side.
 */
export interface LegalPeriod {
  from: string | null;
  to: string | null;
}

export const NO_PERIOD: LegalPeriod = { from: null, to: null };

// ISO dates compare correctly as strings; these stand for the open ends.
const BEGINNING = '0000-01-01';
const END = '9999-12-31';

const startOf = (ref: LegalRef) => ref.validFrom ?? BEGINNING;
const endOf = (ref: LegalRef) => ref.validTo ?? END;

/**
 * The references in force at some day of the period: [validFrom, validTo] and [from, to] overlap,
 * both ends inclusive (SoL 2001:453 ends 2025-06-30, SoL 2025:400 starts 2025-07-01). Newest first:
 * later end of validity, then later start; references with equal dates keep the template's order.
 * Without a period every reference is returned, the current ones first.
 */
export function legalRefsInPeriod(refs: readonly LegalRef[] | undefined, period: LegalPeriod): LegalRef[] {
  const from = period.from ?? BEGINNING;
  const to = period.to ?? END;
  return (refs ?? [])
    .filter((ref) => startOf(ref) <= to && from <= endOf(ref))
    .map((ref, index) => ({ ref, index }))
    .sort((a, b) => compareDesc(endOf(a.ref), endOf(b.ref)) || compareDesc(startOf(a.ref), startOf(b.ref)) || a.index - b.index)
    .map(({ ref }) => ref);
}

const compareDesc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/** True when the reference is in force on every day of the period (an open period end counts as forever). */
export function validThroughoutPeriod(ref: LegalRef, period: LegalPeriod): boolean {
  return startOf(ref) <= (period.from ?? BEGINNING) && (period.to ?? END) <= endOf(ref);
}

/** Swedish legal citation: "11 kap. 1 § SoL (2025:400)", "6 kap. SOSFS 2014:5", "SoL (2001:453)". */
export function formatLegalRef(ref: LegalRef): string {
  const parts: string[] = [];
  if (ref.chapter !== undefined && String(ref.chapter).trim() !== '') parts.push(`${ref.chapter} kap.`);
  if (ref.section && ref.section.trim() !== '') parts.push(`${ref.section} §`);
  parts.push(ref.act);
  return parts.join(' ');
}

/**
 * When the reference applies, in words: "gäller från den 1 juli 2025", "gäller till och med den
 * 30 juni 2025", "gäller från den 1 januari 2002 till och med den 30 juni 2025"; '' when open both ways.
 */
export function formatValidity(ref: LegalRef): string {
  const from = ref.validFrom ? `från ${formatDateInWords(ref.validFrom)}` : '';
  const to = ref.validTo ? `till och med ${formatDateInWords(ref.validTo)}` : '';
  return from || to ? ['gäller', from, to].filter(Boolean).join(' ') : '';
}

/** The validity to show next to a reference in a period: only when it does not cover the whole period. */
export function validityNoteInPeriod(ref: LegalRef, period: LegalPeriod): string {
  return validThroughoutPeriod(ref, period) ? '' : formatValidity(ref);
}
