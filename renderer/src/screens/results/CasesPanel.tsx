import { useEffect, useRef } from 'react';
import type { TargetGroup } from '../../../../shared/templates/schema';
import { formatNumber } from '../../../../shared/util/format-sv';
import { hrefFor } from '../../routing/routes';
import type { DrillDown } from '../../state/results-store';
import { ageBandLabel, sexLabel } from '../reviews/labels';

interface Props {
  reviewId: string;
  drill: DrillDown;
  answerLabel(answer: string | null): string;
  targetGroup: TargetGroup;
  onClose(): void;
}

/** The files behind one count (internal view only), each linked to its scoring screen. */
export function CasesPanel({ reviewId, drill, answerLabel, targetGroup, onClose }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [drill.questionId, drill.answer, drill.sex]);

  return (
    <section className="results-cases" aria-labelledby="results-cases-heading" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="results-cases-head">
        <h4 id="results-cases-heading" ref={headingRef} tabIndex={-1}>
          Akterna bakom ”{drill.label}” ({formatNumber(drill.total)})
        </h4>
        <button type="button" className="small" onClick={onClose}>
          Stäng
        </button>
      </div>
      {drill.loading ? (
        <p className="muted">Hämtar akterna…</p>
      ) : drill.error ? (
        <p className="inline-alert" role="alert">
          {drill.error}
        </p>
      ) : drill.files.length === 0 ? (
        <p className="muted">Inga akter (siffrorna kan ha ändrats: tryck Uppdatera).</p>
      ) : (
        <>
          {drill.total > drill.files.length && (
            <p className="hint">
              Visar de första {formatNumber(drill.files.length)} av {formatNumber(drill.total)}.
            </p>
          )}
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">Akter bakom {drill.label}</caption>
              <thead>
                <tr>
                  <th scope="col">Akt</th>
                  <th scope="col">Enhet</th>
                  <th scope="col">Kön</th>
                  <th scope="col">Ålder</th>
                  <th scope="col">Svar</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {drill.files.map((f) => (
                  <tr key={f.caseId}>
                    <th scope="row">
                      <a href={hrefFor({ name: 'scoring', reviewId, caseId: f.caseId })}>{f.ref}</a>
                    </th>
                    <td>{f.unit}</td>
                    <td>{sexLabel(f.sex, targetGroup)}</td>
                    <td>{f.ageBand ? `${ageBandLabel(f.ageBand)} år` : 'okänd'}</td>
                    <td>{answerLabel(f.answer)}</td>
                    <td>{f.done ? 'Klar' : 'Pågår'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
