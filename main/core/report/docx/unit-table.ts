import { Paragraph, type Table } from 'docx';
import { STYLE } from './styles';
import { docxTable } from './tables';
import { NO_ANSWERS_YET, type ResultSource } from './result-blocks';
import { percentText, shareTableNote } from './published-figures';

/**
 * The units compared (likställighet): the share `ja` per quality area and unit, pooled over the
 * area's questions, exactly as the publication set publishes it (publication.areaUnits) — a small
 * unit hidden together with a partner prints "–" in both, never its figure.
 */
export function unitTable(source: ResultSource): (Paragraph | Table)[] {
  const { areaUnits, units } = source.results.publication;
  const names = units.map((u) => u.unit);
  if (names.length < 2) return [new Paragraph({ style: STYLE.caption, text: 'Granskningen omfattar en enhet; det finns inga enheter att jämföra.' })];
  const rows = source.template.areas
    .map((area) => ({ area, units: areaUnits.find((a) => a.areaId === area.id)?.units }))
    .filter((row) => row.units !== undefined && row.units.length > 0)
    .map(({ area, units: shares }) => [area.name, ...names.map((name) => {
      const share = shares!.find((s) => s.unit === name)?.share;
      return share ? percentText(share) : '–';
    })]);
  const scored = rows.some((row) => row.slice(1).some((cell) => cell !== '–'));
  const width = Math.floor(60 / names.length);
  const table = docxTable({
    headers: ['Kvalitetsområde', ...names],
    widths: [100 - width * names.length, ...names.map(() => width)],
    numeric: names.map((_, i) => i + 1),
    rows: scored ? rows : [],
    empty: NO_ANSWERS_YET,
  });
  return [table, new Paragraph({ style: STYLE.caption, text: `Tabell: andel ja per kvalitetsområde och enhet, alla områdets frågor sammantagna. ${shareTableNote(source.results)}` })];
}
