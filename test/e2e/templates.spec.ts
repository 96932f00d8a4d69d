import fs from 'node:fs';
import type { Template } from '../../shared/templates/schema';
import { expect, expectAccessible, sessionHeaders, test } from './fixtures';
import { TemplateEditorPage } from './pages/TemplateEditorPage';
import { TemplateListPage } from './pages/TemplateListPage';
import { TemplatePreviewPage } from './pages/TemplatePreviewPage';

const BUNDLED = 'Öppenvård barn 0–12 år';
const COPY = `${BUNDLED} (kopia)`;
const TRYGGHET = 'Trygghet och säkerhet';

test('a copied template is edited, reordered, kept over reload, previewed, exported and re-imported', async ({ app: page, server }, testInfo) => {
  const list = new TemplateListPage(page);
  const editor = new TemplateEditorPage(page);

  // The app opens on Granskningar; templates are one menu item away.
  await list.open();
  await expect(list.row(BUNDLED)).toContainText('Inbyggd');
  await expectAccessible(page);

  // Copy the bundled template; the copy opens in the editor.
  await list.copy(BUNDLED);
  await editor.heading(COPY);
  await expect(page).toHaveURL(/#\/mallar\/[\w.-]+$/);
  const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
  expect(await editor.questionIds(TRYGGHET)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);

  // Edit a question text.
  const t1 = await editor.openQuestion('T1');
  const newText = 'Finns det ett skriftligt beslut och uppdrag som insatsen vilar på?';
  await t1.getByRole('textbox', { name: 'Frågetext' }).fill(newText);
  await expect(editor.status).toHaveText('Sparar…');
  await t1.getByRole('textbox', { name: 'Frågetext' }).blur();
  await editor.expectSaved();
  await expectAccessible(page);
  await editor.toggle('T1').click(); // fold it again

  // Add a question: it lands last in the area with the next id, its text field focused.
  await editor.addQuestion(TRYGGHET, 'Tal');
  await editor.expectSaved();
  expect(await editor.questionIds(TRYGGHET)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
  const t6 = editor.question('T6');
  await expect(t6.getByRole('textbox', { name: 'Frågetext' })).toBeFocused();
  await page.keyboard.type('Hur många samtal planerades i beslutet?');
  await t6.getByRole('textbox', { name: 'Enhet' }).fill('samtal');
  await t6.getByRole('textbox', { name: 'Enhet' }).blur();
  await editor.expectSaved();

  // Reorder with the button …
  await editor.button('Flytta upp fråga T6').click();
  await editor.expectSaved();
  expect(await editor.questionIds(TRYGGHET)).toEqual(['T1', 'T2', 'T3', 'T4', 'T6', 'T5']);
  await expect(editor.button('Flytta upp fråga T6')).toBeFocused();

  // … and with the keyboard on the question's row; focus stays with the question.
  await editor.toggle('T6').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await editor.expectSaved();
  expect(await editor.questionIds(TRYGGHET)).toEqual(['T1', 'T2', 'T3', 'T6', 'T4', 'T5']);
  await expect(editor.toggle('T6')).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowUp');
  await editor.expectSaved();
  expect(await editor.questionIds(TRYGGHET)).toEqual(['T1', 'T2', 'T6', 'T3', 'T4', 'T5']);

  // Delete and undo with Ctrl+Z.
  await editor.button('Ta bort fråga T2').click();
  await expect(page.getByText('Frågan togs bort')).toBeVisible();
  await editor.expectSaved();
  expect(await editor.questionIds(TRYGGHET)).toEqual(['T1', 'T6', 'T3', 'T4', 'T5']);
  await page.keyboard.press('Control+z');
  await editor.expectSaved();
  expect(await editor.questionIds(TRYGGHET)).toEqual(['T1', 'T2', 'T6', 'T3', 'T4', 'T5']);

  // Reload: the screen and every change are still there.
  await page.reload();
  await editor.heading(COPY);
  expect(await editor.questionIds(TRYGGHET)).toEqual(['T1', 'T2', 'T6', 'T3', 'T4', 'T5']);
  await expect((await editor.openQuestion('T1')).getByRole('textbox', { name: 'Frågetext' })).toHaveValue(newText);
  await expect((await editor.openQuestion('T6')).getByRole('textbox', { name: 'Enhet' })).toHaveValue('samtal');

  // The server has it too (asked with the tab's session token).
  const response = await page.request.post(`${server.origin}/api/templates.get`, { data: { id }, headers: await sessionHeaders(page) });
  const body = (await response.json()) as { ok: boolean; value: { template: Template } };
  expect(body.ok).toBe(true);
  const saved = body.value.template;
  expect(saved.questions.filter((q) => q.area === 'trygghet').map((q) => q.id)).toEqual(['T1', 'T2', 'T6', 'T3', 'T4', 'T5']);
  expect(saved.questions.find((q) => q.id === 'T1')!.text).toBe(newText);
  expect(saved.questions.find((q) => q.id === 'T6')).toMatchObject({ type: 'number', text: 'Hur många samtal planerades i beslutet?', unit: 'samtal' });

  // Preview shows the reviewer's order.
  await page.getByRole('link', { name: 'Förhandsvisning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Förhandsvisning: ${COPY}` })).toBeVisible();
  const preview = new TemplatePreviewPage(page);
  const texts = await preview.questionTexts(TRYGGHET);
  expect(texts[0]).toBe(newText);
  expect(texts[2]).toBe('Hur många samtal planerades i beslutet?');
  await expect(preview.area(TRYGGHET).getByRole('group').first().getByRole('button', { name: 'Framgår ej' })).toBeDisabled();
  await expectAccessible(page);

  // Export, then import the same file: reported as identical.
  await list.open();
  const download = await list.export(COPY);
  expect(download.suggestedFilename()).toBe(`${id}-v1.granskningsmall.json`);
  const exportedPath = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(exportedPath);
  const exported = JSON.parse(fs.readFileSync(exportedPath, 'utf8')) as Template;
  expect(exported.questions.map((q) => q.id)).toContain('T6');
  await expect(list.status).toHaveText(`Mallen exporterades till ${download.suggestedFilename()}.`);

  await list.import(exportedPath);
  await expect(list.status).toHaveText(`"${COPY}" version 1 finns redan med samma innehåll (identisk). Inget behövde importeras.`);

  // A changed file with the same id and version conflicts, and can be imported as a copy.
  const changed = { ...exported, name: 'Öppenvård barn – kollegans version' };
  await list.import({ name: 'kollega.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed, null, 2)) });
  const conflict = list.importProblem('kollega.json');
  await expect(conflict).toContainText('finns redan med annat innehåll');
  await conflict.getByRole('button', { name: 'Importera som kopia' }).click();
  await expect(list.status).toHaveText('"Öppenvård barn – kollegans version" version 1 importerades.');
  await expect(list.row('Öppenvård barn – kollegans version')).toContainText('Importerad');
});

test('an invalid template file is not imported and every problem is listed at once, in Swedish, by field and question', async ({ app: page }) => {
  const list = new TemplateListPage(page);
  await list.open();
  const broken = {
    format: 'granskningsmall/1',
    id: 'trasig mall',
    name: '',
    version: 1,
    targetGroup: 'ungdomar',
    areas: [{ id: 'trygghet', name: 'Trygghet' }],
    scales: { standard: [{ id: 'ja', label: 'Ja' }, { id: 'nej', label: 'Nej' }] },
    questions: [
      { id: 'T1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns beslut?' },
      { id: 'T2', area: 'trygghet', type: 'fritext', text: 'Övrigt' },
    ],
  };
  await list.import({ name: 'trasig.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const problem = list.importProblem('trasig.json');
  await expect(problem).toBeVisible();
  const items = problem.getByRole('list', { name: 'Fel i filen' }).getByRole('listitem');
  await expect(items).toHaveCount(4);
  const lines = await items.allTextContents();
  // Every fault in one go, each named by its field or its question's number and id — no JSON paths.
  expect(lines).toEqual([
    expect.stringMatching(/^Mallens id: Id får bara innehålla/),
    'Mallens namn saknas.',
    expect.stringMatching(/^Målgrupp: Ogiltigt värde/),
    expect.stringMatching(/^Fråga 2 \(T2\): Okänd frågetyp "fritext"/),
  ]);
  expect(lines.join('\n')).not.toContain('$');
  await expectAccessible(page);

  // Nothing was imported.
  await expect(list.row('trasig mall')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Granskningsmallar' }).getByRole('row')).toHaveCount(3);

  await list.import({ name: 'halv.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": "granskningsmall/1", ') });
  await expect(list.importProblem('halv.json')).toContainText('Filen är inte giltig JSON');
  await expect(list.importProblem('halv.json')).not.toContainText('$');
});

test('a bundled template opens read-only and a blank template can be created and deleted', async ({ app: page }) => {
  const list = new TemplateListPage(page);
  const editor = new TemplateEditorPage(page);
  await list.open();
  await page.getByRole('link', { name: BUNDLED }).click();
  await editor.heading(BUNDLED);
  await expect(page.getByText('Inbyggd mall – skapa en kopia för att ändra.')).toBeVisible();
  await expect(editor.button('Ta bort fråga T1')).toHaveCount(0);
  const t1 = await editor.openQuestion('T1');
  await expect(t1.getByRole('textbox', { name: 'Frågetext' })).toBeDisabled();
  await expectAccessible(page);

  await list.open();
  await page.getByRole('button', { name: 'Ny mall' }).click();
  await page.getByRole('textbox', { name: 'Namn på den nya mallen' }).fill('Försörjningsstöd vuxna');
  await page.getByRole('button', { name: 'Skapa mall' }).click();
  await editor.heading('Försörjningsstöd vuxna');
  await expect(editor.area('Effektivitet').getByText('Inga frågor i området ännu.')).toBeVisible();

  // An area with questions cannot be deleted; an empty one can.
  await editor.addQuestion('Effektivitet', 'Datum');
  await editor.expectSaved();
  await editor.addQuestion('Effektivitet', 'Fritext');
  await editor.expectSaved();
  expect(await editor.questionIds('Effektivitet')).toEqual(['E1', 'E2']);

  // A duplicate id is shown at the field and not saved; the page stays accessible with the problem shown.
  await editor.openQuestion('E2');
  const e2 = editor.area('Effektivitet').locator('li.question-card').nth(1); // by place: its id is about to change
  await e2.getByRole('textbox', { name: 'Fråge-id' }).fill('E1');
  await expect(e2.getByRole('textbox', { name: 'Fråge-id' })).toHaveAttribute('aria-invalid', 'true');
  await expect(e2.locator('.field-issues').first()).toContainText('Fråge-id "E1" finns redan');
  await expect(editor.status).toHaveText(/^Inte sparat/);
  await expectAccessible(page);
  await e2.getByRole('textbox', { name: 'Fråge-id' }).fill('E9');
  await editor.expectSaved();
  await editor.toggle('E9').click();

  // Drag and drop: E9 dragged onto the upper half of E1 goes before it.
  await editor.toggle('E1').click(); // fold the just-added E1 so both rows are in view
  await expect(editor.toggle('E1')).toHaveAttribute('aria-expanded', 'false');
  await editor.question('E9').locator('.question-row').dragTo(editor.question('E1'), { targetPosition: { x: 40, y: 5 } });
  await editor.expectSaved();
  expect(await editor.questionIds('Effektivitet')).toEqual(['E9', 'E1']);
  await editor.button('Ta bort fråga E9').click();
  await editor.expectSaved();
  await editor.button('Ta bort området Effektivitet').click();
  await expect(editor.area('Effektivitet').getByRole('alert')).toContainText('har en fråga och kan inte tas bort');
  await editor.button('Ta bort området Tillgänglighet').click();
  await editor.expectSaved();
  await expect(editor.area('Tillgänglighet')).toHaveCount(0);

  await list.open();
  await list.row('Försörjningsstöd vuxna').getByRole('button', { name: 'Ta bort Försörjningsstöd vuxna' }).click();
  await page.getByRole('button', { name: 'Ja, ta bort Försörjningsstöd vuxna' }).click();
  await expect(list.status).toHaveText('Mallen "Försörjningsstöd vuxna" togs bort.');
  await expect(list.row('Försörjningsstöd vuxna')).toHaveCount(0);
});
