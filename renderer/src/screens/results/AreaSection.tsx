import type { PublishedShareBySex, ShareBySex } from '../../../../shared/contract/results';
import type { Template } from '../../../../shared/templates/schema';
import type { ReactNode } from 'react';
import { formatShare, sexGroupWord, type SexColumn } from './format';
import { HiddenFigure } from './HiddenFigure';
import { MISSING_TEXT, shareFigure } from './share-figure';

interface Props {
  areaId: string;
  name: string;
  share: ShareBySex | PublishedShareBySex | null;
  columns: readonly SexColumn[];
  template: Template;
  children: ReactNode;
}

/** One quality area: its questions' answers pooled into one share `ja` by sex, then each question. */
export function AreaSection({ areaId, name, share, columns, template, children }: Props) {
  const headingId = `results-area-${areaId}`;
  return (
    <section className="results-area" aria-labelledby={headingId}>
      <div className="results-area-head">
        <h2 id={headingId}>{name}</h2>
        {share && (
          <p className="results-area-share">
            <span className="muted">Andel ja, områdets frågor sammantaget:</span>{' '}
            {columns.map((sex, i) => {
              const figure = shareFigure(share[sex]);
              return (
                <span key={sex} className="results-area-figure">
                  {i > 0 && <span aria-hidden="true"> · </span>}
                  {sexGroupWord(sex, template.targetGroup)}{' '}
                  {figure.share === null ? <HiddenFigure reason={MISSING_TEXT[figure.missing ?? 'no-answers']} /> : <strong>{formatShare(figure.share)}</strong>}
                </span>
              );
            })}
          </p>
        )}
      </div>
      {children}
    </section>
  );
}
