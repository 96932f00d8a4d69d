import type { Finding } from '../../../shared/contract/findings';
import { csvLine, UTF8_BOM } from '../../../shared/export/csv-write';
import { safeNamePart } from '../../../shared/results/export-file-name';
import type { CoreContext } from '../context';
import type { HandlerMap } from '../dispatch';
import { invalid, notFound } from '../errors';
import { requireReview } from '../reviews/repository';
import { answersOfCase } from '../scoring/repository';
import { reviewTemplate } from '../reviews/frozen-template';
import { listFindings, markFinding, unmarkFinding } from './repository';

/**
 * findings.*: a note on an answer marked as a finding (fynd), and the review's findings view —
 * per quality area and unit, with the file's reference and the pointer into the file — and its
 * export for Excel. The mark needs a note: a finding is what the inspector wrote down.
 */

interface Filter {
  reviewId: string;
  areaId?: string;
  unit?: string;
  text?: string;
}

function filtered(ctx: CoreContext, filter: Filter) {
  const { db } = ctx;
  const review = requireReview(db, filter.reviewId);
  const template = reviewTemplate(db, filter.reviewId);
  if (filter.areaId !== undefined && !template.areas.some((a) => a.id === filter.areaId)) {
    throw invalid(`Kvalitetsområdet "${filter.areaId}" finns inte i granskningens mall.`, [{ path: '$.areaId', message: 'Okänt område.' }]);
  }
  const all = listFindings(db, filter.reviewId, template);
  const needle = filter.text?.trim().toLocaleLowerCase('sv-SE') ?? '';
  const matches = (f: Finding) => needle === '' || [f.note, f.questionText, f.fileRef ?? '', f.ref].some((t) => t.toLocaleLowerCase('sv-SE').includes(needle));
  const findings = all.filter((f) => (filter.areaId === undefined || f.areaId === filter.areaId) && (filter.unit === undefined || f.unit === filter.unit) && matches(f));
  const inArea = all.filter((f) => filter.areaId === undefined || f.areaId === filter.areaId);
  const unitNames = [...review.units, ...new Set(all.map((f) => f.unit).filter((u) => !review.units.includes(u)))];
  return {
    review,
    findings,
    areas: template.areas.map((a) => ({ areaId: a.id, name: a.name, count: all.filter((f) => f.areaId === a.id).length })),
    units: unitNames.map((unit) => ({ unit, count: inArea.filter((f) => f.unit === unit).length })),
  };
}

const HEADER = ['Kvalitetsområde', 'Enhet', 'Akt', 'Fråga nr', 'Fråga', 'Svar', 'Anteckning', 'Var i akten', 'Markerad av', 'Markerad'];

function findingsCsv(findings: readonly Finding[]): string {
  const lines = [csvLine(HEADER)];
  for (const f of findings) {
    lines.push(csvLine([f.areaName, f.unit, f.ref, f.number, f.questionText, f.answer ?? '', f.note, f.fileRef ?? '', f.markedBy, f.markedAt.slice(0, 10)]));
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

export const findingHandlers: HandlerMap = {
  'findings.mark': ({ reviewId, caseId, questionId, finding }, ctx) => {
    const { db } = ctx;
    return db.transaction(() => {
      requireReview(db, reviewId);
      const template = reviewTemplate(db, reviewId);
      const inReview = db.prepare('SELECT 1 FROM case_file WHERE id = ? AND review_id = ?').get(caseId, reviewId);
      if (!inReview) throw notFound('Akten finns inte i granskningen.');
      if (!template.questions.some((q) => q.id === questionId)) throw invalid(`Frågan "${questionId}" finns inte i granskningens mall.`, [{ path: '$.questionId', message: 'Okänd fråga.' }]);
      if (finding) {
        const note = answersOfCase(db, caseId).find((a) => a.question_id === questionId)?.note ?? '';
        if (note.trim() === '') throw invalid('Skriv en anteckning på svaret först: ett fynd är det du har antecknat.', [{ path: '$.finding', message: 'Svaret har ingen anteckning.' }]);
        markFinding(db, reviewId, caseId, questionId, ctx.now().toISOString(), ctx.actor);
      } else {
        unmarkFinding(db, caseId, questionId);
      }
      return { questionId, finding };
    }).immediate();
  },

  'findings.list': (filter, ctx) => {
    const { findings, areas, units } = filtered(ctx, filter);
    return { findings, areas, units };
  },

  'findings.export': (filter, ctx) => {
    const { review, findings } = filtered(ctx, filter);
    const content = Buffer.from(findingsCsv(findings), 'utf8');
    const label = safeNamePart(review.dnr ?? '') || safeNamePart(review.title);
    return {
      fileName: ['Fynd', ...(label ? [label] : []), 'internt'].join(' – ') + '.csv',
      mimeType: 'text/csv',
      contentBase64: content.toString('base64'),
      bytes: content.length,
    };
  },
};
