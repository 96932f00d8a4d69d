import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { sampleTemplate } from './fake-api';
import { freshFake } from './helpers';

describe('template preview', () => {
  it('shows areas in order with disabled answer controls, guidance and legal references', async () => {
    const t = sampleTemplate();
    t.areas.reverse();
    t.questions[0] = {
      ...t.questions[0],
      guidance: 'Ja om beslutet finns i akten.',
      legal: [
        { act: 'SoL (2001:453)', chapter: 11, section: '1 a', validTo: '2025-06-30' },
        { act: 'SoL (2025:400)', chapter: 20, section: '2', validFrom: '2025-07-01' },
      ],
    };
    t.questions.push({ id: 'T4', area: 'trygghet', type: 'choice', multiple: true, text: 'Vem anmälde?', options: [{ id: 'skola', label: 'Skola' }, { id: 'polis', label: 'Polis' }] });
    freshFake().add(t);
    window.location.hash = '#/mallar/prov/forhandsvisning';
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Förhandsvisning: Provmall' });

    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Tillgänglighet', 'Trygghet och säkerhet']);
    const trygghet = screen.getByRole('region', { name: 'Trygghet och säkerhet' });
    const q1 = within(trygghet).getByRole('heading', { level: 3, name: /Finns ett beslut\?/ });
    expect(q1.textContent).toMatch(/^2\. Finns ett beslut\?.*Obligatorisk$/);
    const scale = within(trygghet).getAllByRole('group', { name: /Finns ett beslut/ })[0];
    expect(within(scale).getAllByRole('button').map((b) => [b.textContent, (b as HTMLButtonElement).disabled])).toEqual([
      ['Ja', true],
      ['Nej', true],
      ['Ej tillämpligt', true],
    ]);
    // No review period in a preview: every reference, the current one first, each saying when it applies.
    const legal = within(trygghet).getByRole('list', { name: 'Lagrum' });
    expect(within(legal).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '20 kap. 2 § SoL (2025:400) (gäller från den 1 juli 2025)',
      '11 kap. 1 a § SoL (2001:453) (gäller till och med den 30 juni 2025)',
    ]);
    const guidance = within(trygghet).getByText('Bedömningsstöd');
    expect(guidance.closest('details')!.open).toBe(false);
    await userEvent.setup().click(guidance);
    expect(guidance.closest('details')!.open).toBe(true);
    expect(within(trygghet).getByRole('checkbox', { name: 'Polis' })).toHaveProperty('disabled', true);
    const tillganglighet = screen.getByRole('region', { name: 'Tillgänglighet' });
    expect(within(tillganglighet).getByRole('textbox', { name: /^1\. Dagar till start\?/ })).toHaveProperty('disabled', true);
    expect(within(tillganglighet).getByText('dagar')).toBeTruthy();
  });
});
