// `npm run memo-images`: pictures of the memo's pages for docs/images/, as LibreOffice lays out
// the .docx the workbench writes: a review shaped like reference 003 (36 files over three units,
// findings and dialogue meetings entered; test/support/written-review.ts), its first draft with
// the date filled in, sent and approved by the avdelningschef and the socialdirektör, exported
// through the same call as the screen's. Converted with soffice and rendered with pdftoppm. Needs
// LibreOffice and poppler-utils (apt-get install -y libreoffice-writer-nogui poppler-utils).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testCore } from '../test/support/core';
import { convertToPdf, pdftoppm, renderPages, soffice } from '../test/support/soffice';
import { actAs, completed, writtenReview } from '../test/support/written-review';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'docs', 'images');

if (!soffice() || !pdftoppm()) {
  console.error('LibreOffice (soffice) och pdftoppm behövs: apt-get install -y libreoffice-writer-nogui poppler-utils');
  process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-memo-images-'));
const core = testCore();
try {
  const { reviewId } = await writtenReview(core);
  const report = await core.call('report.get', { reviewId });
  await core.call('report.save', { reviewId, revision: report.revision, draft: completed(report.draft) });
  await actAs(core, 'avdelningschef');
  await core.call('report.submit', { reviewId });
  await core.call('report.approve', { reviewId });
  await actAs(core, 'socialdirektor');
  await core.call('report.approve', { reviewId });
  const exported = await core.call('report.export', { reviewId, document: 'memo' });
  const memo = path.join(dir, 'tjansteutlatande.docx');
  fs.writeFileSync(memo, Buffer.from(exported.contentBase64, 'base64'));
  const pdf = convertToPdf(memo, dir);
  const pages = renderPages(pdf, path.join(dir, 'memo'), 1, 99, 80);
  fs.mkdirSync(OUT, { recursive: true });
  // The first page (proposal, Sammanfattning), a page of quality areas, and the last (Bilaga, Attesterat av).
  const pictures: [string, string][] = [
    [pages[0], 'memo-page-1.png'],
    [pages[Math.min(2, pages.length - 1)], 'memo-omraden.png'],
    [pages[pages.length - 1], 'memo-attesterat.png'],
  ];
  for (const [page, name] of pictures) fs.copyFileSync(page, path.join(OUT, name));
  console.log(`Skrev ${pictures.map(([, name]) => `docs/images/${name}`).join(', ')} (${pages.length} sidor).`);
  if (process.argv.includes('--bilaga')) {
    const bilaga = await core.call('report.export', { reviewId, document: 'bilaga1' });
    const file = path.join(dir, 'bilaga-1.docx');
    fs.writeFileSync(file, Buffer.from(bilaga.contentBase64, 'base64'));
    console.log(`Bilaga 1 som PDF: ${convertToPdf(file, dir)}`);
  }
} finally {
  core.dispose();
  if (!process.argv.includes('--bilaga')) fs.rmSync(dir, { recursive: true, force: true });
}
