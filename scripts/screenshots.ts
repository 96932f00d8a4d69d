// `npm run screenshots`: pictures of the review page, the scoring screen, the results and the report editor at 1366×768 (a common
// laptop screen in the municipalities' fleet) for docs/images/, taken from the built renderer in
// browser mode on a fresh database with the example review. Run `npm run build` first.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/support/chromium';
import { ROOT, startServerProcess, type ServerHandle } from '../test/support/server-process';
import { SESSION_STORAGE_KEY } from '../renderer/src/api/browser-session';
import type { ReportDraft } from '../shared/contract/report-model';

const OUT = path.join(ROOT, 'docs', 'images');

async function call<T>(page: Page, server: ServerHandle, method: string, data: unknown): Promise<T> {
  const token = await page.evaluate((key) => window.sessionStorage.getItem(key), SESSION_STORAGE_KEY);
  const response = await page.request.post(`${server.origin}/api/${method}`, { data, headers: { Authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

/** Answers of the example's first questions in its sampled files (fictional), unit by unit. */
async function answerExampleFiles(page: Page, server: ServerHandle, reviewId: string): Promise<void> {
  const sample = await call<{ cases: { caseId: string; status: string }[] }>(page, server, 'sampling.get', { reviewId });
  const files = sample.cases.filter((c) => c.status === 'selected' || c.status === 'replacement');
  const pattern: Record<string, string[]> = {
    T1: ['ja', 'ja', 'nej', 'ja', 'ja', 'delvis'],
    T2: ['ja', 'delvis', 'nej', 'ja', 'nej', 'ja'],
    T3: ['ja', 'ja', 'ja', 'framgar_ej', 'ja', 'ja'],
  };
  for (const [questionId, values] of Object.entries(pattern)) {
    for (const [i, file] of files.entries()) {
      await call(page, server, 'answers.save', { reviewId, caseId: file.caseId, questionId, value: values[i % values.length] });
    }
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'build', 'renderer', 'index.html'))) {
    console.error('Bygg först: npm run build');
    process.exit(1);
  }
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServerProcess();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    await page.goto(server.url);
    await page.waitForURL((url) => !url.hash.startsWith('#t='));
    await call(page, server, 'profile.save', { name: 'Karin Lind', title: 'Socialtjänstinspektör', role: 'granskare' });
    const { id } = await call<{ id: string }>(page, server, 'reviews.createExample', {});

    await page.goto(`${server.origin}/#/granskningar/${encodeURIComponent(id)}`);
    await page.reload();
    await page.getByRole('link', { name: /Fortsätt granska/ }).waitFor();
    await page.screenshot({ path: path.join(OUT, 'review-page.png') });

    await page.getByRole('link', { name: /Fortsätt granska/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Akt / }).waitFor();
    // As the inspector meets it: the file's heading in view and focus on its first unanswered question.
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, 'scoring-screen.png') });

    // The results as they stand midway: a few more of the example's made-up files answered first, so the split by sex shows.
    await answerExampleFiles(page, server, id);
    await page.goto(`${server.origin}/#/granskningar/${encodeURIComponent(id)}/resultat`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Resultat – / }).waitFor();
    await page.getByRole('img', { name: /^Andel ja per kön/ }).first().waitFor();
    await page.screenshot({ path: path.join(OUT, 'results-view.png') });

    // The tjänsteutlåtande's editor: the status bar and the first sections' text with its toolbar.
    // A bold phrase and a footnote in Sammanfattning, as a writer adds them.
    const report = await call<{ revision: number; draft: ReportDraft }>(page, server, 'report.get', { reviewId: id });
    const summary = report.draft.sections.find((s) => s.kind === 'sammanfattning')!;
    summary.blocks.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Dokumentationen av barnets delaktighet har ' },
        { type: 'text', text: 'förbättrats sedan förra granskningen', bold: true },
        { type: 'text', text: '.' },
        { type: 'footnote', text: 'Socialförvaltningen (2024) Kvalitetsgranskning av öppenvården.' },
      ],
    });
    await call(page, server, 'report.save', { reviewId: id, revision: report.revision, draft: report.draft });
    await page.goto(`${server.origin}/#/granskningar/${encodeURIComponent(id)}/utlatande`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Tjänsteutlåtande – / }).waitFor();
    await page.evaluate(() => {
      const heading = document.getElementById('report-sections-heading');
      if (heading) window.scrollBy(0, heading.getBoundingClientRect().top - 70);
    });
    await page.screenshot({ path: path.join(OUT, 'report-editor.png') });
    const saved = ['review-page.png', 'scoring-screen.png', 'results-view.png', 'report-editor.png'].map((f) => path.relative(ROOT, path.join(OUT, f)));
    console.log(`Sparade ${saved.join(', ')}.`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
