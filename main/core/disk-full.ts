import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sqliteCode } from './db/sqlite-errors';

/**
 * A write that failed because the disk (or the account's quota) is full, told in Swedish with the
 * folder being written: the database's, an export's, a backup's. One wording for every place a
 * file or the database is written, so "Ett oväntat fel inträffade" is never the answer to a full disk.
 */
export type DiskFullKind = 'full' | 'quota' | 'write';

const errnoCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * `full`: ENOSPC, or SQLITE_FULL (SQLite's word for ENOSPC on its files). `quota`: EDQUOT.
 * `write`: SQLITE_IOERR_WRITE / _FSYNC / _TRUNCATE — SQLite reports a quota (EDQUOT) that way, and
 * does not say which errno it was. Undefined for anything else.
 */
export function diskFullKind(error: unknown): DiskFullKind | undefined {
  const code = errnoCode(error);
  if (code === 'ENOSPC' || sqliteCode(error) === 'SQLITE_FULL') return 'full';
  if (code === 'EDQUOT') return 'quota';
  if (code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC' || code === 'SQLITE_IOERR_TRUNCATE') return 'write';
  return undefined;
}

export const isDiskFull = (error: unknown): boolean => diskFullKind(error) !== undefined;

export interface DiskFullPlace {
  /** What could not be written, as the start of a sentence: "Ändringen", "Filen /x/y.csv". */
  what: string;
  /** The folder being written to, when known. */
  folder?: string;
  /** What happened to the data: "Inget har ändrats av den här åtgärden." */
  outcome: string;
  /** Also name the folder for temporary files when it is on another volume (SQLite sorts and builds indexes there). */
  mentionTemp?: boolean;
}

export function diskFullMessage(kind: DiskFullKind, place: DiskFullPlace): string {
  const folder = place.folder;
  const where = folder === undefined ? '' : `mappen ${folder}${place.mentionTemp ? tempFolderNote(folder) : ''}`;
  const cause =
    kind === 'full'
      ? `Disken är full: ${lowerFirst(place.what)} kunde inte skrivas, eftersom det inte finns plats kvar ${where ? `på enheten med ${where}` : 'på disken'}.`
      : kind === 'quota'
        ? `Ditt lagringsutrymme är slut: ${lowerFirst(place.what)} kunde inte skrivas${where ? ` i ${where}` : ''}, eftersom kontots diskkvot är förbrukad.`
        : `${place.what} kunde inte skrivas till disken${where ? ` i ${where}` : ''}: disken kan vara full, kontots lagringsutrymme slut eller enheten frånkopplad.`;
  return `${cause} ${place.outcome} Frigör utrymme på den enheten (töm papperskorgen, flytta eller ta bort stora filer) eller välj en annan mapp, och försök sedan igen.`;
}

/** The folder of the path a failed file operation names, if it names one. */
export function folderOfError(error: unknown): string | undefined {
  const file = (error as { path?: unknown; dest?: unknown } | null)?.dest ?? (error as { path?: unknown } | null)?.path;
  return typeof file === 'string' ? path.dirname(path.resolve(file)) : undefined;
}

function tempFolderNote(folder: string): string {
  const temp = os.tmpdir();
  try {
    if (fs.statSync(temp).dev === fs.statSync(folder).dev) return '';
  } catch {
    return '';
  }
  return ` (eller på enheten med mappen för tillfälliga filer, ${temp})`;
}

const lowerFirst = (text: string) => (/^[A-ZÅÄÖ][a-zåäö]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);
