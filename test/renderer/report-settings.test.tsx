import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { createApiClient } from '../../renderer/src/api/client';
import { configureServices, resetServices } from '../../renderer/src/services';
import { resetProfile } from '../../renderer/src/state/profile-store';
import { useStatusStore } from '../../renderer/src/state/status-store';
import { testCore, type TestCore } from '../support/core';

/** Inställningar → Tjänsteutlåtanden: the names new memos are written with, saved in the real core. */
let core: TestCore;

beforeEach(async () => {
  core = testCore();
  await core.call('profile.save', { name: 'Eva Testgranskare', title: 'Socialtjänstinspektör', role: 'granskare' });
  resetServices();
  configureServices({ api: createApiClient((method, input) => core.dispatch(method, input)) });
  resetProfile();
  useStatusStore.getState().clear();
});
afterEach(() => core.dispose());

describe('the report settings', () => {
  it('shows the defaults, saves a change, and says what is wrong beside the field', async () => {
    window.location.hash = '#/installningar';
    render(<App />);
    const department = await screen.findByLabelText(/^Avdelning \(/);
    expect(department).toHaveProperty('value', 'Avdelningen för stöd och styrning');
    expect(screen.getByLabelText(/^Nämnd \(/)).toHaveProperty('value', 'Socialnämnden');

    const user = userEvent.setup();
    await user.clear(department);
    await user.type(department, 'Avdelningen för kvalitet');
    await user.selectOptions(screen.getByLabelText('Typsnitt'), 'Arial');
    await user.click(screen.getByRole('button', { name: 'Spara inställningarna' }));
    await screen.findByText('Inställningarna för tjänsteutlåtanden sparades.');
    expect(await core.call('report.settings.get', {})).toEqual({ administration: 'Socialförvaltningen', department: 'Avdelningen för kvalitet', board: 'Socialnämnden', font: 'Arial', approvers: ['avdelningschef', 'socialdirektor'] });

    await user.clear(screen.getByLabelText(/^Nämnd \(/));
    await user.click(screen.getByRole('button', { name: 'Spara inställningarna' }));
    const board = screen.getByLabelText(/^Nämnd \(/);
    expect(board.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(board);
    expect((await core.call('report.settings.get', {})).board).toBe('Socialnämnden');
  });
});
