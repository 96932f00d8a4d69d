import type { DerivedMeasure, SplitValue } from '../contract/results-parts';
import { distributionOf } from '../stats/distribution';
import type { Measure, Template } from '../templates/schema';
import { distributionBySex } from './distributions';
import type { Sex, ValueRow } from './shape';

/**
 * The template's derived measures (template `measures`) over the counted files: per file, days from
 * one date answer to another, or the actual number divided by the planned one; then their
 * distribution by sex and by split value. A file needs both answers; one where the figure cannot be
 * computed — the later date before the earlier, a planned 0 — is counted in `excluded`, never
 * silently dropped or turned into a negative or infinite figure.
 */
const DAY_MS = 86_400_000;

/** Whole days from one ISO date to another (UTC, so daylight saving never shifts a day). */
export function daysBetween(from: string, to: string): number | null {
  const parse = (iso: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  };
  const a = parse(from);
  const b = parse(to);
  return a === null || b === null ? null : Math.round((b - a) / DAY_MS);
}

function measureValue(measure: Measure, from: string, to: string): number | null {
  if (measure.kind === 'interval') {
    const days = daysBetween(from, to);
    return days === null || days < 0 ? null : days;
  }
  const planned = Number(from);
  const actual = Number(to);
  return Number.isFinite(planned) && Number.isFinite(actual) && planned > 0 && actual >= 0 ? actual / planned : null;
}

/** The question ids the template's measures read. */
export const measureQuestionIds = (template: Template): string[] => [...new Set((template.measures ?? []).flatMap((m) => [m.from, m.to]))];

export function deriveMeasures(template: Template, rows: readonly ValueRow[], splitValues: readonly SplitValue[] | null): DerivedMeasure[] {
  const files = new Map<string, { sex: Sex; grp: string | null; answers: Map<string, string> }>();
  for (const row of rows) {
    const file = files.get(row.caseId) ?? { sex: row.sex, grp: row.grp, answers: new Map<string, string>() };
    file.answers.set(row.questionId, row.value);
    files.set(row.caseId, file);
  }
  return (template.measures ?? []).map((measure) => {
    const values: { sex: Sex; grp: string | null; value: number }[] = [];
    let excluded = 0;
    for (const file of files.values()) {
      const from = file.answers.get(measure.from);
      const to = file.answers.get(measure.to);
      if (from === undefined || to === undefined) continue;
      const value = measureValue(measure, from, to);
      if (value === null) excluded++;
      else values.push({ sex: file.sex, grp: file.grp, value });
    }
    return {
      id: measure.id,
      kind: measure.kind,
      label: measure.label,
      from: measure.from,
      to: measure.to,
      unit: measure.kind === 'interval' ? 'dagar' : null,
      excluded,
      bySex: distributionBySex(values),
      groups: splitValues ? splitValues.map((v) => ({ ...v, distribution: distributionOf(values.filter((x) => x.grp === v.value).map((x) => x.value)) })) : null,
    };
  });
}
