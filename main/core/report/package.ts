import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import type { ManifestEntry } from '../../../shared/contract/report';
import type { Approval } from '../../../shared/report/render-input';
import { formatNumber } from '../../../shared/util/format-sv';

/**
 * The board package: the memo, Bilaga 1 and the attached files, each under its package name,
 * with a manifest of file, title, size and SHA-256 as JSON (for programs) and as Swedish text (for
 * the board secretary and the registrar), so anyone can check that a file is the one approved.
 */

export interface PackageFile {
  file: string;
  title: string;
  content: Uint8Array;
}

export interface PackageMeta {
  dnr: string;
  title: string;
  approvals: readonly Approval[];
  /** ISO timestamp of the export. */
  createdAt: string;
  createdBy: string;
}

export const MANIFEST_JSON = 'manifest.json';
export const MANIFEST_TXT = 'manifest.txt';

export const sha256Hex = (content: Uint8Array): string => createHash('sha256').update(content).digest('hex');

export function manifestOf(files: readonly PackageFile[]): ManifestEntry[] {
  return files.map((f) => ({ file: f.file, title: f.title, sha256: sha256Hex(f.content), bytes: f.content.length }));
}

export async function buildBoardPackage(files: readonly PackageFile[], meta: PackageMeta): Promise<{ zip: Buffer; manifest: ManifestEntry[] }> {
  const names = new Set<string>();
  for (const f of files) {
    // The names come from one numbering, so a clash is a bug, never something to paper over.
    if (names.has(f.file.toLowerCase()) || f.file === MANIFEST_JSON || f.file === MANIFEST_TXT) throw new Error(`Two files of the board package are named ${f.file}`);
    names.add(f.file.toLowerCase());
  }
  const manifest = manifestOf(files);
  const date = new Date(meta.createdAt);
  const zip = new JSZip();
  for (const f of files) zip.file(f.file, f.content, { date, binary: true });
  zip.file(MANIFEST_JSON, `${JSON.stringify(manifestJson(manifest, meta), null, 2)}\n`, { date });
  zip.file(MANIFEST_TXT, manifestText(manifest, meta), { date });
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
  return { zip: content, manifest };
}

function manifestJson(manifest: readonly ManifestEntry[], meta: PackageMeta) {
  return {
    format: 'granska-namndpaket/1',
    dnr: meta.dnr,
    title: meta.title,
    createdAt: meta.createdAt,
    createdBy: meta.createdBy,
    approvals: meta.approvals,
    files: manifest,
  };
}

function manifestText(manifest: readonly ManifestEntry[], meta: PackageMeta): string {
  const lines = [
    `Nämndpaket: ${meta.title}`,
    `Dnr: ${meta.dnr || 'saknas'}`,
    `Skapat: ${meta.createdAt.slice(0, 10)} av ${meta.createdBy}`,
    ...meta.approvals.map((a) => `Godkänt: ${a.date} av ${a.name}${a.title ? `, ${a.title}` : ''}`),
    '',
    'Filer:',
    ...manifest.flatMap((m, i) => [`${i + 1}. ${m.file}`, `   Titel: ${m.title}`, `   Storlek: ${formatNumber(m.bytes)} byte`, `   SHA-256: ${m.sha256}`]),
    '',
    'Kontrollsumman visar att en fil är exakt den som ingick i paketet: jämför med "certutil -hashfile <fil> SHA256" i Windows eller "sha256sum <fil>" i Linux.',
    '',
  ];
  return lines.join('\r\n');
}
