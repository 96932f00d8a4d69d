import type { DerivedMeasure, PublishedDerivedMeasure } from '../../../../shared/contract/results-parts';
import type { Template } from '../../../../shared/templates/schema';
import { akter } from '../../../../shared/util/plural-sv';
import { DistributionTable } from './DistributionTable';
import { sexGroupLabel, SUPPRESSED_TEXT, type SexColumn } from './format';
import { HiddenFigure } from './HiddenFigure';

interface Props {
  measures: (DerivedMeasure | PublishedDerivedMeasure)[];
  columns: readonly SexColumn[];
  template: Template;
  published: boolean;
  splitLabel: string | null;
}

/** Intervals (days between two dates) and ratios the template derives: median and quartiles by sex, and per group of the split. */
export function DerivedSection({ measures, columns, template, published, splitLabel }: Props) {
  if (measures.length === 0) return null;
  return (
    <section className="results-area results-derived" aria-labelledby="results-derived-heading">
      <h2 id="results-derived-heading">Tider och kvoter</h2>
      {measures.map((m) => (
        <div key={m.id} className="results-measure">
          <DistributionTable
            caption={m.label}
            rowHeader="Kön"
            rows={columns.map((sex) => ({ key: sex, label: sexGroupLabel(sex, template.targetGroup), distribution: m.bySex[sex] }))}
            unit={m.unit}
            published={published}
          />
          {m.excluded !== 0 && (
            <p className="hint">
              {m.excluded === null ? <HiddenFigure reason={SUPPRESSED_TEXT} /> : akter(m.excluded)} kunde inte räknas
              {m.kind === 'interval' ? ' (det senare datumet ligger före det tidigare)' : ' (planerat antal är 0)'} och ingår inte.
            </p>
          )}
          {splitLabel && m.groups && (
            <DistributionTable
              caption={`${m.label} uppdelat efter: ${splitLabel}`}
              rowHeader={splitLabel}
              rows={m.groups.map((g, i) => ({ key: `${i}`, label: g.label, distribution: g.distribution }))}
              unit={m.unit}
              published={published}
            />
          )}
        </div>
      ))}
    </section>
  );
}
