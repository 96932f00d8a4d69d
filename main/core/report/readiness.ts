import type { Database } from 'better-sqlite3';
import type { Block, ReportDraft, Section } from '../../../shared/contract/report-model';
import type { Issue } from '../../../shared/result';
import { formatNumber } from '../../../shared/util/format-sv';
import { reviewTemplate } from '../reviews/frozen-template';
import { overviewOf } from '../scoring/workspace';
import { draftTexts } from './pii-scan';

/**
 * What a draft must have before it is sent for approval or approved: a Dnr, a title and the
 * board meeting's date (the header and the file names carry them), no enabled section left empty,
 * no placeholder left in any text ("den … .", "Ej angiven", "Datum saknas"), and every file of the
 * review scored and marked done (otherwise the memo's figures are of a review not yet finished).
 * Each gap is one issue in Swedish, with the draft path a screen can jump to. An approver may let
 * an incomplete draft through with a reason (an override, logged); a draft may be exported at any
 * time.
 */

/** Sections that are complete without text of their own: Ärendet's lead-in may be left to its areas, signatures come from their own list. */
const NO_TEXT_NEEDED: ReadonlySet<Section['kind']> = new Set(['arendet', 'signatures', 'metod', 'resultat']);

/**
 * Text left to be filled in: an ellipsis ("den … ."), the renderer's own stand-ins for a missing
 * field, and the usual writer's marks. Words that only look like one (a quoted "…" in a citation)
 * are rare enough in a memo that the writer removes or overrides them.
 */
const PLACEHOLDERS: readonly { pattern: RegExp; label: string }[] = [
  { pattern: /…|\.{3}/, label: '"…"' },
  { pattern: /\bEj angiven?\b/i, label: '"Ej angiven"' },
  { pattern: /\b(Datum|Dnr|Titel|Namn) saknas\b/i, label: '"… saknas"' },
  { pattern: /\[[^\]]{0,40}\]/, label: 'text inom hakparentes' },
  { pattern: /\bX{3,}\b|\bTODO\b|\bfyll i\b/i, label: 'en markering att fylla i' },
];

export function readinessIssues(db: Database, reviewId: string, draft: ReportDraft): Issue[] {
  const issues: Issue[] = [];
  if (draft.header.dnr.trim() === '') issues.push({ path: '$.draft.header.dnr', message: 'Dnr saknas i sidhuvudet.' });
  if (draft.header.title.trim() === '') issues.push({ path: '$.draft.header.title', message: 'Titeln saknas.' });
  if (draft.header.date.trim() === '') issues.push({ path: '$.draft.header.date', message: 'Datum saknas i sidhuvudet (nämndens sammanträde).' });
  const emptySection = (list: 'sections' | 'bilaga1.sections', where: string) => (section: Section, i: number) => {
    if (!section.enabled || NO_TEXT_NEEDED.has(section.kind) || section.blocks.some(hasContent) || (section.detail ?? []).some(hasContent)) return;
    const name = section.title.trim() || `nr ${i + 1}`;
    issues.push({ path: `$.draft.${list}[${i}]`, message: `${where} ${name} är tomt: skriv en text eller stäng av det.` });
  };
  draft.sections.forEach(emptySection('sections', 'Avsnittet'));
  (draft.bilaga1?.sections ?? []).forEach(emptySection('bilaga1.sections', 'Bilaga 1, kapitlet'));
  for (const text of draftTexts(draft)) {
    const found = PLACEHOLDERS.find((p) => p.pattern.test(text.text));
    if (found) issues.push({ path: text.path.replace(/^\$/, '$.draft'), message: `${text.place} innehåller ${found.label}, som ska fyllas i eller tas bort.` });
  }
  const overview = overviewOf(db, reviewId, reviewTemplate(db, reviewId));
  const { total, done } = overview.files;
  if (!overview.scoringStarted) {
    issues.push({ path: '$.reviewId', message: 'Inga akter har bedömts i granskningen ännu, så utlåtandets resultat vore tomma.' });
  } else if (done < total) {
    issues.push({ path: '$.reviewId', message: `${formatNumber(total - done)} av ${formatNumber(total)} akter är inte klarmarkerade: resultaten kan ännu ändras.` });
  }
  return issues;
}

function hasContent(block: Block): boolean {
  const someText = (inlines: readonly { type: string; text: string }[]) => inlines.some((i) => i.type === 'text' && i.text.trim() !== '');
  switch (block.type) {
    case 'paragraph':
      return someText(block.content);
    case 'bullets':
    case 'numbered':
      return block.items.some(someText);
    case 'resultTable':
    case 'resultChart':
    case 'unitTable':
      return true;
  }
}
