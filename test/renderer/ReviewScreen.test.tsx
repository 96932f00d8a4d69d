import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { configureServices } from '../../renderer/src/services';
import { bytesToBase64 } from '../../renderer/src/state/review-store';
import { scoringTemplate, type FakeReviewApi } from './fake-review-api';
import { freshReviewFake, statusText } from './review-helpers';

let fake: FakeReviewApi;
const CSV = 'akt;personnummer;enhet\nAKT-1;20170101-2393;Enhet A\nAKT-2;ogiltigt;Enhet A\nAKT-3;;Enhet B\n';

async function openReview() {
  window.location.hash = '#/granskningar/r1';
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Öppenvård barn' });
}

describe('review screen', () => {
  beforeEach(() => {
    fake = freshReviewFake();
    fake.addReview(scoringTemplate());
    fake.importPreview = {
      dryRun: true,
      encoding: 'utf-8',
      separator: ';',
      columns: { akt: 'akt', personnummer: 'personnummer', enhet: 'enhet' },
      attributeColumns: ['insats'],
      headers: ['akt', 'personnummer', 'enhet', 'insats'],
      missingFields: [],
      rows: 3,
      imported: 0,
      updated: 0,
      skipped: 0,
      existing: 1,
      rejected: [{ row: 3, column: 'personnummer', reason: 'Kontrollsiffran stämmer inte.' }],
      units: ['Enhet A', 'Enhet B'],
      unknownUnits: [],
      skippedUnknown: 0,
      preview: [
        { ref: 'AKT-1', unit: 'Enhet A', sex: 'M', age: 9, ageBand: '6–12', attributes: {} },
        { ref: 'AKT-3', unit: 'Enhet B', sex: 'U', age: null, ageBand: null, attributes: {} },
      ],
    };
  });

  it('previews a case list (dry run) with every rejected row, then imports the valid rows pseudonymised, naming where the core wrote the key', async () => {
    const saveFile = vi.fn(async (name: string) => name);
    configureServices({ pickFile: async () => ({ name: 'akter.csv', bytes: new TextEncoder().encode(CSV) }), saveFile });
    await openReview();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Importera akt-lista…' }));
    const preview = await screen.findByRole('region', { name: 'Förhandsgranskning: akter.csv' });
    expect(fake.callsOf('cases.import')[0].input).toEqual({ reviewId: 'r1', fileName: 'akter.csv', contentBase64: bytesToBase64(new TextEncoder().encode(CSV)), dryRun: true });
    expect(preview.textContent).toMatch(/Teckenkodning/);
    expect(preview.textContent).toMatch(/UTF-8/);
    expect(preview.textContent).toMatch(/Personnummer: kolumnen ”personnummer”/);
    expect(preview.textContent).toMatch(/3 \(2 giltiga, 1 avvisad\)/);
    const rejected = within(preview).getByRole('table', { name: 'Avvisade rader (1)' });
    expect(within(rejected).getAllByRole('row')[1].textContent).toBe('3–personnummerKontrollsiffran stämmer inte.');
    const rows = within(within(preview).getByRole('table', { name: /De första raderna/ })).getAllByRole('row');
    expect(rows.slice(1).map((r) => r.textContent)).toEqual(['AKT-1Enhet Apojke6–12', 'AKT-3Enhet Bokäntokänd']);
    // Existing references: skip or update.
    await user.click(within(preview).getByRole('radio', { name: 'Uppdatera dem' }));
    await user.click(within(preview).getByRole('checkbox', { name: /Pseudonymisera/ }));
    // Pseudonymised references never match existing ones: both valid rows come in, the rejected one is skipped.
    await user.click(within(preview).getByRole('button', { name: 'Importera 2 akter, 1 hoppas över' }));
    await waitFor(() => expect(fake.callsOf('cases.import')).toHaveLength(2));
    // Browser mode: no path is sent; the core writes the key beside the database before committing.
    expect(fake.callsOf('cases.import')[1].input).toMatchObject({ validRowsOnly: true, onExisting: 'update', pseudonymise: true });
    expect(fake.callsOf('cases.import')[1].input.keyFile).toBeUndefined();
    expect(fake.callsOf('cases.import')[1].input.dryRun).toBeUndefined();
    await waitFor(() =>
      expect(statusText()).toBe(
        '1 akt importerades, 1 uppdaterades. Kodnyckeln skrevs till /data/Kodnycklar/kodnyckel-r1-2026-11-23_100000.csv. Flytta den till den plats där kommunen förvarar kodnycklar. Den finns inte i databasen.',
      ),
    );
    const notice = screen.getByRole('region', { name: 'Kodnyckel' });
    expect(notice.textContent).toContain('skrevs till /data/Kodnycklar/kodnyckel-r1-2026-11-23_100000.csv');
    expect(saveFile).not.toHaveBeenCalled();
    await user.click(within(notice).getByRole('button', { name: 'Spara en kopia av kodnyckeln…' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    expect(saveFile.mock.calls[0].slice(0, 2)).toEqual(['kodnyckel.csv', 'kod;akt\r\nA1;AKT-1\r\nA2;AKT-3\r\n']);
    expect(statusText()).toBe('En kopia av kodnyckeln sparades som kodnyckel.csv.');
  });

  it('in the desktop app, asks where the key goes before importing, and imports nothing if the user cancels', async () => {
    const chooseKeyFile = vi.fn<(name: string) => Promise<{ path: string } | null>>(async () => null);
    configureServices({ pickFile: async () => ({ name: 'akter.csv', bytes: new TextEncoder().encode(CSV) }), chooseKeyFile });
    await openReview();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Importera akt-lista…' }));
    const preview = await screen.findByRole('region', { name: 'Förhandsgranskning: akter.csv' });
    await user.click(within(preview).getByRole('checkbox', { name: /Pseudonymisera/ }));
    await user.click(within(preview).getByRole('button', { name: 'Importera 2 akter, 1 hoppas över' }));
    await waitFor(() => expect(statusText()).toBe('Ingenting importerades: ingen plats valdes för kodnyckeln.'));
    expect(fake.callsOf('cases.import')).toHaveLength(1);

    chooseKeyFile.mockResolvedValue({ path: '/home/inspektor/Nycklar/kodnyckel.csv' });
    await user.click(within(preview).getByRole('button', { name: 'Importera 2 akter, 1 hoppas över' }));
    await waitFor(() => expect(fake.callsOf('cases.import')).toHaveLength(2));
    expect(chooseKeyFile).toHaveBeenLastCalledWith('kodnyckel.csv');
    expect(fake.callsOf('cases.import')[1].input).toMatchObject({ pseudonymise: true, keyFile: '/home/inspektor/Nycklar/kodnyckel.csv' });
    await waitFor(() => expect(statusText()).toMatch(/Kodnyckeln skrevs till \/home\/inspektor\/Nycklar\/kodnyckel\.csv\. Den finns inte i databasen\.$/));
  });

  it('lets the user map an unrecognised column in the preview, and imports with that mapping', async () => {
    configureServices({ pickFile: async () => ({ name: 'akter.csv', bytes: new TextEncoder().encode(CSV) }) });
    fake.importPreview = { ...fake.importPreview!, missingFields: ['enhet'], headers: ['akt', 'personnummer', 'Verksamhet'] };
    await openReview();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Importera akt-lista…' }));
    expect(await screen.findByText('Välj vilken kolumn som innehåller Enhet.')).toBeTruthy();
    fake.importPreview = { ...fake.importPreview!, missingFields: [] };
    await user.selectOptions(screen.getByLabelText('Enhet (krävs)'), 'Verksamhet');
    await waitFor(() => expect(fake.callsOf('cases.import')).toHaveLength(2));
    expect(fake.callsOf('cases.import')[1].input).toMatchObject({ dryRun: true, mapping: { enhet: 'Verksamhet' } });
    await waitFor(() => expect(screen.queryByText('Välj vilken kolumn som innehåller Enhet.')).toBeNull());
    await user.click(screen.getByRole('button', { name: /^Importera \d+ akt(er)?(, |$)/ }));
    await waitFor(() => expect(fake.callsOf('cases.import')).toHaveLength(3));
    expect(fake.callsOf('cases.import')[2].input).toMatchObject({ mapping: { enhet: 'Verksamhet' } });
    expect(fake.callsOf('cases.import')[2].input).not.toHaveProperty('dryRun');
  });

  it('"Avbryt" imports nothing', async () => {
    configureServices({ pickFile: async () => ({ name: 'akter.csv', bytes: new TextEncoder().encode(CSV) }) });
    await openReview();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Importera akt-lista…' }));
    await user.click(await screen.findByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByRole('region', { name: /Förhandsgranskning/ })).toBeNull();
    expect(fake.callsOf('cases.import')).toHaveLength(1);
    expect(statusText()).toBe('Ingenting importerades.');
  });

  it('shows a file the server cannot read with its Swedish message', async () => {
    configureServices({ pickFile: async () => ({ name: 'tom.csv', bytes: new Uint8Array() }) });
    fake.failNext('cases.import', { code: 'VALIDATION', message: 'tom.csv: Filen är tom.' });
    await openReview();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Importera akt-lista…' }));
    expect((await screen.findByRole('alert')).textContent).toBe('tom.csv: Filen är tom.');
  });

  it('draws a sample and offers "Dra om" when one exists already', async () => {
    fake.addCase('r1', 'AKT-1');
    fake.failNext('sampling.draw', { code: 'CONFLICT', message: 'Granskningen har redan ett urval. Bekräfta att det ska ersättas av ett nytt.' });
    await openReview();
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Dra urval' });
    await user.type(within(form).getByRole('textbox', { name: 'Antal per enhet' }), '5');
    await user.type(within(form).getByRole('textbox', { name: 'Frö' }), 'granskning-2026');
    await user.click(within(form).getByRole('button', { name: 'Dra urval' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toMatch(/redan ett urval/);
    await user.click(within(alert).getByRole('button', { name: 'Dra om' }));
    await waitFor(() => expect(fake.callsOf('sampling.draw')).toHaveLength(2));
    expect(fake.callsOf('sampling.draw')[1].input).toEqual({ reviewId: 'r1', method: { kind: 'per-unit', n: 5 }, seed: 'granskning-2026', replace: true });
  });
});

describe('review list', () => {
  beforeEach(() => {
    fake = freshReviewFake();
  });

  it('creates a review on a template with units and inspectors and opens it', async () => {
    fake.templates.add(scoringTemplate(), 'bundled');
    window.location.hash = '#/granskningar';
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Granskningar' });
    await screen.findByRole('heading', { name: 'Kom igång' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Ny granskning' }));
    const form = await screen.findByRole('form', { name: 'Skapa granskning' });
    await user.type(within(form).getByRole('textbox', { name: /Titel/ }), 'Öppenvård barn 0–12 år');
    await user.type(within(form).getByRole('textbox', { name: 'Dnr' }), 'SOF 2024/543');
    await user.type(within(form).getByRole('textbox', { name: /Referensdatum/ }), '2024-12-31');
    await user.type(within(form).getByRole('textbox', { name: 'Ny enhet' }), 'Enhet A{Enter}');
    await user.type(within(form).getByRole('textbox', { name: 'Ny enhet' }), 'Enhet B');
    await user.click(within(form).getByRole('button', { name: 'Lägg till enhet' }));
    await user.click(within(form).getByRole('button', { name: 'Lägg till inspektör' }));
    await user.type(within(form).getByRole('textbox', { name: 'Namn' }), 'Anna Andersson');
    await user.type(within(form).getByRole('textbox', { name: 'Telefon' }), '08-50825262');
    await user.click(within(form).getByRole('button', { name: 'Skapa granskning' }));
    await waitFor(() => expect(window.location.hash).toBe('#/granskningar/r1'));
    expect(fake.callsOf('reviews.create')[0].input).toEqual({
      templateId: 'poang',
      templateVersion: 1,
      title: 'Öppenvård barn 0–12 år',
      dnr: 'SOF 2024/543',
      referenceDate: '2024-12-31',
      units: ['Enhet A', 'Enhet B'],
      inspectors: [{ name: 'Anna Andersson', phone: '08-50825262' }],
    });
    await screen.findByRole('heading', { level: 1, name: 'Öppenvård barn 0–12 år' });
  });

  it('shows the server’s field problems in the form', async () => {
    fake.templates.add(scoringTemplate(), 'bundled');
    fake.failNext('reviews.create', { code: 'VALIDATION', message: 'Granskningen skapades inte.', issues: [{ path: '$.dnr', message: 'Diarienumret har en ovanlig form.' }] });
    window.location.hash = '#/granskningar';
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ny granskning' }));
    const form = await screen.findByRole('form', { name: 'Skapa granskning' });
    await user.type(within(form).getByRole('textbox', { name: /Titel/ }), 'X');
    await user.type(within(form).getByRole('textbox', { name: 'Dnr' }), 'abc');
    await user.click(within(form).getByRole('button', { name: 'Skapa granskning' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Granskningen skapades inteDnr: Diarienumret har en ovanlig form.');
    expect(within(form).getByRole('textbox', { name: 'Dnr' }).getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('Diarienumret har en ovanlig form.')).toBeTruthy();
  });
});
