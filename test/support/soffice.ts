import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * LibreOffice as a real word processor opening our .docx files: convert to PDF headless, read
 * the PDF's text (poppler's pdftotext) and render pages to PNG (pdftoppm). Each conversion gets
 * its own profile folder, so parallel runs and a user's own LibreOffice never share one.
 */

function which(command: string): string | null {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() || null : null;
}

export const soffice = (): string | null => which('soffice') ?? which('libreoffice');
export const pdftotext = (): string | null => which('pdftotext');
export const pdftoppm = (): string | null => which('pdftoppm');

/** Converts `docx` to PDF in `dir`; returns the PDF's path. Throws with LibreOffice's output on failure. */
export function convertToPdf(docx: string, dir: string): string {
  const bin = soffice();
  if (!bin) throw new Error('soffice not found');
  const profile = path.join(dir, 'lo-profile');
  const result = spawnSync(bin, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { encoding: 'utf8', timeout: 180_000 });
  const pdf = path.join(dir, `${path.basename(docx, path.extname(docx))}.pdf`);
  if (result.status !== 0 || !fs.existsSync(pdf)) throw new Error(`soffice failed (${result.status}): ${result.stderr || result.stdout}`);
  return pdf;
}

/** The PDF's text, page by page (pdftotext separates pages with a form feed). */
export function pdfPages(pdf: string): string[] {
  const bin = pdftotext();
  if (!bin) throw new Error('pdftotext not found');
  const result = spawnSync(bin, ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout.split('\f');
}

/** Renders pages `first`..`last` of the PDF to `<prefix>-<n>.png` at `dpi`; returns the files. */
export function renderPages(pdf: string, prefix: string, first: number, last: number, dpi = 80): string[] {
  const bin = pdftoppm();
  if (!bin) throw new Error('pdftoppm not found');
  const result = spawnSync(bin, ['-png', '-r', String(dpi), '-f', String(first), '-l', String(last), pdf, prefix], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
}
