import type { Review } from '../../../../../shared/contract/reviews';
import { hrefFor } from '../../../routing/routes';
import { useReview } from '../../../state/review-store';
import { formatDateTime } from '../../templates/labels';
import { methodLabel } from '../labels';
import { DropoutLog } from './DropoutLog';
import { SampleTable } from './SampleTable';
import { SamplingForm } from './SamplingForm';

/** "Urval": method, seed and frame recorded; the sample per unit with dropouts and their replacements. */
export function SamplingSection({ review }: { review: Review }) {
  const sample = useReview((s) => s.sample);
  const cases = useReview((s) => s.cases);
  const shortfall = useReview((s) => s.shortfall);
  const lastDropout = useReview((s) => s.lastDropout);

  return (
    <section className="panel" aria-labelledby="sampling-heading">
      <h2 id="sampling-heading">Urval</h2>
      {cases.length === 0 ? (
        <p className="muted">Importera akt-listan först; urvalet dras ur den.</p>
      ) : sample ? (
        <>
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
          </dl>
          <p className="hint">Samma akt-lista och samma frö ger alltid samma urval – fröet behövs för att beskriva och återskapa urvalet.</p>
          {shortfall > 0 && (
            <div className="banner banner-warning">
              <p>{shortfall} akter saknas i urvalet: någon enhet har färre akter än urvalet kräver.</p>
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
          <FrameTable frame={sample.frame} sampled={sample.cases} />
          <SampleTable review={review} sample={sample} />
          <DropoutLog sample={sample} />
          <details className="redraw">
            <summary>Dra om urvalet</summary>
            <SamplingForm initial={sample} />
          </details>
        </>
      ) : (
        <SamplingForm />
      )}
    </section>
  );
}

function FrameTable({ frame, sampled }: { frame: Record<string, number>; sampled: { unit: string; status: string }[] }) {
  return (
    <div className="table-wrap frame-table">
      <table className="data-table">
        <caption>Ram och urval per enhet</caption>
        <thead>
          <tr>
            <th scope="col">Enhet</th>
            <th scope="col" className="num">
              Akter i ramen
            </th>
            <th scope="col" className="num">
              I urvalet
            </th>
            <th scope="col" className="num">
              Bortfall
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(frame).map(([unit, size]) => (
            <tr key={unit}>
              <th scope="row">{unit}</th>
              <td className="num">{size}</td>
              <td className="num">{sampled.filter((c) => c.unit === unit && c.status !== 'dropped').length}</td>
              <td className="num">{sampled.filter((c) => c.unit === unit && c.status === 'dropped').length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
