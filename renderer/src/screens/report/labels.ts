import type { ReportAnswer } from '../../state/report-store';

type Status = ReportAnswer['status'];

/** The status as the status bar names it. */
export const STATUS_NAMES: Readonly<Record<Status, string>> = {
  utkast: 'Utkast',
  for_godkannande: 'För godkännande',
  godkand: 'Godkänt',
};

/** The log's actions (main/core/db/migrations/008-writing.ts) in words. */
export const EVENT_NAMES: Readonly<Record<string, string>> = {
  skapad: 'Utkastet skapades',
  sparad: 'Utkastet ändrades',
  skickad: 'Skickades för godkännande',
  godkand: 'Godkändes',
  ateroppnad: 'Öppnades igen',
  exporterad: 'Exporterades',
  bilaga_tillagd: 'Bilaga bifogades',
  bilaga_andrad: 'Bilaga ändrades',
  bilaga_borttagen: 'Bilaga togs bort',
  paket_exporterat: 'Nämndpaketet skapades',
  undantag: 'Gick vidare trots brister',
  bilaga_fil: 'Fil bifogades till bilaga',
  omskriven: 'Skrevs om från granskningen',
};

export const eventName = (action: string): string => EVENT_NAMES[action] ?? action;

/** "1,2 MB", "380 kB", "920 byte": sizes as people read them, sv-SE decimals. */
export function formatBytes(bytes: number): string {
  const format = (n: number) => n.toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${format(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${format(bytes / 1024)} kB`;
  return `${bytes} byte`;
}

/** The first 12 hex digits: enough to compare with the manifest by eye. */
export const shortChecksum = (sha256: string): string => sha256.slice(0, 12);
