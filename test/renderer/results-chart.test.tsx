import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ShareChart } from '../../renderer/src/screens/results/ShareChart';
import { chartDescription, shareChartLayout } from '../../renderer/src/screens/results/share-chart-layout';
import { shareFigure } from '../../renderer/src/screens/results/share-figure';

const NBSP = '\u00a0';
const internal = (yes: number, applicable: number) => shareFigure({ yes, applicable, other: applicable - yes, notApplicable: 0 });

describe('the share chart', () => {
  it('draws each share as a column on the 0–100 % axis, with the Wilson interval as a whisker and the figure above', () => {
    const layout = shareChartLayout([
      { key: 'F', label: 'Flickor', figure: internal(9, 20) },
      { key: 'M', label: 'Pojkar', figure: internal(20, 20) },
    ]);
    const { plot } = layout;
    const baseline = plot.top + plot.height;
    const [girls, boys] = layout.bars;
    expect(girls.rect!.height).toBeCloseTo(0.45 * plot.height, 9);
    expect(girls.rect!.y).toBeCloseTo(baseline - 0.45 * plot.height, 9);
    expect(boys.rect!.y).toBeCloseTo(plot.top, 9);
    // Wilson 95 % for 9/20: 0.2582–0.6579 (R: prop.test(9, 20, correct = FALSE)).
    expect(girls.whisker!.bottom).toBeCloseTo(baseline - 0.25818 * plot.height, 2);
    expect(girls.whisker!.top).toBeCloseTo(baseline - 0.65791 * plot.height, 2);
    expect(girls.value.text).toBe(`45${NBSP}%`);
    expect(girls.value.y).toBeLessThan(girls.whisker!.top);
    expect(boys.value.text).toBe(`100${NBSP}%`);
    expect(boys.value.y).toBeGreaterThan(0);
    // Side by side, the same width, within the plot.
    expect(girls.rect!.width).toBe(boys.rect!.width);
    expect(girls.rect!.x + girls.rect!.width).toBeLessThan(boys.rect!.x);
    expect(boys.rect!.x + boys.rect!.width).toBeLessThanOrEqual(plot.left + plot.width);
    expect(layout.gridlines.map((g) => g.label)).toEqual([`0${NBSP}%`, `50${NBSP}%`, `100${NBSP}%`]);
    expect(chartDescription(layout)).toBe(`Andel ja per kön: flickor 45${NBSP}% (9 av 20; 95 % konfidensintervall 26–66${NBSP}%), pojkar 100${NBSP}% (20 av 20; 95 % konfidensintervall 84–100${NBSP}%).`);
  });

  it('has no column, no NaN and a reason where there is no share: nothing applicable, or withheld in the published view', () => {
    const layout = shareChartLayout([
      { key: 'F', label: 'Flickor', figure: internal(0, 0) },
      { key: 'M', label: 'Pojkar', figure: shareFigure({ yes: null, applicable: null, other: null, notApplicable: null, percent: null, withheld: 'protects-other' }) },
      { key: 'U', label: 'Okänt kön', figure: shareFigure({ yes: 3, applicable: 8, other: 5, notApplicable: 0, percent: null, withheld: 'denominator-too-small' }) },
    ]);
    expect(layout.bars.map((b) => b.rect)).toEqual([null, null, null]);
    expect(layout.bars.map((b) => b.whisker)).toEqual([null, null, null]);
    expect(layout.bars.map((b) => b.value.text)).toEqual(['–', '–', '–']);
    expect(layout.bars.map((b) => b.counts)).toEqual(['0 av 0', 'antal dolda', '3 av 8']);
    const text = chartDescription(layout);
    expect(text).toBe('Andel ja per kön: flickor: inga tillämpliga svar, pojkar: dolt så att en mindre grupps tal inte kan räknas fram, okänt kön: visas inte: färre än 10 tillämpliga svar.');
    expect(JSON.stringify(layout)).not.toMatch(/NaN|Infinity/);
  });

  it('a published share is drawn from its percent; the whisker only where its counts are shown', () => {
    const [shown, countsHidden] = shareChartLayout([
      { key: 'F', label: 'Flickor', figure: shareFigure({ yes: 6, applicable: 12, other: 6, notApplicable: 0, percent: 50, withheld: null }) },
      { key: 'M', label: 'Pojkar', figure: shareFigure({ yes: 10, applicable: null, other: null, notApplicable: null, percent: 62.5, withheld: null }) },
    ]).bars;
    expect(shown.value.text).toBe(`50${NBSP}%`);
    expect(shown.whisker).not.toBeNull();
    expect(countsHidden.value.text).toBe(`63${NBSP}%`);
    expect(countsHidden.rect).not.toBeNull();
    expect(countsHidden.whisker).toBeNull();
    expect(countsHidden.counts).toBe('10 av –');
  });

  it('renders one accessible image named with every figure, and columns told apart by fill as well as by label', () => {
    render(<ShareChart bars={[{ key: 'F', label: 'Flickor', figure: internal(9, 20) }, { key: 'M', label: 'Pojkar', figure: internal(5, 20) }]} />);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(/^Andel ja per kön: flickor 45\u00a0% \(9 av 20; .*\), pojkar 25\u00a0% \(5 av 20; /);
    const bars = chart.querySelectorAll('rect.share-chart-bar');
    expect(bars).toHaveLength(2);
    expect(bars[0].getAttribute('fill')).toBeNull();
    expect(bars[1].getAttribute('fill')).toMatch(/^url\(#.+-hatch\)$/);
    const hatchId = bars[1].getAttribute('fill')!.slice(5, -1);
    expect(chart.querySelector(`pattern[id="${hatchId}"]`)).not.toBeNull();
    expect([...chart.querySelectorAll('.share-chart-label')].map((t) => t.textContent)).toEqual(['Flickor', 'Pojkar']);
    expect([...chart.querySelectorAll('.share-chart-value')].map((t) => t.textContent)).toEqual([`45${NBSP}%`, `25${NBSP}%`]);
  });
});
