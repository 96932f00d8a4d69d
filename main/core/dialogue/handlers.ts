import { isValidIsoDate } from '../../../shared/util/iso-date';
import type { HandlerMap } from '../dispatch';
import { invalid, notFound } from '../errors';
import { requireReview } from '../reviews/repository';
import { reviewTemplate } from '../reviews/frozen-template';
import { deleteMeeting, findMeeting, insertMeeting, listMeetings, updateMeeting } from './repository';

/**
 * dialogue.*: the dialogue meetings with the units (granskningsmodellens dialogmöten, DOMAIN.md
 * §1 step 4). A meeting belongs to one of the review's units; its notes are keyed by the
 * template's quality areas, and an empty note is not kept.
 */
export const dialogueHandlers: HandlerMap = {
  'dialogue.list': ({ reviewId }, { db }) => {
    requireReview(db, reviewId);
    return { meetings: listMeetings(db, reviewId) };
  },

  'dialogue.save': ({ reviewId, id, unit, heldOn, participants, notes }, ctx) => {
    const { db } = ctx;
    return db.transaction(() => {
      const review = requireReview(db, reviewId);
      const template = reviewTemplate(db, reviewId);
      if (!review.units.includes(unit)) {
        throw invalid(`Enheten "${unit}" finns inte i granskningen. Välj en av: ${review.units.join(', ') || '(inga enheter ännu)'}.`, [{ path: '$.unit', message: 'Okänd enhet.' }]);
      }
      if (!isValidIsoDate(heldOn)) throw invalid(`Datumet ${heldOn} finns inte i kalendern.`, [{ path: '$.heldOn', message: 'Ogiltigt datum.' }]);
      const areaIds = new Set(template.areas.map((a) => a.id));
      const unknown = Object.keys(notes).find((key) => !areaIds.has(key));
      if (unknown !== undefined) throw invalid(`Kvalitetsområdet "${unknown}" finns inte i granskningens mall.`, [{ path: `$.notes.${unknown}`, message: 'Okänt område.' }]);
      const kept = Object.fromEntries(template.areas.map((a) => [a.id, notes[a.id]?.trim() ?? '']).filter(([, text]) => text !== ''));
      const write = { unit, heldOn, participants: participants.trim(), notes: kept };
      const nowIso = ctx.now().toISOString();
      let meetingId = id;
      if (meetingId === undefined) {
        meetingId = ctx.newId('dm');
        insertMeeting(db, reviewId, meetingId, write, nowIso, ctx.actor);
      } else {
        if (!findMeeting(db, reviewId, meetingId)) throw notFound('Dialogmötet finns inte (längre) i granskningen.');
        updateMeeting(db, reviewId, meetingId, write, nowIso, ctx.actor);
      }
      return findMeeting(db, reviewId, meetingId)!;
    }).immediate();
  },

  'dialogue.delete': ({ reviewId, id }, { db }) => {
    return db.transaction(() => {
      requireReview(db, reviewId);
      if (!findMeeting(db, reviewId, id)) throw notFound('Dialogmötet finns inte (längre) i granskningen.');
      deleteMeeting(db, reviewId, id);
      return { meetings: listMeetings(db, reviewId) };
    }).immediate();
  },
};
