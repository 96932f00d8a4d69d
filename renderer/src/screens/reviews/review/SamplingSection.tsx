import type { Review } from '../../../../../shared/contract/reviews';
import type { SampleRecord } from '../../../../../shared/contract/sampling';
import { hrefFor } from '../../../routing/routes';
import { useReview } from '../../../state/review-store';
import { formatDateTime } from '../../templates/labels';
import { methodLabel } from '../labels';
import { akter } from '../../../../../shared/util/plural-sv';
import { DropoutLog } from './DropoutLog';
import { SampleTable } from './SampleTable';
import { SamplingForm } from './SamplingForm';

/** "Urval": the sample per unit with the status of every file; how it was drawn; dropouts and their replacements. */
export function SamplingSection({ review, sample }: { review: Review; sample: SampleRecord }) {
  const shortfall = useReview((s) => s.shortfall);
  const lastDropout = useReview((s) => s.lastDropout);
  const units = sampleUnits(review, sample);

  return (
    <section className="panel" aria-labelledby="sampling-heading">
      <h2 id="sampling-heading">Urval</h2>
      {shortfall > 0 && (
        <div className="banner banner-warning">
          <p>{akter(shortfall)} saknas i urvalet: någon enhet har färre akter än urvalet kräver.</p>
        </div>
      )}
      {lastDropout && (
        <div className="banner banner-info">
          <p>
            Akt {lastDropout.ref} är bortfall.{' '}
            {lastDropout.replacement ? (
              <>
                Ersättare: <a href={hrefFor({ name: 'scoring', reviewId: review.id, caseId: lastDropout.replacement.caseId })}>{lastDropout.replacement.ref}</a>
              </>
            ) : (
              'Det finns ingen ersättare kvar i enheten.'
            )}
          </p>
        </div>
      )}
      {units.map((unit) => (
        <SampleTable key={unit} review={review} sample={sample} unit={unit} />
      ))}
      <h3>Så drogs urvalet</h3>
      <dl className="facts sample-facts">
        <div>
          <dt>Metod</dt>
          <dd>{methodLabel(sample.method)}</dd>
        </div>
        <div>
          <dt>Frö</dt>
          <dd>
            <code className="seed" data-testid="sample-seed">
              {sample.seed}
            </code>
          </dd>
        </div>
        <div>
          <dt>Draget</dt>
          <dd>
            {formatDateTime(sample.drawnAt)} av {sample.drawnBy}
          </dd>
        </div>
        <div>
          <dt>Ram</dt>
          <dd>
            {Object.entries(sample.frame)
              .map(([unit, size]) => `${unit}: ${akter(size)}`)
              .join(', ') || '–'}
          </dd>
        </div>
      </dl>
      <p className="hint">Samma akt-lista och samma frö ger alltid samma urval – fröet behövs för att beskriva och återskapa urvalet.</p>
      <DropoutLog sample={sample} />
      {sample.scoringStarted ? (
        <p className="redraw-closed">
          Urvalet kan inte dras om när granskningen har börjat: akter i urvalet har redan svar eller är markerade som klara, och ett nytt urval skulle lämna dem utanför. En akt som inte
          kan granskas markeras i stället som bortfall med ”Bortfall…”; då dras en ersättare.
        </p>
      ) : (
        <details className="redraw">
          <summary>Dra om urvalet</summary>
          <SamplingForm initial={sample} />
        </details>
      )}
    </section>
  );
}

/** The review's units in its own order, then any other unit the sample has. */
function sampleUnits(review: Review, sample: SampleRecord): string[] {
  const inSample = new Set(sample.cases.map((c) => c.unit));
  return [...new Set([...review.units.filter((u) => inSample.has(u)), ...sample.cases.map((c) => c.unit)])];
}
