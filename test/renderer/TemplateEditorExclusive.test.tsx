import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { sampleTemplate, type FakeApi } from './fake-api';
import { freshFake } from './helpers';

let fake: FakeApi;
const saved = (id: string) => fake.latest('prov')!.questions.find((q) => q.id === id)!;

describe('an exclusive option in the template editor', () => {
  beforeEach(() => {
    window.location.hash = '';
    fake = freshFake().add(sampleTemplate());
  });

  it('"Utesluter andra val" is offered on the options of a multiple choice, saved as exclusive, and dropped with "Ett svar"', async () => {
    window.location.hash = '#/mallar/prov';
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Provmall' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^T3 / }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Frågetyp' }), 'choice');
    await waitFor(() => expect(saved('T3')).toMatchObject({ type: 'choice' }));
    // One answer: every option already excludes the others, so nothing is offered.
    expect(screen.queryByRole('checkbox', { name: /Utesluter andra val/ })).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Flera svar' }));
    await user.click(screen.getByRole('checkbox', { name: /^Utesluter andra val.*alternativ 2/ }));
    await waitFor(() => expect(saved('T3')).toMatchObject({ multiple: true, options: [{ id: 'alt1' }, { id: 'alt2', exclusive: true }] }));
    const chosen = saved('T3');
    expect(chosen.type === 'choice' && 'exclusive' in chosen.options[0]).toBe(false);

    await user.click(screen.getByRole('radio', { name: 'Ett svar' }));
    await waitFor(() => expect(saved('T3')).toMatchObject({ options: [{ id: 'alt1' }, { id: 'alt2' }] }));
    const question = saved('T3');
    expect(question.type === 'choice' && question.options.some((o) => 'exclusive' in o)).toBe(false);
    expect(screen.queryByRole('checkbox', { name: /Utesluter andra val/ })).toBeNull();
  });
});
