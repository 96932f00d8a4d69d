import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { scoringTemplate, type FakeReviewApi } from './fake-review-api';
import { freshReviewFake, statusText } from './review-helpers';

let fake: FakeReviewApi;

async function openList() {
  window.location.hash = '#/granskningar';
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Granskningar' });
}

describe('review list: Kom igång, the example review, deleting, duplicates', () => {
  beforeEach(() => {
    fake = freshReviewFake();
    fake.exampleTemplate = scoringTemplate();
  });

  it('shows the five steps first on an empty workbench, and creates and opens the example review', async () => {
    await openList();
    const section = await screen.findByRole('region', { name: 'Kom igång' });
    expect(within(section).getAllByRole('listitem').map((li) => li.querySelector('strong')!.textContent)).toEqual([
      'Välj eller skapa mall.',
      'Skapa granskning.',
      'Importera akt-lista.',
      'Dra urval.',
      'Granska.',
    ]);
    const user = userEvent.setup();
    await user.click(within(section).getByRole('button', { name: 'Skapa exempelgranskning' }));
    await waitFor(() => expect(window.location.hash).toBe('#/granskningar/r1'));
    expect(fake.callsOf('reviews.createExample')).toHaveLength(1);
  });

  it('folds "Kom igång" once there are reviews, and lists who created each without id columns', async () => {
    fake.addReview(scoringTemplate(), { createdBy: 'Karin Granskare' });
    fake.addReview(scoringTemplate(), { id: 'ex', title: 'Exempelgranskning', example: true });
    await openList();
    const table = await screen.findByRole('table', { name: 'Granskningar' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Titel', 'Dnr', 'Mall', 'Akter', 'Granskade', 'Skapad av', 'Arkiverad', 'Åtgärder']);
    expect(within(table).getAllByRole('cell').some((c) => c.textContent === 'Karin Granskare')).toBe(true);
    const folded = document.querySelector('details.getting-started') as HTMLDetailsElement;
    expect(folded.open).toBe(false);
    expect(folded.querySelector('summary')!.textContent).toBe('Kom igång');
    expect(screen.queryByRole('region', { name: 'Kom igång' })).toBeNull();
    // With an example in the list, the step offers to open it instead of creating another.
    expect(within(folded).getByRole('link', { name: 'Öppna exempelgranskningen' }).getAttribute('href')).toBe('#/granskningar/ex');
  });

  it('deletes the example review after a confirm step, and offers no delete where work is recorded', async () => {
    fake.addReview(scoringTemplate(), { title: 'Pågående', deletable: false });
    fake.addReview(scoringTemplate(), { id: 'ex', title: 'Exempelgranskning', example: true });
    await openList();
    const user = userEvent.setup();
    expect(screen.queryByRole('button', { name: 'Ta bort Pågående' })).toBeNull();

    await user.click(await screen.findByRole('button', { name: 'Ta bort Exempelgranskning' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Ta bort exempelgranskningen "Exempelgranskning"?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ta bort Exempelgranskning' }));
    expect(fake.callsOf('reviews.delete')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Ta bort Exempelgranskning' }));
    dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Ta bort' }));
    await waitFor(() => expect(statusText()).toBe('Granskningen "Exempelgranskning" togs bort.'));
    expect(fake.callsOf('reviews.delete')[0].input).toEqual({ reviewId: 'ex' });
    expect(screen.queryByRole('link', { name: 'Exempelgranskning' })).toBeNull();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('says why a delete was refused', async () => {
    fake.addReview(scoringTemplate(), { title: 'Plötsligt påbörjad' });
    fake.failNext('reviews.delete', { code: 'CONFLICT', message: 'Granskningen "Plötsligt påbörjad" kan inte tas bort eftersom arbete har registrerats i den. Arkivera den i stället.' });
    await openList();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ta bort Plötsligt påbörjad' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Ta bort' }));
    await waitFor(() => expect(statusText()).toContain('Arkivera den i stället.'));
    expect(screen.getByRole('link', { name: 'Plötsligt påbörjad' })).toBeTruthy();
  });

  it('creates a review with the same Dnr and title, and says so on the list instead of moving on', async () => {
    fake.addReview(scoringTemplate(), { title: 'Öppenvård barn', dnr: 'SOF 2024/543' });
    await openList();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Ny granskning' }));
    const form = await screen.findByRole('form', { name: 'Skapa granskning' });
    await user.type(within(form).getByRole('textbox', { name: /Titel/ }), 'Öppenvård barn');
    await user.type(within(form).getByRole('textbox', { name: 'Dnr' }), 'SOF 2024/543');
    await user.click(within(form).getByRole('button', { name: 'Skapa granskning' }));
    const warning = await screen.findByRole('status', { name: 'Granskningen "Öppenvård barn" skapades – kontrollera en sak' });
    expect(document.activeElement).toBe(warning);
    expect(warning.textContent).toContain('Det finns redan en granskning med Dnr SOF 2024/543 och titeln "Öppenvård barn".');
    expect(within(warning).getByRole('link', { name: 'Öppna granskningen' }).getAttribute('href')).toBe('#/granskningar/r2');
    expect(window.location.hash).toBe('#/granskningar');
  });
});

describe('template import with a name another template has', () => {
  it('imports and shows a notice that blocks nothing', async () => {
    fake = freshReviewFake();
    fake.templates.add(scoringTemplate(), 'bundled');
    const { configureServices } = await import('../../renderer/src/services');
    const { resetTemplateList } = await import('../../renderer/src/state/template-list-store');
    resetTemplateList();
    const copy = { ...scoringTemplate(), id: 'annan' };
    configureServices({ pickFile: async () => ({ name: 'kollega.json', bytes: new TextEncoder().encode(JSON.stringify(copy)) }) });
    window.location.hash = '#/mallar';
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Mallar' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Importera mall…' }));
    const notice = await screen.findByRole('status', { name: 'kollega.json importerades – kontrollera en sak' });
    expect(notice.textContent).toContain(`Det finns redan en mall som heter "${copy.name}".`);
    await user.click(within(notice).getByRole('button', { name: 'Stäng' }));
    expect(screen.queryByRole('status', { name: /kollega\.json/ })).toBeNull();
  });
});
