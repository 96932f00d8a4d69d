import type { Results } from '../../../../shared/contract/results';
import { formatNumber } from '../../../../shared/util/format-sv';
import { sexGroupWord, SUPPRESSED_TEXT, type SexKey } from './format';
import { HiddenFigure } from './HiddenFigure';

const Count = ({ n }: { n: number | null }) => (n === null ? <HiddenFigure reason={SUPPRESSED_TEXT} /> : <>{formatNumber(n)}</>);

/** What the figures rest on, always beside them: the counted files by sex and how many are done. */
export function BasisLine({ results, sexes }: { results: Results; sexes: readonly SexKey[] }) {
  const { basis, targetGroup } = results;
  const ongoing = basis.files === null || basis.done < basis.files;
  return (
    <div className="results-basis">
        <p className="results-basis-line" data-testid="results-basis">
          <strong>Underlag:</strong> <Count n={basis.files} /> {basis.files === 1 ? 'akt' : 'akter'} (
          {sexes.map((sex, i) => (
            <span key={sex}>
              {i > 0 && ', '}
              {sexGroupWord(sex, targetGroup)} <Count n={basis.bySex[sex]} />
            </span>
          ))}
          ), varav {formatNumber(basis.done)} klara
        </p>
      {ongoing && basis.files !== 0 && <p className="hint">Granskningen pågår: siffrorna räknar alla svar hittills, även i akter som inte är klara.</p>}
    </div>
  );
}
