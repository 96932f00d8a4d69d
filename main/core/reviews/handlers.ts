import type { HandlerMap } from '../dispatch';
import { invalid, notFound } from '../errors';
import { findTemplate, freezeTemplate } from '../templates/repository';
import { refuseUnitsDifferingInCase, sameDnrAndTitleWarnings } from './duplicates';
import { insertReview, listReviews, replaceInspectors, replaceUnits, requireReview, setArchived, updateReviewFields } from './repository';

export const reviewHandlers: HandlerMap = {
  'reviews.create': (input, { db, now, actor, newId }) => {
    checkPeriod(input.periodFrom, input.periodTo);
    refuseUnitsDifferingInCase(input.units ?? []);
    const template = findTemplate(db, input.templateId, input.templateVersion);
    if (!template) {
      throw notFound(
        input.templateVersion === undefined
          ? `Det finns ingen mall med id "${input.templateId}".`
          : `Mallen "${input.templateId}" har ingen version ${input.templateVersion}.`,
      );
    }
    const id = newId('g');
    const nowIso = now().toISOString();
    const warnings = sameDnrAndTitleWarnings(db, input.dnr, input.title);
    db.transaction(() => {
      // The review is scored against exactly this version from now on.
      freezeTemplate(db, template.id, template.version);
      insertReview(db, {
        ...input,
        id,
        referenceDate: input.referenceDate ?? localDate(now()),
        targetGroup: template.target_group,
        templateId: template.id,
        templateVersion: template.version,
        createdBy: actor,
        nowIso,
      });
      replaceUnits(db, id, input.units ?? []);
      replaceInspectors(db, id, input.inspectors ?? []);
    })();
    return { id, warnings };
  },

  'reviews.list': ({ includeArchived }, { db }) => ({ reviews: listReviews(db, includeArchived ?? false) }),

  'reviews.get': ({ reviewId }, { db }) => requireReview(db, reviewId),

  'reviews.update': ({ reviewId, units, inspectors, ...fields }, { db, now }) => {
    const current = requireReview(db, reviewId);
    const merged = {
      title: fields.title ?? current.title,
      subtitle: fields.subtitle ?? current.subtitle,
      dnr: fields.dnr ?? current.dnr,
      theme: fields.theme ?? current.theme,
      periodFrom: fields.periodFrom ?? current.periodFrom,
      periodTo: fields.periodTo ?? current.periodTo,
      referenceDate: fields.referenceDate ?? current.referenceDate,
    };
    checkPeriod(merged.periodFrom ?? undefined, merged.periodTo ?? undefined);
    if (units) refuseUnitsDifferingInCase(units);
    if (fields.referenceDate && fields.referenceDate !== current.referenceDate && current.caseCount > 0) {
      throw invalid('Referensdatumet kan inte ändras när akter har importerats: åldrarna är beräknade vid det datumet.');
    }
    db.transaction(() => {
      updateReviewFields(db, reviewId, merged, now().toISOString());
      if (units) {
        const inUse = db.prepare('SELECT DISTINCT unit FROM case_file WHERE review_id = ?').pluck().all(reviewId) as string[];
        const missing = inUse.filter((u) => !units.includes(u));
        if (missing.length) throw invalid(`Enheten ${missing.map((u) => `"${u}"`).join(', ')} har akter och kan inte tas bort.`);
        replaceUnits(db, reviewId, units);
      }
      if (inspectors) replaceInspectors(db, reviewId, inspectors);
    })();
    return requireReview(db, reviewId);
  },

  'reviews.archive': ({ reviewId, archived }, { db, now }) => {
    requireReview(db, reviewId);
    setArchived(db, reviewId, archived, now().toISOString());
    return requireReview(db, reviewId);
  },
};

function checkPeriod(from?: string, to?: string): void {
  if (from && to && from > to) throw invalid('Perioden slutar före den börjar.', [{ path: '$.periodTo', message: `Slutdatum ${to} ligger före startdatum ${from}.` }]);
}

/** Today's date where the inspector is (a UTC date would be yesterday just after midnight in Sweden). */
function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
