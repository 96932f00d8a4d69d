import { useEffect, useState } from 'react';
import { services } from '../../../services';
import { useReviewList } from '../../../state/review-list-store';
import { announce } from '../../../state/status-store';
import { ReviewForm } from '../review/ReviewForm';

/** "Ny granskning": the template (frozen at its current version) and the review's details. */
export function NewReviewForm({ onCancel, onCreated }: { onCancel(): void; onCreated(id: string, warnings: string[]): void }) {
  const templates = useReviewList((s) => s.templates);
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void useReviewList
      .getState()
      .loadTemplates()
      .then(() => setLoaded(true));
  }, []);

  useEffect(() => {
    if (loaded) document.getElementById('new-review-template')?.focus();
  }, [loaded]);

  if (!loaded) return <p>Hämtar mallar…</p>;
  if (templates.length === 0) {
    return (
      <div className="alert alert-error" role="alert">
        <p>
          Det finns ingen mall att granska mot. <a href="#/mallar">Skapa eller importera en mall</a> först.
        </p>
      </div>
    );
  }
  return (
    <section aria-labelledby="new-review-heading">
      <h2 id="new-review-heading">Ny granskning</h2>
      <ReviewForm
        idBase="new-review"
        templates={templates}
        submitLabel="Skapa granskning"
        busy={busy}
        onCancel={onCancel}
        onSubmit={async ({ templateRef, units, inspectors, ...fields }) => {
          setBusy(true);
          try {
            const result = await services().api.send('reviews.create', {
              templateId: templateRef!.templateId,
              templateVersion: templateRef!.templateVersion,
              ...fields,
              ...(units.length ? { units } : {}),
              ...(inspectors.length ? { inspectors } : {}),
            });
            if (!result.ok) return { message: result.error.message, issues: result.error.issues };
            announce(`Granskningen "${fields.title}" skapades.`, 'success');
            // Warnings (a review with the same Dnr and title exists) do not stop anything; the list screen shows them.
            onCreated(result.value.id, result.value.warnings);
            return undefined;
          } finally {
            setBusy(false);
          }
        }}
      />
    </section>
  );
}
