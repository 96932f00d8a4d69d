import type { Database } from 'better-sqlite3';
import type { Appendix, AppendixKind } from '../../../shared/contract/report';
import type { ReportDraft } from '../../../shared/contract/report-model';
import type { AppendixRef } from '../../../shared/report/render-input';
import { appendixFileName } from './file-names';

/**
 * The appendices of a review's memo. Bilaga 1 is always the full review report (written from the
 * review itself); Bilaga 2 … are the files the board secretary attached, in their order.
 *
 * `boardAppendices` is the ONE list both the memo's Bilaga list and the board package are made
 * from, so the two always agree on numbers, titles and order.
 */

interface AppendixRow {
  id: string;
  position: number;
  title: string;
  file_name: string | null;
  kind: AppendixKind | null;
  bytes: number | null;
  sha256: string | null;
}

/** The listed appendices in order, numbered from 2; a listed one may still wait for its file. */
export function listAppendices(db: Database, reviewId: string): Appendix[] {
  const rows = db.prepare('SELECT id, position, title, file_name, kind, bytes, sha256 FROM appendix WHERE review_id = ? ORDER BY position, added_at, id').all(reviewId) as AppendixRow[];
  return rows.map((r, i) => ({ id: r.id, number: i + 2, title: r.title, attached: r.sha256 !== null, fileName: r.file_name, kind: r.kind, bytes: r.bytes, sha256: r.sha256 }));
}

/** The attached file of a listed appendix, or null while it waits for one. */
export function appendixContent(db: Database, reviewId: string, id: string): Buffer | null {
  return (db.prepare('SELECT content FROM appendix WHERE review_id = ? AND id = ?').pluck().get(reviewId, id) as Buffer | null | undefined) ?? null;
}

/** Lists an appendix by its title; its file is attached later (attachAppendixFile). */
export function planAppendix(db: Database, row: { id: string; reviewId: string; title: string }, nowIso: string, actor: string): void {
  const position = (db.prepare('SELECT COALESCE(MAX(position), 0) + 1 FROM appendix WHERE review_id = ?').pluck().get(row.reviewId) as number) ?? 1;
  db.prepare('INSERT INTO appendix (id, review_id, position, title, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)').run(row.id, row.reviewId, position, row.title, nowIso, actor);
}

/** Sets (or replaces) the file of a listed appendix. */
export function attachAppendixFile(
  db: Database,
  row: { id: string; reviewId: string; fileName: string; kind: AppendixKind; sha256: string; content: Buffer },
  nowIso: string,
  actor: string,
): void {
  db.prepare('UPDATE appendix SET file_name = ?, kind = ?, bytes = ?, sha256 = ?, content = ?, attached_at = ?, attached_by = ? WHERE review_id = ? AND id = ?').run(
    row.fileName,
    row.kind,
    row.content.length,
    row.sha256,
    row.content,
    nowIso,
    actor,
    row.reviewId,
    row.id,
  );
}

export function findAppendix(db: Database, reviewId: string, id: string): Appendix | undefined {
  return listAppendices(db, reviewId).find((a) => a.id === id);
}

export function insertAppendix(
  db: Database,
  row: { id: string; reviewId: string; title: string; fileName: string; kind: AppendixKind; sha256: string; content: Buffer },
  nowIso: string,
  actor: string,
): void {
  planAppendix(db, row, nowIso, actor);
  attachAppendixFile(db, row, nowIso, actor);
}

export function retitleAppendix(db: Database, reviewId: string, id: string, title: string): void {
  db.prepare('UPDATE appendix SET title = ? WHERE review_id = ? AND id = ?').run(title, reviewId, id);
}

/** Moves one appendix to `position` (1 = first attached file) and numbers the rest densely around it. */
export function moveAppendix(db: Database, reviewId: string, id: string, position: number): void {
  const ids = listAppendices(db, reviewId).map((a) => a.id).filter((other) => other !== id);
  ids.splice(Math.min(position, ids.length + 1) - 1, 0, id);
  renumber(db, reviewId, ids);
}

export function deleteAppendix(db: Database, reviewId: string, id: string): void {
  db.prepare('DELETE FROM appendix WHERE review_id = ? AND id = ?').run(reviewId, id);
  renumber(db, reviewId, listAppendices(db, reviewId).map((a) => a.id));
}

function renumber(db: Database, reviewId: string, ids: readonly string[]): void {
  const set = db.prepare('UPDATE appendix SET position = ? WHERE review_id = ? AND id = ?');
  ids.forEach((id, i) => set.run(i + 1, reviewId, id));
}

/** Bilaga 1's title as the memo lists it: "Öppenvård barn 0-12 år. Socialtjänstinspektörernas kvalitetsgranskning" (reference 003). */
export function reviewReportTitle(draft: ReportDraft): string {
  const title = draft.header.title.trim();
  const subtitle = draft.header.subtitle.trim();
  if (!subtitle) return title || 'Granskningsrapport';
  return title ? `${title.replace(/[.:]$/, '')}. ${subtitle}` : subtitle;
}

/** One appendix as it is listed in the memo and named in the package. */
export interface BoardAppendix extends AppendixRef {
  /** The name in the board package: "Bilaga 2 – Yttrande från Norra.pdf"; null while a listed appendix waits for its file. */
  fileName: string | null;
  /** null for Bilaga 1 (written at export); the listed appendix's id otherwise. */
  appendixId: string | null;
  kind: AppendixKind | null;
}

/** Every appendix in order, Bilaga 1 first: the memo's Bilaga list and the package's files. */
export function boardAppendices(db: Database, reviewId: string, draft: ReportDraft): BoardAppendix[] {
  const first = reviewReportTitle(draft);
  return [
    { number: 1, title: first, fileName: appendixFileName(1, first, 'docx'), appendixId: null, kind: 'docx' },
    ...listAppendices(db, reviewId).map((a) => ({ number: a.number, title: a.title, fileName: a.kind === null ? null : appendixFileName(a.number, a.title, a.kind), appendixId: a.id, kind: a.kind })),
  ];
}
