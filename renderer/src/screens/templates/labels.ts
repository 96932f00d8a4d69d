import type { TemplateSummary } from '../../../../shared/contract/templates';
import type { LegalRef, QuestionType, TargetGroup } from '../../../../shared/templates/schema';

export const ORIGIN_LABELS: Record<TemplateSummary['origin'], string> = {
  bundled: 'Inbyggd',
  user: 'Egen',
  imported: 'Importerad',
};

export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  barn: 'Barn',
  vuxna: 'Vuxna',
};

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  scale: 'Bedömningsskala',
  choice: 'Val bland alternativ',
  date: 'Datum',
  number: 'Tal',
  text: 'Fritext',
};

/** "SoL (2001:453) 11 kap. 1 §" */
export function formatLegalRef(ref: LegalRef): string {
  const parts = [ref.act];
  if (ref.chapter !== undefined && ref.chapter !== '') parts.push(`${ref.chapter} kap.`);
  if (ref.section) parts.push(`${ref.section} §`);
  return parts.join(' ');
}

/** "gäller 2002-01-01 – 2025-06-30", "gäller från 2025-07-01", or '' when open-ended both ways. */
export function formatValidity(ref: LegalRef): string {
  if (ref.validFrom && ref.validTo) return `gäller ${ref.validFrom} – ${ref.validTo}`;
  if (ref.validFrom) return `gäller från ${ref.validFrom}`;
  if (ref.validTo) return `gäller till och med ${ref.validTo}`;
  return '';
}

export { formatDateTime } from '../../../../shared/util/format-sv';
