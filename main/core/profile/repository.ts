import type { Database } from 'better-sqlite3';
import type { Profile, ProfileRole } from '../../../shared/contract/profile';

/** The one profile row (id 1), or null before anyone has said who works here. */
export function readProfile(db: Database): Profile | null {
  const row = db.prepare('SELECT name, title, role FROM profile WHERE id = 1').get() as { name: string; title: string; role: ProfileRole } | undefined;
  return row ? { name: row.name, title: row.title, role: row.role } : null;
}

export function writeProfile(db: Database, profile: Profile, nowIso: string): void {
  db.prepare(
    `INSERT INTO profile (id, name, title, role, updated_at) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title, role = excluded.role, updated_at = excluded.updated_at`,
  ).run(profile.name, profile.title, profile.role, nowIso);
}
