import { useEffect } from 'react';
import { LoadErrorScreen } from '../../frame/LoadErrorScreen';
import { ScreenHeading } from '../../frame/ScreenHeading';
import { hrefFor } from '../../routing/routes';
import { DialogueSection } from './DialogueSection';
import { FindingsArea } from './FindingsArea';
import { FindingsFilter } from './FindingsFilter';
import { useFindings } from './findings-store';
import { fyndCount } from './labels';

/**
 * Fynd och dialogmöten: the notes the inspectors marked as findings, per quality area and unit,
 * each with its file and the pointer into it, and beside each area what the dialogue meetings with
 * the units noted for it; then the meetings themselves. Internal working material: the file
 * references stay inside the administration (the export is named "internt").
 */
export function FindingsScreen({ reviewId }: { reviewId: string }) {
  const loadState = useFindings((s) => s.loadState);
  const loadError = useFindings((s) => s.loadError);
  const review = useFindings((s) => s.review);
  const list = useFindings((s) => s.list);
  const meetings = useFindings((s) => s.meetings);
  const filter = useFindings((s) => s.filter);
  const reviewHref = hrefFor({ name: 'review', id: reviewId });

  useEffect(() => {
    void useFindings.getState().open(reviewId);
  }, [reviewId]);

  if (loadState === 'error') {
    return <LoadErrorScreen title="Fynden kunde inte öppnas" message={loadError} backHref={reviewHref} backLabel="Tillbaka till granskningen" />;
  }
  if (loadState !== 'ready' || !review || !list) {
    return (
      <div className="screen">
        <ScreenHeading title="Fynd och dialogmöten">Hämtar fynden…</ScreenHeading>
      </div>
    );
  }

  // The areas the filter leaves, each shown when it has findings or notes from a meeting.
  const notesOf = (areaId: string) => meetings.filter((m) => (!filter.unit || m.unit === filter.unit) && (m.notes[areaId] ?? '').trim() !== '');
  const areas = list.areas
    .filter((a) => !filter.areaId || a.areaId === filter.areaId)
    .map((area) => ({ area, findings: list.findings.filter((f) => f.areaId === area.areaId), notes: notesOf(area.areaId) }))
    .filter(({ findings, notes }) => findings.length > 0 || notes.length > 0);
  const total = list.areas.reduce((sum, a) => sum + a.count, 0);
  const filtered = filter.areaId !== '' || filter.unit !== '' || filter.text.trim() !== '';

  return (
    <div className="screen screen-findings">
      <p className="breadcrumb">
        <a href={hrefFor({ name: 'reviews' })}>Granskningar</a> <span aria-hidden="true">›</span> <a href={reviewHref}>{review.title}</a>{' '}
        <span aria-hidden="true">›</span> Fynd och dialogmöten
      </p>
      <ScreenHeading title={`Fynd och dialogmöten – ${review.title}`}>Fynd och dialogmöten – {review.title}</ScreenHeading>
      <p className="lead">
        Anteckningar som markerats som fynd i aktgranskningen, per kvalitetsområde och enhet, med det som dialogmötena med enheterna tog upp om området. Internt arbetsmaterial: akternas
        referenser och var i akten det står stannar i förvaltningen.
      </p>

      <section className="findings-section" aria-labelledby="findings-heading">
        <h2 id="findings-heading">Fynd</h2>
        <FindingsFilter list={list} total={total} />
        <p className="findings-count" role="status" data-testid="findings-count">
          {filtered ? `${fyndCount(list.findings.length)} med det urvalet (av ${total}).` : `${fyndCount(total)} i granskningen.`}
        </p>
        {total === 0 && meetings.length === 0 ? (
          <p className="hint">Inga fynd ännu. Markera en anteckning som fynd i aktgranskningen (rutan ”Fynd för …” vid anteckningen), så visas den här.</p>
        ) : areas.length === 0 ? (
          <p className="hint">Inga fynd eller anteckningar från dialogmöten med det urvalet.</p>
        ) : (
          areas.map(({ area, findings, notes }) => <FindingsArea key={area.areaId} reviewId={reviewId} areaId={area.areaId} name={area.name} findings={findings} notes={notes} />)
        )}
      </section>

      <DialogueSection review={review} areas={list.areas} />
    </div>
  );
}
