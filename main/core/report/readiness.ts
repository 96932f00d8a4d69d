import type { Database } from 'better-sqlite3';
import type { Block, ReportDraft, Section } from '../../../shared/contract/report-model';
import type { Issue } from '../../../shared/result';

/**
 * What a draft must have before it is sent for approval or approved: a Dnr and a title (the
 * running header and the file names carry them), no enabled section left empty, and a review in
 * which something was scored (otherwise every figure of the memo is empty). Each gap is one issue
 * in Swedish, with the draft path a screen can jump to. A draft may be exported at any time.
 */

/** Sections that are complete without text of their own: Ärendet's lead-in may be left to its areas, signatures come from their own list. */
const NO_TEXT_NEEDED: ReadonlySet<Section['kind']> = new Set(['arendet', 'signatures']);

export function readinessIssues(db: Database, reviewId: string, draft: ReportDraft): Issue[] {
  const issues: Issue[] = [];
  if (draft.header.dnr.trim() === '') issues.push({ path: '$.draft.header.dnr', message: 'Dnr saknas i sidhuvudet.' });
  if (draft.header.title.trim() === '') issues.push({ path: '$.draft.header.title', message: 'Titeln saknas.' });
  draft.sections.forEach((section, i) => {
    if (!section.enabled || NO_TEXT_NEEDED.has(section.kind) || section.blocks.some(hasContent)) return;
    const name = section.title.trim() || `nr ${i + 1}`;
    issues.push({ path: `$.draft.sections[${i}]`, message: `Avsnittet ${name} är tomt: skriv en text eller stäng av avsnittet.` });
  });
  const scored = db.prepare('SELECT EXISTS (SELECT 1 FROM answer a JOIN case_file c ON c.id = a.case_id WHERE c.review_id = ?)').pluck().get(reviewId) === 1;
  if (!scored) issues.push({ path: '$.reviewId', message: 'Inga akter har bedömts i granskningen ännu, så utlåtandets resultat vore tomma.' });
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
