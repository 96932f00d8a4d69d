import type { PublishedShareCounts, Results, ShareCounts } from '../contract/results';
import { csvLine, UTF8_BOM } from '../export/csv-write';
import type { Template } from '../templates/schema';

/**
 * The results as CSV for a person opening it in Swedish Excel: ";" separated, UTF-8 with a byte
 * order mark (Excel otherwise reads å, ä and ö as two characters), CRLF, Swedish headings, the
 * sexes as words and percentages with a decimal comma. One row per question and group. A figure the
 * published view does not print is "–", as on the screen and in the documents. The analyst's long
 * format is tidy-csv.ts, chosen explicitly.
 */

const GROUPS = { barn: { F: 'Flickor', M: 'Pojkar' }, vuxna: { F: 'Kvinnor', M: 'Män' } } as const;
const HEADER = ['Område', 'Fråga nr', 'Fråga', 'Grupp', 'Ja', 'Tillämpliga svar', 'Ej tillämpligt', 'Andel ja (%)'];

const percentText = (percent: number | null) => (percent === null ? '–' : (Math.round(percent * 10) / 10).toLocaleString('sv-SE', { maximumFractionDigits: 1 }));
const count = (n: number | null) => (n === null ? '–' : String(n));

function figures(c: ShareCounts | PublishedShareCounts): (string | number)[] {
  if ('percent' in c) return [count(c.yes), count(c.applicable), count(c.notApplicable), percentText(c.percent)];
  return [c.yes, c.applicable, c.notApplicable, percentText(c.applicable === 0 ? null : (100 * c.yes) / c.applicable)];
}

export function excelCsv(results: Results, template: Template): string {
  const words = GROUPS[results.targetGroup];
  const areaNames = new Map(template.areas.map((a) => [a.id, a.name]));
  const texts = new Map(template.questions.map((q) => [q.id, q.text]));
  const lines = [csvLine(HEADER)];
  for (const q of results.questions) {
    if (!q.share) continue;
    const share = q.share as Record<'F' | 'M' | 'U' | 'total', ShareCounts | PublishedShareCounts>;
    const groups: [string, ShareCounts | PublishedShareCounts][] = [[words.F, share.F], [words.M, share.M], ['Okänt kön', share.U], ['Totalt', share.total]];
    for (const [label, c] of groups) lines.push(csvLine([areaNames.get(q.areaId) ?? q.areaId, q.number, texts.get(q.questionId) ?? q.questionId, label, ...figures(c)]));
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
