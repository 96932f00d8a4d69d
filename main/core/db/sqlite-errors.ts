/**
 * SQLite's own errors, told apart by their code (better-sqlite3's SqliteError.code, e.g.
 * "SQLITE_BUSY_SNAPSHOT"). Their English text is for the log only.
 */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

const family = (error: unknown, base: string) => {
  const code = sqliteCode(error);
  return code === base || (code?.startsWith(`${base}_`) ?? false);
};

/** Another connection holds the lock (or our snapshot went stale): nothing was written, trying again is safe. */
export const isBusy = (error: unknown): boolean => family(error, 'SQLITE_BUSY') || family(error, 'SQLITE_LOCKED');
export const isCorrupt = (error: unknown): boolean => family(error, 'SQLITE_CORRUPT') || family(error, 'SQLITE_NOTADB');
export const isReadOnly = (error: unknown): boolean => family(error, 'SQLITE_READONLY');

export const BUSY_MESSAGE = 'Databasen är upptagen av en annan åtgärd (till exempel en import som pågår). Inget har sparats ännu; försök igen om en stund.';
export const CORRUPT_WHILE_OPEN_MESSAGE =
  'Databasen verkar vara skadad. Inget har ändrats av den här åtgärden. Stäng programmet och öppna det igen: då kontrolleras filen och du får veta vilken säkerhetskopia du kan använda.';

/** A write refused by the file system with no reason recorded on the connection (the -shm or the folder turned read-only while open). */
export const READ_ONLY_WHILE_OPEN_MESSAGE =
  'Databasen kunde inte skrivas: filen, dess arbetsfiler (-wal, -shm) eller mappen den ligger i är skrivskyddad. Inget har ändrats av den här åtgärden. Ta bort skrivskyddet och starta om programmet.';
