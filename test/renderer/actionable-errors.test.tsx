import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TemplateSummary } from '../../shared/contract/templates';
import type { Issue } from '../../shared/result';
import { StatusRegion } from '../../renderer/src/frame/StatusRegion';
import { ImportPreview } from '../../renderer/src/screens/reviews/review/ImportPreview';
import { ReviewForm } from '../../renderer/src/screens/reviews/review/ReviewForm';
import { announce, useStatusStore } from '../../renderer/src/state/status-store';
import { resetReview, useReview, type ImportResult } from '../../renderer/src/state/review-store';

const template: TemplateSummary = {
  id: 'mall',
  name: 'Mall',
  version: 1,
  versions: [1],
  targetGroup: 'barn',
  origin: 'user',
  areaCount: 6,
  questionCount: 10,
  frozen: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
} as TemplateSummary;

describe('a form shows every problem at once, next to its field', () => {
  it('marks two fields with their own messages and lists both in a summary that leads to each field', async () => {
    const issues: Issue[] = [
      { path: '$.title', message: 'Får inte vara tomt.' },
      { path: '$.periodFrom', message: 'Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.' },
    ];
    render(<ReviewForm idBase="t" templates={[template]} submitLabel="Skapa granskning" busy={false} onCancel={() => {}} onSubmit={async () => ({ message: 'Titel saknas. …', issues })} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Period från' }), '2024-02-30');
    await user.click(screen.getByRole('button', { name: 'Skapa granskning' }));

    const summary = await screen.findByRole('alert', { name: 'Granskningen skapades inte' });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const links = within(summary).getAllByRole('button');
    expect(links.map((l) => l.textContent)).toEqual(['Titel saknas.', 'Period från: Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.']);

    const title = screen.getByRole('textbox', { name: /Titel/ });
    const from = screen.getByRole('textbox', { name: 'Period från' });
    for (const [field, message] of [
      [title, 'Får inte vara tomt.'],
      [from, 'Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.'],
    ] as const) {
      expect(field.getAttribute('aria-invalid')).toBe('true');
      const described = field.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent).join(' ');
      expect(described).toBe(message);
    }
    await user.click(links[1]);
    expect(document.activeElement).toBe(from);
  });
});

describe('the case-list preview', () => {
  const preview: ImportResult = {
    dryRun: true,
    encoding: 'utf-8',
    separator: ';',
    columns: { akt: 'akt', enhet: 'enhet' },
    attributeColumns: [],
    headers: ['akt', 'enhet'],
    missingFields: [],
    rows: 8,
    imported: 0,
    updated: 0,
    skipped: 0,
    existing: 0,
    rejected: [{ row: 4, column: 'ålder', ref: 'A3', reason: 'Åldern "400" ska vara ett heltal mellan 0 och 120.' }],
    units: ['Skarpnäck', 'Farsta'],
    unknownUnits: [{ unit: 'Farsta', rows: 1, existing: 0 }],
    skippedUnknown: 0,
    preview: [],
  };

  function Preview() {
    const session = useReview((s) => s.importSession);
    return session ? <ImportPreview session={session} targetGroup="barn" /> : null;
  }

  beforeEach(() => {
    resetReview();
    useReview.setState({ importSession: { fileName: 'akter.csv', contentBase64: '', preview, onExisting: 'skip', pseudonymise: false, mapping: {} } });
  });

  it('warns about a unit the review lacks, asks what to do, and the button counts what will happen', async () => {
    render(<Preview />);
    const user = userEvent.setup();
    const choice = screen.getByRole('group', { name: '1 rad från en enhet som inte finns i granskningen' });
    expect(choice.textContent).toContain('Farsta: 1 rad');
    expect(screen.getByRole('button', { name: 'Importera 7 akter, 1 hoppas över' })).toHaveProperty('disabled', true);
    await user.click(within(choice).getByRole('radio', { name: 'Hoppa över de raderna' }));
    expect(screen.getByRole('button', { name: 'Importera 6 akter, 2 hoppas över' })).toHaveProperty('disabled', false);
    await user.click(within(choice).getByRole('radio', { name: 'Lägg till enheterna i granskningen' }));
    expect(screen.getByRole('button', { name: 'Importera 7 akter, 1 hoppas över' })).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: 'Avbryt' })).toBeTruthy();
    // A rejected row says which case it was.
    const rejected = screen.getByRole('table', { name: 'Avvisade rader (1)' });
    expect(within(rejected).getAllByRole('row')[1].textContent).toBe('4A3ålderÅldern "400" ska vara ett heltal mellan 0 och 120.');
  });
});

describe('status messages belong to their screen', () => {
  beforeEach(() => {
    window.location.hash = '#/mallar';
    useStatusStore.getState().clear();
  });

  const Frame = () => (
    <>
      <StatusRegion />
      <a href="#/granskningar">Granskningar</a>
    </>
  );

  it('a message goes when the user leaves the screen that raised it', async () => {
    render(<Frame />);
    const user = userEvent.setup();
    act(() => announce('Mallen kunde inte tas bort.', 'error'));
    expect(screen.getByRole('status').textContent).toBe('Mallen kunde inte tas bort.');
    await user.click(screen.getByRole('link', { name: 'Granskningar' }));
    await waitFor(() => expect(window.location.hash).toBe('#/granskningar'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''));
  });

  it('a message goes along when its own action opens the next screen', async () => {
    render(<Frame />);
    act(() => {
      announce('Mallen "Ny" skapades.', 'success');
      window.location.hash = '#/mallar/ny';
    });
    await waitFor(() => expect(useStatusStore.getState().screen).toBe('#/mallar/ny'));
    expect(screen.getByRole('status').textContent).toBe('Mallen "Ny" skapades.');
  });
});
