// `npm run memo-images`: pictures of the memo's first two pages for docs/images/, as LibreOffice
// lays out the .docx the workbench writes: the fixture review of test/support/report-fixture.ts
// (36 files over three units), converted with soffice and rendered with pdftoppm. Needs
// LibreOffice and poppler-utils (apt-get install -y libreoffice-writer-nogui poppler-utils).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderBilaga1 } from '../main/core/report/docx/bilaga';
import { renderMemo } from '../main/core/report/docx/memo';
import { buildReportFixture } from '../test/support/report-fixture';
import { convertToPdf, pdftoppm, renderPages, soffice } from '../test/support/soffice';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'docs', 'images');

if (!soffice() || !pdftoppm()) {
  console.error('LibreOffice (soffice) och pdftoppm behövs: apt-get install -y libreoffice-writer-nogui poppler-utils');
  process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-memo-images-'));
const fixture = await buildReportFixture({
  status: 'godkand',
  approvals: [
    { name: 'Veronica Wolgast Carstorp', title: 'Socialdirektör', date: '2025-01-12' },
    { name: 'Lina Blombergsson', title: 'Avdelningschef', date: '2025-01-11' },
  ],
});
try {
  const memo = path.join(dir, 'tjansteutlatande.docx');
  fs.writeFileSync(memo, await renderMemo(fixture.input));
  const pages = renderPages(convertToPdf(memo, dir), path.join(dir, 'memo'), 1, 2, 80);
  fs.mkdirSync(OUT, { recursive: true });
  pages.forEach((page, i) => fs.copyFileSync(page, path.join(OUT, `memo-page-${i + 1}.png`)));
  console.log(`Skrev ${pages.map((_, i) => `docs/images/memo-page-${i + 1}.png`).join(' och ')}.`);
  if (process.argv.includes('--bilaga')) {
    const bilaga = path.join(dir, 'bilaga-1.docx');
    fs.writeFileSync(bilaga, await renderBilaga1(fixture.input));
    const pdf = convertToPdf(bilaga, dir);
    console.log(`Bilaga 1 som PDF: ${pdf}`);
  }
} finally {
  fixture.dispose();
  if (!process.argv.includes('--bilaga')) fs.rmSync(dir, { recursive: true, force: true });
}
