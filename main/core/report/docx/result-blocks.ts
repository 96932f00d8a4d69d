import { AlignmentType, ImageRun, Paragraph, type Table } from 'docx';
import type { PublishedResults } from '../../../../shared/contract/results';
import type { Template } from '../../../../shared/templates/schema';
import { areaChartSvg, chartPng } from './chart';
import { nothingScored, percentText, shareCellText, shareQuestions, shareTableNote, sexWords } from './published-figures';
import { STYLE } from './styles';
import { docxTable } from './tables';

/**
 * The two result blocks a draft may place in any section, drawn from the published results at
 * export time: an area's table of the share `ja` by sex, and the same figures as a bar chart.
 */

export interface ResultSource {
  results: PublishedResults;
  template: Template;
}

export const NO_ANSWERS_YET = 'Inga svar ännu';

const areaName = (source: ResultSource, areaId: string) => source.template.areas.find((a) => a.id === areaId)?.name;

/** A sentence in place of a block whose area the template does not have (a draft from another template version). */
const unknownArea = (areaId: string) => new Paragraph({ style: STYLE.caption, text: `Området "${areaId}" finns inte i granskningens mall; här finns inget resultat att visa.` });

export function resultTable(source: ResultSource, areaId: string): (Paragraph | Table)[] {
  const name = areaName(source, areaId);
  if (name === undefined) return [unknownArea(areaId)];
  const questions = shareQuestions(source.results, source.template, areaId);
  const words = sexWords(source.results);
  if (questions.length === 0) return [new Paragraph({ style: STYLE.caption, text: `${name}: området har inga ja/nej-frågor att redovisa.` })];
  const scored = !nothingScored(questions);
  const table = docxTable({
    headers: ['Fråga', words.F, words.M, words.total],
    widths: [52, 16, 16, 16],
    numeric: [1, 2, 3],
    rows: scored ? questions.map((q) => [`${q.number}. ${q.text}`, shareCellText(q.share.F), shareCellText(q.share.M), shareCellText(q.share.total)]) : [],
    empty: NO_ANSWERS_YET,
  });
  return [table, new Paragraph({ style: STYLE.caption, text: `Tabell: ${name}, andel ja per fråga och kön. ${shareTableNote(source.results)}` })];
}

/** The chart in Word's size: the text column's width (about 16 cm), in pixels at 96 dpi. */
const IMAGE_WIDTH = 600;

export function resultChart(source: ResultSource, areaId: string): Paragraph[] {
  const name = areaName(source, areaId);
  if (name === undefined) return [unknownArea(areaId)];
  const questions = shareQuestions(source.results, source.template, areaId);
  if (questions.length === 0) return [];
  if (nothingScored(questions)) return [new Paragraph({ style: STYLE.caption, text: `Diagram: ${name} – ${NO_ANSWERS_YET.toLowerCase()}.` })];
  const words = sexWords(source.results);
  const chart = areaChartSvg({
    femaleLabel: words.F,
    maleLabel: words.M,
    questions: questions.map((q) => ({ label: `${q.number}. ${q.text}`, female: q.share.F.percent, male: q.share.M.percent })),
  });
  const description = questions.map((q) => `Fråga ${q.number}: ${words.F.toLowerCase()} ${percentText(q.share.F)}, ${words.M.toLowerCase()} ${percentText(q.share.M)}`).join('; ');
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(chart.svg, 'utf8'),
    fallback: { type: 'png', data: chartPng(chart) },
    transformation: { width: IMAGE_WIDTH, height: Math.round((chart.height * IMAGE_WIDTH) / chart.width) },
    altText: { name: `Diagram ${name}`, title: `${name}: andel ja per fråga och kön`, description },
  });
  return [
    new Paragraph({ alignment: AlignmentType.LEFT, keepNext: true, children: [image] }),
    new Paragraph({ style: STYLE.caption, text: `Diagram: ${name}, andel ja för ${words.F.toLowerCase()} och ${words.M.toLowerCase()} per fråga. – = visas inte (för få svar).` }),
  ];
}
