import type { Database } from 'better-sqlite3';
import type { ProfileRole } from '../../../shared/contract/profile';
import type { ReportDraft } from '../../../shared/contract/report-model';
import type { Approval, ReportStatus } from '../../../shared/report/render-input';
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from '../../../shared/report/settings';
import type { REPORT_EVENT_ACTIONS_V8 } from '../db/migrations/008-writing';

export type ReportEventAction = (typeof REPORT_EVENT_ACTIONS_V8)[number];

export interface ReportRow {
  status: ReportStatus;
  draft: ReportDraft;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

export function readReport(db: Database, reviewId: string): ReportRow | undefined {
  const row = db.prepare('SELECT status, draft, revision, updated_at, updated_by FROM report WHERE review_id = ?').get(reviewId) as
    | { status: ReportStatus; draft: string; revision: number; updated_at: string; updated_by: string }
    | undefined;
  return row && { status: row.status, draft: JSON.parse(row.draft) as ReportDraft, revision: row.revision, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** Creates the draft unless another window or process just did; true when this call created it. */
export function insertReport(db: Database, reviewId: string, draft: ReportDraft, nowIso: string, actor: string): boolean {
  const insert = db.prepare(
    `INSERT INTO report (review_id, status, draft, revision, created_at, created_by, updated_at, updated_by) VALUES (?, 'utkast', ?, 1, ?, ?, ?, ?)
     ON CONFLICT (review_id) DO NOTHING`,
  );
  return insert.run(
    reviewId,
    JSON.stringify(draft),
    nowIso,
    actor,
    nowIso,
    actor,
  ).changes === 1;
}

/** Writes the draft and/or status; the revision grows with every change, so a stale window notices. Returns the new revision. */
export function updateReport(db: Database, reviewId: string, change: { draft?: ReportDraft; status?: ReportStatus }, nowIso: string, actor: string): number {
  const row = db
    .prepare(
      `UPDATE report SET draft = COALESCE(?, draft), status = COALESCE(?, status), revision = revision + 1, updated_at = ?, updated_by = ?
       WHERE review_id = ? RETURNING revision`,
    )
    .get(change.draft ? JSON.stringify(change.draft) : null, change.status ?? null, nowIso, actor, reviewId) as { revision: number };
  return row.revision;
}

export function logReportEvent(db: Database, reviewId: string, action: ReportEventAction, nowIso: string, actor: string, note: string | null = null): void {
  db.prepare('INSERT INTO report_event (review_id, at, actor, action, note) VALUES (?, ?, ?, ?, ?)').run(reviewId, nowIso, actor, action, note);
}

export interface ReportEvent {
  at: string;
  actor: string;
  action: ReportEventAction;
  note: string | null;
}

export function listReportEvents(db: Database, reviewId: string): ReportEvent[] {
  return db.prepare('SELECT at, actor, action, note FROM report_event WHERE review_id = ? ORDER BY seq').all(reviewId) as ReportEvent[];
}

export function lastReportEvent(db: Database, reviewId: string): ReportEvent | undefined {
  return db.prepare('SELECT at, actor, action, note FROM report_event WHERE review_id = ? ORDER BY seq DESC LIMIT 1').get(reviewId) as ReportEvent | undefined;
}

export interface RecordedApproval extends Approval {
  role: ProfileRole | null;
  override: string | null;
  /** ISO timestamp. */
  approvedAt: string;
}

/** The approvals in force: given since the last reopening, in the order given. */
export function activeApprovals(db: Database, reviewId: string): RecordedApproval[] {
  const rows = db.prepare('SELECT name, title, approved_at, role, override FROM report_approval WHERE review_id = ? AND revoked_at IS NULL ORDER BY seq').all(reviewId) as {
    name: string;
    title: string;
    approved_at: string;
    role: ProfileRole | null;
    override: string | null;
  }[];
  return rows.map((r) => ({ name: r.name, title: r.title, date: localIsoDate(new Date(r.approved_at)), role: r.role, override: r.override, approvedAt: r.approved_at }));
}

export function insertApproval(
  db: Database,
  reviewId: string,
  approval: { name: string; title: string; role: ProfileRole; draftSha256: string; override: string | null },
  nowIso: string,
  actor: string,
): void {
  db.prepare('INSERT INTO report_approval (review_id, name, title, approved_at, actor, role, draft_sha256, override) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    reviewId,
    approval.name,
    approval.title,
    nowIso,
    actor,
    approval.role,
    approval.draftSha256,
    approval.override,
  );
}

/** The approved version in force: the documents as written at the last approval. */
export interface FrozenReport {
  frozenAt: string;
  revision: number;
  memo: Buffer;
  memoSha256: string;
  bilaga1: Buffer;
  bilaga1Sha256: string;
  appendices: { number: number; title: string }[];
}

export function activeFrozen(db: Database, reviewId: string): FrozenReport | undefined {
  const row = db
    .prepare('SELECT frozen_at, revision, memo, memo_sha256, bilaga1, bilaga1_sha256, appendices FROM report_frozen WHERE review_id = ? AND revoked_at IS NULL ORDER BY seq DESC LIMIT 1')
    .get(reviewId) as
    | { frozen_at: string; revision: number; memo: Buffer; memo_sha256: string; bilaga1: Buffer; bilaga1_sha256: string; appendices: string }
    | undefined;
  return (
    row && {
      frozenAt: row.frozen_at,
      revision: row.revision,
      memo: row.memo,
      memoSha256: row.memo_sha256,
      bilaga1: row.bilaga1,
      bilaga1Sha256: row.bilaga1_sha256,
      appendices: JSON.parse(row.appendices) as FrozenReport['appendices'],
    }
  );
}

export function insertFrozen(db: Database, reviewId: string, frozen: FrozenReport): void {
  db.prepare(
    'INSERT INTO report_frozen (review_id, revision, frozen_at, memo, memo_sha256, bilaga1, bilaga1_sha256, appendices) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(reviewId, frozen.revision, frozen.frozenAt, frozen.memo, frozen.memoSha256, frozen.bilaga1, frozen.bilaga1Sha256, JSON.stringify(frozen.appendices));
}

/** Reopening keeps every approval as history and marks those in force as revoked. */
export function revokeApprovals(db: Database, reviewId: string, nowIso: string): void {
  db.prepare('UPDATE report_approval SET revoked_at = ? WHERE review_id = ? AND revoked_at IS NULL').run(nowIso, reviewId);
  db.prepare('UPDATE report_frozen SET revoked_at = ? WHERE review_id = ? AND revoked_at IS NULL').run(nowIso, reviewId);
}

export function readReportSettings(db: Database): ReportSettings {
  const row = db.prepare('SELECT administration, department, board, font, approvers FROM report_settings WHERE id = 1').get() as
    | (Omit<ReportSettings, 'approvers'> & { approvers: string })
    | undefined;
  if (!row) return { ...DEFAULT_REPORT_SETTINGS, approvers: [...DEFAULT_REPORT_SETTINGS.approvers] };
  return { administration: row.administration, department: row.department, board: row.board, font: row.font, approvers: JSON.parse(row.approvers) as ReportSettings['approvers'] };
}

export function writeReportSettings(db: Database, settings: ReportSettings, nowIso: string, actor: string): void {
  db.prepare(
    `INSERT INTO report_settings (id, administration, department, board, font, approvers, updated_at, updated_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET administration = excluded.administration, department = excluded.department, board = excluded.board,
       font = excluded.font, approvers = excluded.approvers, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(settings.administration, settings.department, settings.board, settings.font, JSON.stringify(settings.approvers), nowIso, actor);
}

/** The calendar date where the department head is (a UTC date would be yesterday just after midnight in Sweden). */
export function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
