import type { TargetGroup } from '../../../../shared/templates/schema';
import { formatInterval, formatShare, sexGroupWord, type SexColumn } from './format';
import { HiddenFigure } from './HiddenFigure';
import { MISSING_TEXT, type ShareFigure } from './share-figure';

/** The share `ja` by sex in words, with its 95 % interval: the chart's figures for reading and copying. */
export function ShareSummary({ figures, targetGroup }: { figures: { sex: SexColumn; figure: ShareFigure }[]; targetGroup: TargetGroup }) {
  return (
    <div className="results-share-summary">
      <p className="results-share-title">Andel ja av tillämpliga svar (95 % konfidensintervall)</p>
      <ul>
        {figures.map(({ sex, figure }) => (
          <li key={sex} data-sex={sex}>
            <span className="results-share-sex">{sexGroupWord(sex, targetGroup)}</span>{' '}
            {figure.share === null ? (
              <HiddenFigure reason={MISSING_TEXT[figure.missing ?? 'no-answers']} />
            ) : (
              <>
                <strong>{formatShare(figure.share)}</strong>
                {figure.interval && <span className="muted"> ({formatInterval(figure.interval.lower, figure.interval.upper)})</span>}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
