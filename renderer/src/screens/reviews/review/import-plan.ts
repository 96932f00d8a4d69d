import { akter } from '../../../../../shared/util/plural-sv';
import { formatNumber } from '../../../../../shared/util/format-sv';
import type { ImportResult } from '../../../state/review-store';

export interface ImportChoices {
  onExisting: 'skip' | 'update';
  /** Unset while the user has not chosen (only asked when the file has units the review lacks). */
  unknownUnits?: 'add' | 'skip';
  /** Coded references never match the review's existing ones. */
  pseudonymise?: boolean;
}

export interface ImportPlan {
  imported: number;
  updated: number;
  /** Rows that will not become cases: rejected, of a skipped unit, or already there and skipped. */
  skipped: number;
}

/**
 * What the import will do with the previewed file and the user's choices, counted the way the core
 * counts it (main/core/cases/handlers.ts): rejected rows never come in, rows of an unknown unit are
 * left out when skipped, and of the rest the existing ones are updated or skipped.
 */
export function importPlan(preview: ImportResult, choices: ImportChoices): ImportPlan {
  const valid = preview.rows - preview.rejected.length;
  const unknown = preview.unknownUnits ?? [];
  const skipUnknown = choices.unknownUnits === 'skip';
  const unknownRows = skipUnknown ? unknown.reduce((n, u) => n + u.rows, 0) : 0;
  const existing = choices.pseudonymise ? 0 : preview.existing - (skipUnknown ? unknown.reduce((n, u) => n + u.existing, 0) : 0);
  const kept = valid - unknownRows;
  const updated = choices.onExisting === 'update' ? existing : 0;
  return { imported: kept - existing, updated, skipped: preview.rejected.length + unknownRows + (choices.onExisting === 'skip' ? existing : 0) };
}

/** "Importera 6 akter, 1 hoppas över" — the button says what will happen. */
export function importButtonLabel(plan: ImportPlan): string {
  const parts = [`Importera ${akter(plan.imported)}`];
  if (plan.updated > 0) parts.push(`${formatNumber(plan.updated)} uppdateras`);
  if (plan.skipped > 0) parts.push(`${formatNumber(plan.skipped)} hoppas över`);
  return parts.join(', ');
}
