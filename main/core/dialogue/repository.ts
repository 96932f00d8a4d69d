import type { Database } from 'better-sqlite3';
import type { DialogueMeeting } from '../../../shared/contract/findings';

/** The dialogue meetings of a review, by the review's unit order, then date. */

interface MeetingRow {
  id: string;
  unit: string;
  held_on: string;
  participants: string;
  notes: string;
  updated_at: string;
  updated_by: string;
}

const toMeeting = (r: MeetingRow): DialogueMeeting => ({
  id: r.id,
  unit: r.unit,
  heldOn: r.held_on,
  participants: r.participants,
  notes: JSON.parse(r.notes) as Record<string, string>,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export function listMeetings(db: Database, reviewId: string): DialogueMeeting[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.unit, m.held_on, m.participants, m.notes, m.updated_at, m.updated_by
         FROM dialogue_meeting m LEFT JOIN review_unit u ON u.review_id = m.review_id AND u.name = m.unit
        WHERE m.review_id = ? ORDER BY COALESCE(u.position, 1e9), m.unit, m.held_on, m.created_at`,
    )
    .all(reviewId) as MeetingRow[];
  return rows.map(toMeeting);
}

export function findMeeting(db: Database, reviewId: string, id: string): DialogueMeeting | undefined {
  return listMeetings(db, reviewId).find((m) => m.id === id);
}

export interface MeetingWrite {
  unit: string;
  heldOn: string;
  participants: string;
  notes: Record<string, string>;
}

export function insertMeeting(db: Database, reviewId: string, id: string, m: MeetingWrite, nowIso: string, actor: string): void {
  db.prepare(
    `INSERT INTO dialogue_meeting (id, review_id, unit, held_on, participants, notes, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, reviewId, m.unit, m.heldOn, m.participants, JSON.stringify(m.notes), nowIso, actor, nowIso, actor);
}

export function updateMeeting(db: Database, reviewId: string, id: string, m: MeetingWrite, nowIso: string, actor: string): void {
  db.prepare('UPDATE dialogue_meeting SET unit = ?, held_on = ?, participants = ?, notes = ?, updated_at = ?, updated_by = ? WHERE id = ? AND review_id = ?').run(
    m.unit,
    m.heldOn,
    m.participants,
    JSON.stringify(m.notes),
    nowIso,
    actor,
    id,
    reviewId,
  );
}

export function deleteMeeting(db: Database, reviewId: string, id: string): void {
  db.prepare('DELETE FROM dialogue_meeting WHERE id = ? AND review_id = ?').run(id, reviewId);
}
