import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { scoringTemplate, type FakeReviewApi } from './fake-review-api';
import { freshReviewFake, statusText } from './review-helpers';

let fake: FakeReviewApi;

describe('first start: who is working', () => {
  beforeEach(() => {
    fake = freshReviewFake();
    fake.templates.profile = null;
    window.location.hash = '';
  });

  it('asks for the profile before anything else, then opens on Granskningar with "Kom igång"', async () => {
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Välkommen till Granskningsbänken' });
    // Nothing of the app yet: no navigation, no screen.
    expect(screen.queryByRole('navigation', { name: 'Huvudmeny' })).toBeNull();
    expect(screen.getAllByRole('radio').map((r) => r.closest('div')!.querySelector('label')!.textContent)).toEqual(['Granskare', 'Avdelningschef', 'Socialdirektör', 'Nämndsekreterare']);

    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /^Namn/ }), 'Karin Lind');
    await user.type(screen.getByRole('textbox', { name: 'Titel' }), 'Inspektör');
    await user.click(screen.getByRole('radio', { name: 'Nämndsekreterare' }));
    await user.click(screen.getByRole('button', { name: 'Spara och börja' }));

    await screen.findByRole('heading', { level: 1, name: 'Granskningar' });
    expect(fake.templates.callsOf('profile.save')[0].input).toEqual({ name: 'Karin Lind', title: 'Inspektör', role: 'namndsekreterare' });
    expect(screen.getByRole('heading', { level: 2, name: 'Kom igång' })).toBeTruthy();
    expect(within(screen.getByRole('banner')).getByRole('link', { name: /Karin Lind\s*Nämndsekreterare/ }).getAttribute('href')).toBe('#/installningar');
    expect(statusText()).toBe('Välkommen, Karin Lind.');
  });

  it('shows the problem next to the field and stays on the prompt', async () => {
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Spara och börja' }));
    const name = screen.getByRole('textbox', { name: /^Namn/ });
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('first-start-name-issues')!.textContent).toBe('Får inte vara tomt.');
    expect(document.activeElement).toBe(name);
    expect(screen.getByRole('heading', { level: 1, name: 'Välkommen till Granskningsbänken' })).toBeTruthy();
  });

  it('lets the user in anyway when the workbench cannot save (read-only store)', async () => {
    fake.templates.failNext('profile.save', { code: 'AUDIT_BROKEN', message: 'Databasen är bara öppen för läsning.' });
    render(<App />);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /^Namn/ }), 'Karin Lind');
    await user.click(screen.getByRole('button', { name: 'Spara och börja' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Profilen kunde inte sparas: Databasen är bara öppen för läsning.');
    await user.click(within(alert).getByRole('button', { name: 'Fortsätt utan profil' }));
    await screen.findByRole('heading', { level: 1, name: 'Granskningar' });
  });
});

describe('Inställningar', () => {
  beforeEach(() => {
    fake = freshReviewFake();
    fake.addReview(scoringTemplate());
  });

  it('is in the main menu, shows the profile and saves a change, which the header follows', async () => {
    window.location.hash = '';
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Granskningar' });
    const user = userEvent.setup();
    await user.click(within(screen.getByRole('navigation', { name: 'Huvudmeny' })).getByRole('link', { name: 'Inställningar' }));
    await screen.findByRole('heading', { level: 1, name: 'Inställningar' });
    const name = screen.getByRole('textbox', { name: /^Namn/ }) as HTMLInputElement;
    expect(name.value).toBe('Karin Granskare');
    expect((screen.getByRole('radio', { name: 'Granskare' }) as HTMLInputElement).checked).toBe(true);

    await user.clear(name);
    await user.type(name, 'Karin Lind');
    await user.click(screen.getByRole('radio', { name: 'Avdelningschef' }));
    await user.click(screen.getByRole('button', { name: 'Spara profilen' }));
    await waitFor(() => expect(statusText()).toBe('Profilen sparades: Karin Lind, avdelningschef.'));
    expect(fake.templates.profile).toEqual({ name: 'Karin Lind', title: 'Socialtjänstinspektör', role: 'avdelningschef' });
    expect(within(screen.getByRole('banner')).getByRole('link', { name: /Karin Lind\s*Avdelningschef/ })).toBeTruthy();
  });
});
