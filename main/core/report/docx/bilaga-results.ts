import { Paragraph, TextRun, type Table } from 'docx';
import type { ReportRenderInput } from '../../../../shared/report/render-input';
import { testedCount, verdictDetail } from '../../../../shared/results/verdicts';
import { belowLevel, TOO_SMALL_SENTENCE } from '../../../../shared/stats/verdict';
import { countOf } from '../../../../shared/util/plural-sv';
import { blocksToDocx, type BlockContext } from './blocks';
import { countText, nothingScored, shareCellText, shareQuestions, sexWords, type ShareQuestion } from './published-figures';
import { NO_ANSWERS_YET, resultChart, resultTable } from './result-blocks';
import { heading } from './sections';
import { STYLE } from './styles';
import { docxTable } from './tables';

/**
 * Bilaga 1, "Resultat" and "Jämställdhetsanalys": per quality area the published table and chart,
 * then per question the share ja by sex with the verdict sentence; the basis by sex, every
 * question's verdict, and the caveat the numbers call for. Published figures only.
 */

const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });

function questionLines(q: ShareQuestion, ctx: BlockContext): Paragraph[] {
  const words = sexWords(ctx.results);
  const figures = `Andel ja: ${words.F.toLowerCase()} ${shareCellText(q.share.F)}, ${words.M.toLowerCase()} ${shareCellText(q.share.M)}, ${words.total.toLowerCase()} ${shareCellText(q.share.total)}.`;
  const detail = q.verdict && verdictDetail(q.verdict, ctx.results.targetGroup, testedCount(ctx.results.questions));
  return [
    new Paragraph({ keepNext: true, spacing: { before: 200, after: 60 }, children: [new TextRun({ text: `${q.number}. ${q.text}`, bold: true })] }),
    new Paragraph({ keepNext: true, spacing: { after: 60 }, children: [new TextRun(figures)] }),
    para(q.verdict ? q.verdict.text : TOO_SMALL_SENTENCE),
    ...(detail ? [para(detail)] : []),
  ];
}

/**
 * The writer's text of each area, shared with the memo: the memo's area section (its short text,
 * then the fuller `detail` only Bilaga 1 carries), placed under the area's heading before its tables.
 */
export function areaTextOf(input: ReportRenderInput, ctx: BlockContext, areaId: string): (Paragraph | Table)[] {
  return input.draft.sections
    .filter((s) => s.enabled && s.kind === 'area' && s.areaId === areaId)
    .flatMap((s) => [...blocksToDocx(s.blocks, ctx), ...blocksToDocx(s.detail ?? [], ctx)]);
}

export function resultsChapter(input: ReportRenderInput, ctx: BlockContext, withAreaText = false): (Paragraph | Table)[] {
  const { basis } = input.results;
  const words = sexWords(input.results);
  const out: (Paragraph | Table)[] = [
    para(
      `Underlaget är ${countText(basis.files)} akter: ${words.F.toLowerCase()} ${countText(basis.bySex.F)}, ${words.M.toLowerCase()} ${countText(basis.bySex.M)}` +
        `${basis.bySex.U === 0 ? '' : `, okänt kön ${countText(basis.bySex.U)}`}. Av dem är ${countText(basis.done)} färdiggranskade.`,
    ),
  ];
  for (const area of input.template.areas) {
    const questions = shareQuestions(input.results, input.template, area.id);
    out.push(heading(area.name));
    if (withAreaText) out.push(...areaTextOf(input, ctx, area.id));
    if (questions.length === 0) {
      out.push(para('Området har inga ja/nej-frågor att redovisa.'));
      continue;
    }
    out.push(...resultTable(ctx, area.id), ...resultChart(ctx, area.id));
    if (!nothingScored(questions)) out.push(...questions.flatMap((q) => questionLines(q, ctx)));
  }
  return out;
}

function caveat(questions: readonly ShareQuestion[], input: ReportRenderInput): string {
  const words = sexWords(input.results);
  const between = `${words.F.toLowerCase()} och ${words.M.toLowerCase()}`;
  const judged = questions.filter((q) => q.verdict !== null);
  const differences = judged.filter((q) => q.verdict!.code === 'difference');
  const tooSmall = judged.filter((q) => q.verdict!.code === 'too_small').length + (questions.length - judged.length);
  if (questions.length === 0) return 'Granskningen har inga ja/nej-frågor att jämföra mellan könen.';
  if (tooSmall === questions.length) return `Med ett så litet underlag går det inte att dra några slutsatser om skillnader mellan ${between} i någon av frågorna.`;
  const found =
    differences.length === 0
      ? `Ingen statistiskt säkerställd skillnad mellan ${between} framkom.`
      : `En statistiskt säkerställd skillnad mellan ${between} framkom i ${countOf(differences.length, 'fråga', 'frågor')} (${differences.map((q) => q.number).join(', ')}).`;
  const small = tooSmall ? ` För ${countOf(tooSmall, 'fråga', 'frågor')} är underlaget för litet för att dra slutsatser.` : '';
  return `${found}${small}${holmSentence(questions, input)} En skillnad behöver inte vara omotiverad: den kan förklaras av skillnader i behov, vilket prövas i analysen av varje område.`;
}

/**
 * When many questions are tested, some differences come out "significant" by chance alone: says how
 * many remain after Holm's adjustment over every tested question (none is dropped from the text —
 * each question's own sentence stands — but the reader learns how much weight they carry together).
 */
function holmSentence(questions: readonly ShareQuestion[], input: ReportRenderInput): string {
  const tested = testedCount(input.results.questions);
  const differences = questions.filter((q) => q.verdict?.code === 'difference');
  if (differences.length === 0 || tested < 2) return '';
  const remaining = differences.filter((q) => q.verdict!.pAdjusted !== null && belowLevel(q.verdict!.pAdjusted));
  const kept = remaining.length === 0 ? 'ingen av dem kvarstår' : remaining.length === differences.length ? 'alla kvarstår' : `${countOf(remaining.length, 'skillnad', 'skillnader')} kvarstår (${remaining.map((q) => q.number).join(', ')})`;
  return ` Eftersom ${countOf(tested, 'fråga', 'frågor')} prövades samtidigt har p-värdena också justerats med Holms metod: ${kept}.`;
}

/** The chapter's own text in Bilaga 1 where it has chapters, else the memo's Jämställdhetsanalys. */
export function genderChapter(input: ReportRenderInput, ctx: BlockContext): (Paragraph | Table)[] {
  const source = input.draft.bilaga1 ? input.draft.bilaga1.sections : input.draft.sections;
  const draftText = source.filter((s) => s.enabled && s.kind === 'jamstalldhet').flatMap((s) => [...blocksToDocx(s.blocks, ctx), ...blocksToDocx(s.detail ?? [], ctx)]);
  const { basis } = input.results;
  const words = sexWords(input.results);
  const questions = input.template.areas.flatMap((a) => shareQuestions(input.results, input.template, a.id));
  const scored = !nothingScored(questions);
  return [
    ...draftText,
    heading('Underlag'),
    docxTable({
      headers: ['', words.F, words.M, 'Okänt kön', words.total],
      widths: [28, 18, 18, 18, 18],
      numeric: [1, 2, 3, 4],
      rows: [['Granskade akter', countText(basis.bySex.F), countText(basis.bySex.M), countText(basis.bySex.U), countText(basis.files)]],
    }),
    new Paragraph({ style: STYLE.caption, text: 'Tabell: granskade akter per kön.' }),
    heading('Bedömning per fråga'),
    docxTable({
      headers: ['Fråga', words.F, words.M, 'Bedömning'],
      widths: [40, 15, 15, 30],
      numeric: [1, 2],
      rows: scored ? questions.map((q) => [`${q.number}. ${q.text}`, shareCellText(q.share.F), shareCellText(q.share.M), q.verdict ? q.verdict.text : TOO_SMALL_SENTENCE]) : [],
      empty: NO_ANSWERS_YET,
    }),
    heading('Slutsats'),
    para(scored ? caveat(questions, input) : `${NO_ANSWERS_YET}: det finns inget att jämföra mellan könen.`),
  ];
}
