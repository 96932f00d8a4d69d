import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { configureServices } from '../../renderer/src/services';
import { sampleTemplate, type FakeApi } from './fake-api';
import { freshFake } from './helpers';

let fake: FakeApi;
const statusText = () => document.getElementById('app-status')!.textContent;
const fileOf = (text: string, name = 'mall.json') => ({ name, bytes: new TextEncoder().encode(text) });

async function openList() {
  window.location.hash = '#/mallar';
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Mallar' });
}

describe('template list screen', () => {
  beforeEach(() => {
    fake = freshFake();
  });

  it('shows an empty state when there are no templates', async () => {
    await openList();
    expect(await screen.findByRole('heading', { name: 'Inga mallar ännu' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists templates with their facts, and bundled ones cannot be deleted', async () => {
    fake.add(sampleTemplate(), 'bundled').add(sampleTemplate({ id: 'egen', name: 'Egen mall', questions: [] }), 'user', true);
    await openList();
    const table = await screen.findByRole('table', { name: 'Granskningsmallar' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const [egen, prov] = rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    // No technical id column: the name is the row's header.
    expect(egen.slice(0, 5)).toEqual(['1', 'Barn', '0', 'Egen', 'Ja, används i granskning']);
    expect(prov.slice(0, 5)).toEqual(['1', 'Barn', '4', 'Inbyggd', 'Ja, inbyggd']);
    expect(within(table).queryByRole('columnheader', { name: 'Id' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ta bort Provmall' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Ta bort Egen mall' })).toBeTruthy();
  });

  it('creates a new blank template from a name and opens it', async () => {
    await openList();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Ny mall' }));
    await user.type(screen.getByRole('textbox', { name: 'Namn på den nya mallen' }), 'Boendestöd vuxna');
    await user.click(screen.getByRole('button', { name: 'Skapa mall' }));
    await waitFor(() => expect(window.location.hash).toBe('#/mallar/boendest-d-vuxna'));
    expect(fake.callsOf('templates.create')[0].input).toEqual({ name: 'Boendestöd vuxna' });
    await screen.findByRole('heading', { level: 1, name: 'Boendestöd vuxna' });
  });

  it('copies a template and opens the copy', async () => {
    fake.add(sampleTemplate(), 'bundled');
    await openList();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Skapa kopia av Provmall' }));
    expect(fake.callsOf('templates.create')[0].input).toEqual({ name: 'Provmall (kopia)', from: { id: 'prov' } });
    await screen.findByRole('heading', { level: 1, name: 'Provmall (kopia)' });
  });

  it('lists every problem of an invalid import file, each saying where in words', async () => {
    const broken = { ...sampleTemplate(), version: 0, questions: [{ id: 'T 1', area: 'saknas', type: 'scale', scale: 'standard', text: '' }] };
    configureServices({ pickFile: async () => fileOf(JSON.stringify(broken), 'trasig.json') });
    await openList();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Importera mall…' }));
    const alert = await screen.findByRole('alert', { name: 'trasig.json importerades inte' });
    const items = within(within(alert).getByRole('list', { name: 'Fel i filen' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(items.join('\n')).not.toMatch(/\$[.[]/);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Mallens version: Måste vara minst 1/),
        'Fråga 1 (T 1): Id får bara innehålla bokstäverna A–Z och a–z (utan å, ä, ö), siffror, punkt, bindestreck och understreck, och måste börja med bokstav eller siffra.',
        'Fråga 1 (T 1), frågetext saknas.',
        expect.stringMatching(/^Fråga 1 \(T 1\): Okänt kvalitetsområde "saknas"/),
      ]),
    );
    expect(fake.callsOf('templates.list')).toHaveLength(1);
  });

  it('reports a syntax error in the file', async () => {
    configureServices({ pickFile: async () => fileOf('{ "format": ', 'halv.json') });
    await openList();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Importera mall…' }));
    const alert = await screen.findByRole('alert', { name: 'halv.json importerades inte' });
    expect(alert.textContent).toMatch(/Filen är inte giltig JSON \(filen tar slut för tidigt\)/);
    expect(alert.textContent).not.toMatch(/\$/);
  });

  it('offers "Importera som kopia" on a conflict', async () => {
    fake.add(sampleTemplate(), 'user');
    const changed = { ...sampleTemplate(), name: 'Provmall från kollega' };
    configureServices({ pickFile: async () => fileOf(JSON.stringify(changed)) });
    await openList();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Importera mall…' }));
    const alert = await screen.findByRole('alert', { name: 'mall.json importerades inte' });
    expect(alert.textContent).toMatch(/finns redan med annat innehåll/);
    await user.click(within(alert).getByRole('button', { name: 'Importera som kopia' }));
    await waitFor(() => expect(statusText()).toBe('"Provmall från kollega" version 1 importerades.'));
    expect(fake.callsOf('templates.import').at(-1)!.input).toMatchObject({ asCopy: true });
    expect(await screen.findByRole('link', { name: 'Provmall från kollega' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when an imported file is identical to a stored template', async () => {
    fake.add(sampleTemplate(), 'user');
    configureServices({ pickFile: async () => fileOf(JSON.stringify(sampleTemplate())) });
    await openList();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Importera mall…' }));
    await waitFor(() => expect(statusText()).toMatch(/finns redan med samma innehåll \(identisk\)/));
  });

  it('exports the template document as pretty JSON under the server’s file name', async () => {
    fake.add(sampleTemplate(), 'user');
    const saveFile = vi.fn(async (name: string) => name);
    configureServices({ saveFile });
    await openList();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Exportera Provmall' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const [name, content] = saveFile.mock.calls[0] as unknown as [string, string];
    expect(name).toBe('prov-v1.granskningsmall.json');
    expect(content).toBe(`${JSON.stringify(sampleTemplate(), null, 2)}\n`);
    expect(statusText()).toBe('Mallen exporterades till prov-v1.granskningsmall.json.');
  });

  it('deletes a template only after confirmation', async () => {
    fake.add(sampleTemplate(), 'user');
    await openList();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ta bort Provmall' }));
    const confirm = screen.getByRole('group', { name: 'Bekräfta borttagning av Provmall' });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Avbryt' }));
    await user.click(within(confirm).getByRole('button', { name: 'Avbryt' }));
    expect(fake.callsOf('templates.delete')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Ta bort Provmall' }));
    await user.click(screen.getByRole('button', { name: 'Ja, ta bort Provmall' }));
    await screen.findByRole('heading', { name: 'Inga mallar ännu' });
    expect(statusText()).toBe('Mallen "Provmall" togs bort.');
  });
});
