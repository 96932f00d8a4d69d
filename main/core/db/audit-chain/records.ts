import type { Database } from 'better-sqlite3';
import { formatDateTime } from '../../../../shared/util/format-sv';
import { RECORD_BODIES_V9, type RecordKind } from '../migrations/009-record-chain';
import type { AuditBreak } from './check';

/**
 * The record chain (händelseloggen, migration 009) replayed against the tables it logs. The chain's
 * links prove its rows are as written; this proves the tables are what the rows say:
 *
 * - every row of the append-only tables (the report's history, approvals, frozen versions, done
 *   marks, threshold changes) has its entry with the same body — a row without one was added
 *   outside the program (triggers dropped and re-created, or a connection without them);
 * - every such entry's row still exists — a missing one was deleted outside the program;
 * - a revocation (of an approval, of a frozen version) is in the table exactly when it is logged;
 * - the report, the findings and the appendices are what their last entries say, and nothing else
 *   exists; an appendix's file and a frozen version's documents still hash to their checksums.
 *
 * Reviews that no longer exist are skipped: their rows went with them, only the chain is left.
 */

/** Newest rows of each logged table checked against their entries when a database opens (bounded, index lookups). */
export const OPEN_CHECK_NEWEST_SOURCE_ROWS = 1_000;

type Row = Record<string, unknown>;
type Describe = (db: Database, row: Row) => string;

const when = (at: unknown) => (typeof at === 'string' ? formatDateTime(at) : '');
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The report log's actions (migrations 006, 008) as the reason names them. */
const REPORT_EVENT_WORDS: Readonly<Record<string, string>> = {
  skapad: 'utkastet skapades',
  sparad: 'utkastet ändrades',
  skickad: 'skickades för godkännande',
  godkand: 'godkändes',
  ateroppnad: 'öppnades igen',
  exporterad: 'exporterades',
  bilaga_tillagd: 'bilaga bifogades',
  bilaga_andrad: 'bilaga ändrades',
  bilaga_borttagen: 'bilaga togs bort',
  paket_exporterat: 'nämndpaketet skapades',
  undantag: 'gick vidare trots att kontrollen inte kunde göras klar',
  bilaga_fil: 'fil bifogades till en listad bilaga',
  omskriven: 'utkastet skrevs om från granskningen',
};

const STATUS_WORDS: Readonly<Record<string, string>> = { utkast: 'utkast', for_godkannande: 'för godkännande', godkand: 'godkänt' };

/** A file's reference (what the reviewer knows it by), or its id if the file is gone. */
function caseRef(db: Database, caseId: unknown): string {
  const ref = db.prepare('SELECT ref FROM case_file WHERE id = ?').pluck().get(caseId) as string | undefined;
  return ref ?? String(caseId);
}

const describeApproval: Describe = (_db, r) => `godkännandet av ${String(r.name)} (${when(r.approved_at)})`;
const describeFrozen: Describe = (_db, r) => `den godkända, låsta versionen av utlåtandet (revision ${String(r.revision)}, ${when(r.frozen_at)})`;

/** The append-only tables: one entry per row, keyed by the row's seq. */
interface AppendSource {
  table: string;
  kind: RecordKind;
  /** Columns read for the reason (never a blob). */
  columns: string;
  /** The row's time, for `at` of the break. */
  at: string;
  describe: Describe;
  /** Revocation, logged as its own entry: the table may only set `revoked_at` once. */
  revocation?: RecordKind;
  /** "återkallat" or "återkallad", agreeing with the description. */
  revoked?: string;
}

const APPEND_SOURCES: readonly AppendSource[] = [
  { table: 'report_approval', kind: 'approval', columns: 'seq, review_id, name, approved_at, revoked_at', at: 'approved_at', describe: describeApproval, revocation: 'approval_revoked', revoked: 'återkallat' },
  {
    table: 'report_event',
    kind: 'report_event',
    columns: 'seq, review_id, at, actor, action',
    at: 'at',
    describe: (_db, r) => `händelsen ”${REPORT_EVENT_WORDS[String(r.action)] ?? String(r.action)}” i utlåtandets historik (${when(r.at)}, ${String(r.actor)})`,
  },
  { table: 'report_frozen', kind: 'frozen', columns: 'seq, review_id, revision, frozen_at, revoked_at', at: 'frozen_at', describe: describeFrozen, revocation: 'frozen_revoked', revoked: 'återkallad' },
  {
    table: 'case_event',
    kind: 'case_event',
    columns: 'seq, review_id, case_id, action, at, actor',
    at: 'at',
    describe: (db, r) => `markeringen av akt ${caseRef(db, r.case_id)} som ${r.action === 'done' ? 'klar' : 'öppnad igen'} (${when(r.at)}, ${String(r.actor)})`,
  },
  {
    table: 'publication_event',
    kind: 'publication_event',
    columns: 'seq, review_id, at, actor, from_threshold, to_threshold',
    at: 'at',
    describe: (_db, r) => `ändringen av publiceringsgränsen från ${String(r.from_threshold)} till ${String(r.to_threshold)} (${when(r.at)}, ${String(r.actor)})`,
  },
];

/** The tables whose rows change and disappear: their current state must be what the last entry of each key says. */
interface StateSource {
  table: string;
  present: RecordKind;
  gone: RecordKind;
  columns: string;
  /** SQL: the row `t` is the one the entry's ref `ref` names (index-friendly). */
  match: (t: string, ref: string) => string;
  /** SQL: the ref of row `t`. */
  ref: (t: string) => string;
  /** The row's time, for `at` of the break. */
  at: string;
  describe: Describe;
  /** "det" or "den", for the sentence after the colon. */
  pronoun: string;
}

const STATE_SOURCES: readonly StateSource[] = [
  {
    table: 'report',
    present: 'report',
    gone: 'report_deleted',
    columns: 'review_id, revision, status, updated_at',
    match: (t, ref) => `${t}.review_id = ${ref}`,
    ref: (t) => `${t}.review_id`,
    at: 'updated_at',
    describe: (_db, r) => `utlåtandet (revision ${String(r.revision)}, ${STATUS_WORDS[String(r.status)] ?? String(r.status)})`,
    pronoun: 'det',
  },
  {
    table: 'finding',
    present: 'finding',
    gone: 'finding_removed',
    columns: 'review_id, case_id, question_id, marked_at',
    match: (t, ref) => `${t}.case_id = json_extract(${ref}, '$[0]') AND ${t}.question_id = json_extract(${ref}, '$[1]')`,
    ref: (t) => `json_array(${t}.case_id, ${t}.question_id)`,
    at: 'marked_at',
    describe: (db, r) => `fyndmarkeringen på fråga ${String(r.question_id)} i akt ${caseRef(db, r.case_id)}`,
    pronoun: 'den',
  },
  {
    table: 'appendix',
    present: 'appendix',
    gone: 'appendix_deleted',
    columns: 'review_id, id, title, position, added_at',
    match: (t, ref) => `${t}.id = ${ref}`,
    ref: (t) => `${t}.id`,
    at: 'added_at',
    describe: (_db, r) => `bilagan ”${String(r.title)}”`,
    pronoun: 'den',
  },
];

interface Scope {
  reviewId?: string;
  /** Only the newest rows of each table and of the chain (the check on open). */
  newestRows?: number;
}

/** Named parameters for the scope (better-sqlite3 refuses unused ones). */
const params = (scope: Scope) => ({ ...(scope.reviewId === undefined ? {} : { reviewId: scope.reviewId }), ...(scope.newestRows === undefined ? {} : { newest: Math.floor(scope.newestRows) }) });

const reviewExists = (alias: string) => `EXISTS (SELECT 1 FROM review v WHERE v.id = ${alias}.review_id)`;

const broken = (seq: number | null, at: unknown, reason: string): AuditBreak => ({ kind: 'records', seq, at: typeof at === 'string' ? at : null, reason });

const parse = (body: unknown): Row => JSON.parse(String(body)) as Row;

/** Rows of an append-only table without their entry, or with an entry that says otherwise. */
function appendRowsUnlogged(db: Database, s: AppendSource, scope: Scope): AuditBreak | undefined {
  const filters = [
    scope.reviewId === undefined ? '' : 'AND t.review_id = @reviewId',
    scope.newestRows === undefined ? '' : `AND t.seq > (SELECT COALESCE(MAX(seq), 0) FROM ${s.table}) - @newest`,
  ].join(' ');
  const row = db
    .prepare(
      `SELECT ${s.columns.split(', ').map((c) => `t.${c}`).join(', ')}, l.seq AS entry_seq
         FROM ${s.table} t LEFT JOIN record_log l ON l.kind = '${s.kind}' AND l.ref = CAST(t.seq AS TEXT)
        WHERE (l.seq IS NULL OR l.review_id IS NOT t.review_id OR l.body IS NOT ${RECORD_BODIES_V9[s.kind]('t')}) ${filters}
        ORDER BY t.seq LIMIT 1`,
    )
    .get(params(scope)) as Row | undefined;
  if (!row) return undefined;
  const what = capitalized(s.describe(db, row));
  return row.entry_seq === null
    ? broken(null, row[s.at], `${what} finns inte i händelseloggen: raden har lagts till utanför programmet.`)
    : broken(row.entry_seq as number, row[s.at], `${what} stämmer inte med händelseloggen: raden har ändrats utanför programmet.`);
}

/** Entries (of the row or of its revocation) whose row is gone. */
function appendEntriesOrphaned(db: Database, s: AppendSource, scope: Scope): AuditBreak | undefined {
  const kinds = [s.kind, ...(s.revocation ? [s.revocation] : [])].map((k) => `'${k}'`).join(', ');
  // In the window the newest seqs bound the walk; `+l.kind` keeps SQLite from scanning every entry of the kind by its index instead.
  const kind = scope.newestRows === undefined ? 'l.kind' : '+l.kind';
  const filters = [
    scope.reviewId === undefined ? '' : 'AND l.review_id = @reviewId',
    scope.newestRows === undefined ? '' : 'AND l.seq > (SELECT COALESCE(MAX(seq), 0) FROM record_log) - @newest',
  ].join(' ');
  const entry = db
    .prepare(
      `SELECT l.seq, l.at, l.ref, l.body FROM record_log l
        WHERE ${kind} IN (${kinds}) AND ${reviewExists('l')} AND NOT EXISTS (SELECT 1 FROM ${s.table} t WHERE t.seq = CAST(l.ref AS INTEGER)) ${filters}
        ORDER BY l.seq LIMIT 1`,
    )
    .get(params(scope)) as { seq: number; at: string; ref: string; body: string } | undefined;
  if (!entry) return undefined;
  // A revocation's entry holds only the seq; the row's own entry names it.
  const own = db.prepare('SELECT body FROM record_log WHERE kind = ? AND ref = ? ORDER BY seq LIMIT 1').pluck().get(s.kind, entry.ref) as string | undefined;
  const body = parse(own ?? entry.body);
  return broken(entry.seq, entry.at, `${capitalized(s.describe(db, body))} finns i händelseloggen men inte längre i databasen: raden har tagits bort utanför programmet.`);
}

/** A revocation set without its entry, erased while its entry remains, or changed. */
function revocationsUnlogged(db: Database, s: AppendSource & { revocation: RecordKind }, scope: Scope): AuditBreak | undefined {
  const filters = [
    scope.reviewId === undefined ? '' : 'AND t.review_id = @reviewId',
    scope.newestRows === undefined ? '' : `AND t.seq > (SELECT COALESCE(MAX(seq), 0) FROM ${s.table}) - @newest`,
  ].join(' ');
  const row = db
    .prepare(
      `SELECT ${s.columns.split(', ').map((c) => `t.${c}`).join(', ')}, l.seq AS entry_seq, l.at AS entry_at
         FROM ${s.table} t LEFT JOIN record_log l ON l.kind = '${s.revocation}' AND l.ref = CAST(t.seq AS TEXT)
        WHERE ((t.revoked_at IS NULL) <> (l.seq IS NULL)
           OR (l.seq IS NOT NULL AND (l.review_id IS NOT t.review_id OR l.body IS NOT ${RECORD_BODIES_V9[s.revocation]('t')}))) ${filters}
        ORDER BY t.seq LIMIT 1`,
    )
    .get(params(scope)) as Row | undefined;
  if (!row) return undefined;
  const what = s.describe(db, row);
  if (row.entry_seq === null) {
    return broken(null, row.revoked_at, `Återkallelsen av ${what} finns inte i händelseloggen: den har gjorts utanför programmet.`);
  }
  if (row.revoked_at === null) {
    return broken(row.entry_seq as number, row.entry_at, `${capitalized(what)} är ${s.revoked ?? 'återkallat'} enligt händelseloggen men gäller i databasen: återkallelsen har tagits bort utanför programmet.`);
  }
  return broken(row.entry_seq as number, row.revoked_at, `Återkallelsen av ${what} stämmer inte med händelseloggen: den har ändrats utanför programmet.`);
}

/** The current rows of a changing table against the last entry of each key, and rows without any entry. */
function stateAgainstLog(db: Database, s: StateSource, scope: Scope): AuditBreak | undefined {
  const kinds = `'${s.present}', '${s.gone}'`;
  const byReview = scope.reviewId === undefined ? '' : 'AND review_id = @reviewId';
  const cols = s.columns.split(', ').map((c) => `t.${c}`).join(', ');
  const stale = db
    .prepare(
      `WITH last AS (
         SELECT l.* FROM record_log l JOIN (SELECT MAX(seq) AS seq FROM record_log WHERE kind IN (${kinds}) ${byReview} GROUP BY ref) m ON m.seq = l.seq)
       SELECT last.seq AS entry_seq, last.at AS entry_at, last.kind AS entry_kind, last.body AS entry_body, (t.rowid IS NOT NULL) AS present, ${cols}
         FROM last LEFT JOIN ${s.table} t ON ${s.match('t', 'last.ref')}
        WHERE ${reviewExists('last')}
          AND ((last.kind = '${s.present}' AND (t.rowid IS NULL OR t.review_id IS NOT last.review_id OR ${RECORD_BODIES_V9[s.present]('t')} IS NOT last.body))
            OR (last.kind = '${s.gone}' AND t.rowid IS NOT NULL))
        ORDER BY last.seq LIMIT 1`,
    )
    .get(params(scope)) as Row | undefined;
  if (stale) {
    const seq = stale.entry_seq as number;
    if (stale.entry_kind === s.gone) {
      return broken(seq, stale[s.at], `${capitalized(s.describe(db, stale))} finns i databasen men är borttagen enligt händelseloggen: ${s.pronoun} har lagts tillbaka utanför programmet.`);
    }
    if (!stale.present) {
      return broken(seq, stale.entry_at, `${capitalized(s.describe(db, parse(stale.entry_body)))} finns i händelseloggen men inte längre i databasen: ${s.pronoun} har tagits bort utanför programmet.`);
    }
    const now = s.describe(db, stale);
    const logged = s.describe(db, parse(stale.entry_body));
    // The description names what differs when it can (a revision, a status, a title); the content itself only by its checksum.
    return broken(seq, stale[s.at], `${capitalized(now)} stämmer inte med händelseloggens senaste rad${now === logged ? '' : ` (${logged})`}: ${s.pronoun} har ändrats utanför programmet.`);
  }
  const unlogged = db
    .prepare(
      `SELECT ${cols} FROM ${s.table} t
        WHERE NOT EXISTS (SELECT 1 FROM record_log l WHERE l.kind IN (${kinds}) AND l.ref = ${s.ref('t')}) ${scope.reviewId === undefined ? '' : 'AND t.review_id = @reviewId'}
        LIMIT 1`,
    )
    .get(params(scope)) as Row | undefined;
  if (unlogged) return broken(null, unlogged[s.at], `${capitalized(s.describe(db, unlogged))} finns inte i händelseloggen: ${s.pronoun} har lagts till utanför programmet.`);
  return undefined;
}

/** The bytes behind the checksums the chain holds: an appendix's file, a frozen version's memo and Bilaga 1. */
function filesAgainstChecksums(db: Database, scope: Scope): AuditBreak | undefined {
  const byReview = scope.reviewId === undefined ? '' : 'AND review_id = @reviewId';
  const appendix = db
    .prepare(`SELECT title, added_at FROM appendix WHERE content IS NOT NULL AND granska_sha256(content) IS NOT sha256 ${byReview} ORDER BY position LIMIT 1`)
    .get(params(scope)) as { title: string; added_at: string } | undefined;
  if (appendix) return broken(null, appendix.added_at, `Filen i bilagan ”${appendix.title}” stämmer inte med sin kontrollsumma: den har bytts ut utanför programmet.`);
  const frozen = db
    .prepare(
      `SELECT revision, frozen_at, granska_sha256(memo) IS NOT memo_sha256 AS memo_changed FROM report_frozen
        WHERE (granska_sha256(memo) IS NOT memo_sha256 OR granska_sha256(bilaga1) IS NOT bilaga1_sha256) ${byReview} ORDER BY seq LIMIT 1`,
    )
    .get(params(scope)) as { revision: number; frozen_at: string; memo_changed: number } | undefined;
  if (frozen) {
    return broken(
      null,
      frozen.frozen_at,
      `${capitalized(describeFrozen(db, frozen))} stämmer inte med sin kontrollsumma: ${frozen.memo_changed ? 'tjänsteutlåtandet' : 'Bilaga 1'} har bytts ut utanför programmet.`,
    );
  }
  return undefined;
}

/**
 * The first place where the tables and the record chain disagree, for one review or the whole
 * database; undefined when they agree. With `newestRows` (on open) only the append-only tables'
 * newest rows and the chain's newest entries are compared, by index: bounded whatever the size.
 */
export function checkRecordsAgainstTables(db: Database, reviewId?: string, options: { newestRows?: number } = {}): AuditBreak | undefined {
  const scope: Scope = { reviewId, newestRows: options.newestRows };
  for (const s of APPEND_SOURCES) {
    const found =
      appendRowsUnlogged(db, s, scope) ?? appendEntriesOrphaned(db, s, scope) ?? (s.revocation ? revocationsUnlogged(db, s as AppendSource & { revocation: RecordKind }, scope) : undefined);
    if (found) return found;
  }
  if (options.newestRows !== undefined) return undefined;
  for (const s of STATE_SOURCES) {
    const found = stateAgainstLog(db, s, scope);
    if (found) return found;
  }
  return filesAgainstChecksums(db, scope);
}
