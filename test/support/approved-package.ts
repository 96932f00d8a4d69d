import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { simplePdf } from './pdf';
import { testCore, type TestCore } from './core';
import { actAs, completed, completeEveryFile } from './written-review';

/**
 * A database file holding the example review with its tjänsteutlåtande approved and the board
 * secretary as the profile, so `granska package <id> --out …` writes the board package at once.
 * `appendices` PDF appendices are attached (each a few kB) to give the package more files.
 */
export async function approvedPackage(options: { appendices?: number } = {}): Promise<{ core: TestCore; reviewId: string }> {
  const core = testCore();
  const { id: reviewId } = await core.call('reviews.createExample', {});
  await core.call('reviews.update', { reviewId, dnr: 'SOF 2024/543', inspectors: [{ name: 'Anna Inspektör', phone: '08-50825262' }] });
  await core.call('report.settings.save', { ...(await core.call('report.settings.get', {})), approvers: ['avdelningschef'] });
  await completeEveryFile(core, reviewId);
  const { draft, revision } = await core.call('report.get', { reviewId });
  await core.call('report.save', { reviewId, revision, draft: completed(draft) });
  await actAs(core, 'namndsekreterare');
  for (let i = 1; i <= (options.appendices ?? 0); i++) {
    const pdf = simplePdf(`Yttrande nummer ${i} från stadsdelsnämnden.`, ...Array.from({ length: 40 }, (_, n) => `Rad ${n + 1} i yttrandet.`));
    await core.call('appendix.add', { reviewId, fileName: `yttrande-${i}.pdf`, title: `Yttrande ${i}`, contentBase64: pdf.toString('base64') });
  }
  await actAs(core, 'granskare');
  await core.call('report.submit', { reviewId });
  await actAs(core, 'avdelningschef');
  await core.call('report.approve', { reviewId });
  await actAs(core, 'namndsekreterare');
  return { core, reviewId };
}

/** The files a package folder must hold by its manifest.json: every listed file with its checksum, manifest.json and manifest.txt, nothing else. */
export function packageFolderProblems(folder: string): string[] {
  const problems: string[] = [];
  const manifestFile = path.join(folder, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return ['manifest.json saknas'];
  const { files } = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: { file: string; sha256: string; bytes: number }[] };
  for (const entry of files) {
    const file = path.join(folder, entry.file);
    if (!fs.existsSync(file)) {
      problems.push(`${entry.file} saknas`);
      continue;
    }
    const content = fs.readFileSync(file);
    if (createHash('sha256').update(content).digest('hex') !== entry.sha256) problems.push(`${entry.file}: fel kontrollsumma`);
    if (content.length !== entry.bytes) problems.push(`${entry.file}: fel storlek`);
  }
  const expected = new Set([...files.map((f) => f.file), 'manifest.json', 'manifest.txt']);
  for (const name of fs.readdirSync(folder)) if (!expected.has(name)) problems.push(`oväntad fil ${name}`);
  if (!fs.existsSync(path.join(folder, 'manifest.txt'))) problems.push('manifest.txt saknas');
  return problems;
}
