import { useEffect } from 'react';
import { ScreenHeading } from '../../frame/ScreenHeading';
import { hrefFor, navigate } from '../../routing/routes';
import { useScoring } from '../../state/scoring-store';
import { announce } from '../../state/status-store';
import { ageBandLabel, sexLabel } from '../reviews/labels';
import { FinishBar } from './FinishBar';
import { KeyboardHelp } from './KeyboardHelp';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { ScoringArea } from './ScoringArea';
import { ScoringProgress } from './ScoringProgress';
import { LoadErrorScreen } from '../../frame/LoadErrorScreen';
import { useFlushOnLeave } from '../../hooks/useFlushOnLeave';
import { followScoring } from './finding-marks';

/** Marks the open file done and opens the next file not yet done, or the review when all are done. */
export async function finishCase(reviewId: string): Promise<void> {
  if (useScoring.getState().readOnly) return;
  const next = await useScoring.getState().finishAndNext();
  if (next === undefined) return;
  if (next) navigate({ name: 'scoring', reviewId, caseId: next.caseId });
  else {
    announce('Akten är klar. Alla akter i urvalet är färdiggranskade.', 'success');
    navigate({ name: 'review', id: reviewId });
  }
}

/** A note typed just before leaving is saved at once; ScoringScreen's own cleanup flushes on unmount. */
const flushScoring = (options: { keepalive?: boolean }) => useScoring.getState().flushAll(options);

/** Aktgranskning: one sampled file scored question by question, every answer saved as it is given. */
export function ScoringScreen({ reviewId, caseId }: { reviewId: string; caseId: string }) {
  const loadState = useScoring((s) => s.loadState);
  const loadError = useScoring((s) => s.loadError);
  const view = useScoring((s) => s.view);
  const questions = useScoring((s) => s.questions);
  const reviewHref = hrefFor({ name: 'review', id: reviewId });

  // The notes marked as findings follow the file that opens and the notes that are saved.
  useEffect(() => followScoring(), []);
  useEffect(() => {
    void useScoring.getState().open(reviewId, caseId);
    return () => void useScoring.getState().flushAll();
  }, [reviewId, caseId]);
  useFlushOnLeave(flushScoring);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void finishCase(reviewId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reviewId]);

  if (loadState === 'error') {
    return <LoadErrorScreen title="Akten kunde inte öppnas" message={loadError} backHref={reviewHref} backLabel="Tillbaka till granskningen" />;
  }
  if (loadState !== 'ready' || !view) {
    return (
      <div className="screen">
        <ScreenHeading title="Aktgranskning">Hämtar akten…</ScreenHeading>
      </div>
    );
  }

  const { template } = view;
  const indexed = questions.map((question, index) => ({ question, index }));
  return (
    <div className="screen screen-scoring">
      <p className="breadcrumb">
        <a href={hrefFor({ name: 'reviews' })}>Granskningar</a> <span aria-hidden="true">›</span> <a href={reviewHref}>Granskningen</a>{' '}
        <span aria-hidden="true">›</span> Akt {view.case.ref}
      </p>
      <ScreenHeading title={`Akt ${view.case.ref}`}>Akt {view.case.ref}</ScreenHeading>
      <p className="case-meta">
        {view.case.unit} · {sexLabel(view.case.sex, template.targetGroup)} · {view.case.ageBand ? `${ageBandLabel(view.case.ageBand)} år` : 'ålder okänd'} · {template.name} version{' '}
        {template.version}
        {view.case.done && <strong className="done-badge"> · Färdiggranskad</strong>}
      </p>
      <ReadOnlyBanner reviewId={reviewId} />
      <ScoringProgress />
      <KeyboardHelp />
      {template.areas.map((area) => (
        <ScoringArea key={area.id} area={area} template={template} questions={indexed.filter((q) => q.question.area === area.id)} />
      ))}
      <FinishBar reviewId={reviewId} onFinish={() => void finishCase(reviewId)} />
    </div>
  );
}
