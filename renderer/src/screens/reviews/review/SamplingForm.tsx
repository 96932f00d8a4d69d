import { useState, type FormEvent } from 'react';
import type { SampleRecord } from '../../../../../shared/contract/sampling';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FieldIssues, describedBy } from '../../../components/FieldIssues';
import { placeIssues } from '../../../components/form-issues';
import { useReview, type SamplingMethod } from '../../../state/review-store';

type Kind = SamplingMethod['kind'];

/** Method (per unit, total, all), the seed (empty = random), and "Dra urval"; a conflict offers "Dra om". */
export function SamplingForm({ initial }: { initial?: SampleRecord }) {
  const busy = useReview((s) => s.busy);
  const conflict = useReview((s) => s.drawConflict);
  const drawError = useReview((s) => s.drawError);
  const [kind, setKind] = useState<Kind>(initial?.method.kind ?? 'per-unit');
  const [n, setN] = useState(initial && initial.method.kind !== 'all' ? String(initial.method.n) : '');
  const [seed, setSeed] = useState('');
  const [problem, setProblem] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    let method: SamplingMethod;
    if (kind === 'all') method = { kind: 'all' };
    else {
      const count = Number(n.trim());
      if (!Number.isInteger(count) || count < 1) {
        setProblem('Ange antalet akter som ett heltal, minst 1.');
        return;
      }
      method = { kind, n: count };
    }
    setProblem('');
    void useReview.getState().draw(method, seed.trim() || undefined);
  }

  const idBase = initial ? 'redraw' : 'draw';
  const countLabel = kind === 'per-unit' ? 'Antal per enhet' : 'Antal totalt';
  // The core's issues next to their fields (and all of them above the button), with the form's own check.
  const placed = placeIssues('sampling.draw', drawError?.issues, [
    { name: 'method', id: `${idBase}-n`, label: countLabel },
    { name: 'seed', id: `${idBase}-seed`, label: 'Frö' },
  ]);
  const nIssues = [...(problem ? [problem] : []), ...placed.at('method')];
  const seedIssues = placed.at('seed');
  return (
    <form className="sampling-form" aria-label={initial ? 'Dra om urvalet' : 'Dra urval'} onSubmit={submit} noValidate>
      <fieldset className="radio-group">
        <legend>Metod</legend>
        {(
          [
            ['per-unit', 'Lika många per enhet'],
            ['total', 'Totalt antal, fördelat efter enheternas storlek'],
            ['all', 'Alla akter'],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name={`${idBase}-method`} checked={kind === value} onChange={() => setKind(value)} /> {label}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        {kind !== 'all' && (
          <div className="field narrow">
            <label htmlFor={`${idBase}-n`}>{countLabel}</label>
            <input
              id={`${idBase}-n`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={n}
              aria-invalid={nIssues.length ? true : undefined}
              aria-describedby={describedBy(`${idBase}-n`, undefined, nIssues)}
              onChange={(e) => setN(e.target.value)}
            />
            <FieldIssues id={`${idBase}-n-issues`} messages={nIssues} />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${idBase}-seed`}>Frö</label>
          <p className="hint" id={`${idBase}-seed-hint`}>
            Lämna tomt för ett slumpat frö. Ange ett frö för att återskapa ett tidigare urval.
          </p>
          <input
            id={`${idBase}-seed`}
            type="text"
            autoComplete="off"
            value={seed}
            aria-invalid={seedIssues.length ? true : undefined}
            aria-describedby={describedBy(`${idBase}-seed`, true, seedIssues)}
            onChange={(e) => setSeed(e.target.value)}
          />
          <FieldIssues id={`${idBase}-seed-issues`} messages={seedIssues} />
        </div>
      </div>
      {conflict && (
        <div className="alert alert-error" role="alert">
          <p>{conflict.message}</p>
          <div className="button-row">
            <button type="button" className="danger" disabled={busy} onClick={() => void useReview.getState().draw(conflict.method, conflict.seed, true)}>
              Dra om
            </button>
            <button type="button" onClick={() => useReview.getState().cancelRedraw()}>
              Avbryt
            </button>
          </div>
        </div>
      )}
      {drawError &&
        (drawError.issues?.length ? (
          <ErrorSummary id={`${idBase}-problems`} title="Urvalet drogs inte" message={drawError.message} items={placed.summary} attempt={drawError} />
        ) : (
          <div className="alert alert-error" role="alert">
            <p>{drawError.message}</p>
          </div>
        ))}
      <button type="submit" className="primary" disabled={busy}>
        Dra urval
      </button>
    </form>
  );
}
