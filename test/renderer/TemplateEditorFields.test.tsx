import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { sampleTemplate, type FakeApi } from './fake-api';
import { freshFake } from './helpers';

let fake: FakeApi;
const statusText = () => document.getElementById('app-status')!.textContent;
const saved = (id: string) => fake.latest('prov')!.questions.find((q) => q.id === id)!;

async function openEditor() {
  window.location.hash = '#/mallar/prov';
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Provmall' });
}

describe('template editor fields', () => {
  beforeEach(() => {
    window.location.hash = '';
    fake = freshFake().add(sampleTemplate());
  });

  it('edits legal references and shows a period that ends before it starts', async () => {
    await openEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^T1 / }));
    await user.click(screen.getByRole('button', { name: 'Lägg till lagrum' }));
    const ref = screen.getByRole('group', { name: 'Lagrum 1' });
    const act = within(ref).getByRole('textbox', { name: 'Författning' });
    await waitFor(() => expect(document.activeElement).toBe(act));
    await user.clear(act);
    await user.type(act, 'SoL (2001:453)');
    await user.type(within(ref).getByRole('textbox', { name: 'Kapitel' }), '11');
    await user.type(within(ref).getByRole('textbox', { name: 'Paragraf' }), '1');
    await user.tab();
    await waitFor(() => expect(saved('T1').legal).toEqual([{ act: 'SoL (2001:453)', chapter: 11, section: '1' }]));

    const from = within(ref).getByLabelText('Gäller från');
    const to = within(ref).getByLabelText('Gäller till');
    await user.type(from, '2025-07-01');
    await user.type(to, '2025-06-30');
    await waitFor(() => expect(to.getAttribute('aria-invalid')).toBe('true'));
    expect(to.closest('.field')!.textContent).toMatch(/"validTo" \(2025-06-30\) ligger före "validFrom" \(2025-07-01\)/);
    expect(saved('T1').legal![0].validTo).toBeUndefined();
  });

  it('edits the options of a choice question', async () => {
    await openEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^T3 / }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Frågetyp' }), 'choice');
    await waitFor(() => expect(saved('T3')).toMatchObject({ type: 'choice', options: [{ id: 'alt1' }, { id: 'alt2' }] }));
    const first = screen.getByRole('textbox', { name: 'Alternativ 1' });
    await user.clear(first);
    await user.type(first, 'Anmälan från skolan');
    await user.click(screen.getByRole('button', { name: 'Lägg till alternativ' }));
    await user.click(screen.getByRole('radio', { name: 'Flera svar' }));
    await user.click(screen.getByRole('button', { name: 'Ta bort alternativ 2' }));
    await waitFor(() =>
      expect(saved('T3')).toMatchObject({
        type: 'choice',
        multiple: true,
        options: [
          { id: 'alt1', label: 'Anmälan från skolan' },
          { id: 'alt3', label: 'Alternativ 3' },
        ],
      }),
    );
  });

  it('reads a number with a decimal comma and flags text that is not a number', async () => {
    await openEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^A1 / }));
    const max = screen.getByRole('textbox', { name: 'Högsta värde' });
    await user.type(max, '12,5');
    await user.tab();
    await waitFor(() => expect(saved('A1')).toMatchObject({ max: 12.5 }));
    await user.clear(max);
    await user.type(max, 'tolv');
    expect(max.getAttribute('aria-invalid')).toBe('true');
    expect(max.closest('.field')!.textContent).toMatch(/Ange ett tal/);
  });

  it('saves pending typing when the user leaves the screen', async () => {
    await openEditor();
    const user = userEvent.setup();
    const name = screen.getByRole('textbox', { name: 'Namn' });
    await user.clear(name);
    await user.type(name, 'Provmall 2026');
    expect(fake.latest('prov')!.name).toBe('Provmall');
    window.location.hash = '#/mallar';
    await screen.findByRole('heading', { level: 1, name: 'Mallar' });
    await waitFor(() => expect(fake.latest('prov')!.name).toBe('Provmall 2026'));
    await waitFor(() => expect(statusText()).toBe('Sparat'));
    expect(await screen.findByRole('link', { name: 'Provmall 2026' })).toBeTruthy();
  });

  it('adds, renames and reorders quality areas', async () => {
    await openEditor();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Nytt kvalitetsområde' }), 'Effektivitet');
    await user.click(screen.getByRole('button', { name: 'Lägg till kvalitetsområde' }));
    await waitFor(() => expect(fake.latest('prov')!.areas.map((a) => a.id)).toEqual(['trygghet', 'tillganglighet', 'effektivitet']));
    await user.click(screen.getByRole('button', { name: 'Flytta upp området Effektivitet' }));
    await waitFor(() => expect(fake.latest('prov')!.areas.map((a) => a.id)).toEqual(['trygghet', 'effektivitet', 'tillganglighet']));
    const area = screen.getByRole('region', { name: '2. Effektivitet' });
    await user.click(within(area).getByText('Namn och beskrivning'));
    const name = within(area).getByRole('textbox', { name: 'Områdets namn' });
    await user.type(name, ' och resurser');
    await user.tab();
    await waitFor(() => expect(fake.latest('prov')!.areas[1]).toEqual({ id: 'effektivitet', name: 'Effektivitet och resurser' }));
    await user.click(screen.getByRole('button', { name: 'Ta bort området Effektivitet och resurser' }));
    await waitFor(() => expect(fake.latest('prov')!.areas).toHaveLength(2));
  });
});
