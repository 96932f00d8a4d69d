import type { ProfileRole } from '../../shared/contract/profile';
import type { TestCore } from './core';
import { generateReview, REFERENCE_003_UNITS } from './reference-003';

export { completed } from './completed-draft';

/**
 * A review shaped like reference 003 (3 units × 12 files, every question answered, every file
 * marked done) with what the inspectors gathered besides the answers: notes marked as findings in
 * several quality areas, each with a pointer into the file, and a dialogue meeting with each unit.
 * Invented data only: file references like "A03", no personal identity numbers.
 */

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export const DNR = 'SOF 2024/543';

/** Notes to mark as findings: file index, question, note, pointer. */
export const FINDINGS = [
  { file: 2, question: 'T2', note: 'Genomförandeplanen saknar mål som går att följa upp; aktiviteterna är allmänt hållna.', fileRef: 'Genomförandeplan 2024-02-14' },
  { file: 14, question: 'T4', note: 'Ny uppgift om våld i hemmet framkom i samtal men ingen ny riskbedömning dokumenterades.', fileRef: 'Journalanteckning 2024-04-03' },
  { file: 5, question: 'S1', note: 'Barnets egen uppfattning saknas helt i planen, trots att barnet är nio år.', fileRef: 'Genomförandeplan 2024-03-01' },
  { file: 27, question: 'A3', note: 'Insatsen startade fem månader efter beslutet utan att väntetiden förklaras.', fileRef: 'Beslut 2024-01-10, första träff 2024-06-12' },
  { file: 20, question: 'H1', note: 'Överlämningen från utredare till behandlare skedde muntligt och är inte dokumenterad.', fileRef: 'Journal, mars 2024' },
  { file: 31, question: 'K4', note: 'Uppföljningen mot målen gjordes inte; insatsen förlängdes utan bedömning.', fileRef: 'Uppföljning 2024-09-20' },
  { file: 9, question: 'E6', note: 'Avslutningsanteckningen saknar sammanfattning av vad insatsen har gett barnet.', fileRef: 'Avslutningsanteckning 2024-10-02' },
] as const;

export const MEETINGS = REFERENCE_003_UNITS.map((unit, i) => ({
  unit,
  heldOn: `2024-11-${String(12 + i * 2).padStart(2, '0')}`,
  participants: 'enhetschef, två behandlare och socialtjänstinspektörerna',
  notes: {
    trygghet: `${unit} beskrev att genomförandeplanerna skrivs tillsammans med familjen men att målen ofta formuleras först efter några träffar.`,
    tillganglighet: `Väntetiden beror enligt ${unit} på att behandlarna är för få under våren.`,
  },
}));

export interface WrittenReview {
  reviewId: string;
  files: { caseId: string; ref: string; unit: string }[];
}

export async function writtenReview(core: TestCore, options: { done?: boolean } = {}): Promise<WrittenReview> {
  const { id: reviewId } = await core.call('reviews.create', {
    templateId: 'oppenvard-barn-0-12',
    title: 'Öppenvård barn 0–12 år',
    subtitle: 'Socialtjänstinspektörernas kvalitetsgranskning',
    dnr: DNR,
    periodFrom: '2024-01-01',
    periodTo: '2024-10-31',
    referenceDate: '2024-12-31',
    units: [...REFERENCE_003_UNITS],
    inspectors: [{ name: 'Karin Lind', phone: '08-508 252 62' }],
  });
  const generated = generateReview('referens-003');
  await core.call('cases.import', { reviewId, contentBase64: b64(generated.casesCsv) });
  const imported = await core.call('answers.import', { reviewId, contentBase64: b64(generated.answersCsv) });
  if (imported.rejected.length > 0) throw new Error(`writtenReview: ${imported.rejected.length} answers were rejected`);
  const { cases } = await core.call('cases.list', { reviewId, limit: 500 });
  const byRef = new Map(cases.map((c) => [c.ref, c]));
  const files = generated.files.map((f) => ({ caseId: byRef.get(f.ref)!.id, ref: f.ref, unit: f.unit }));
  for (const f of FINDINGS) {
    const file = files[f.file];
    const view = await core.call('scoring.caseView', { reviewId, caseId: file.caseId });
    const value = view.answers.find((a) => a.questionId === f.question)!.value;
    await core.call('answers.save', { reviewId, caseId: file.caseId, questionId: f.question, value, note: f.note, fileRef: f.fileRef });
    await core.call('findings.mark', { reviewId, caseId: file.caseId, questionId: f.question, finding: true });
  }
  for (const m of MEETINGS) await core.call('dialogue.save', { reviewId, ...m });
  if (options.done !== false) for (const f of files) await core.call('cases.setDone', { reviewId, caseId: f.caseId, done: true });
  return { reviewId, files };
}

export const PEOPLE: Record<ProfileRole, { name: string; title: string }> = {
  granskare: { name: 'Karin Lind', title: 'Socialtjänstinspektör' },
  avdelningschef: { name: 'Berit Chef', title: 'Avdelningschef' },
  socialdirektor: { name: 'Dora Direktör', title: 'Socialdirektör' },
  namndsekreterare: { name: 'Cecilia Sekreterare', title: 'Nämndsekreterare' },
};

export const actAs = (core: TestCore, role: ProfileRole) => core.call('profile.save', { ...PEOPLE[role], role });

/** Answers every question of every sampled file (the first step or option, a date, a number) and marks each done. */
export async function completeEveryFile(core: TestCore, reviewId: string): Promise<void> {
  const { cases } = await core.call('scoring.overview', { reviewId });
  for (const c of cases) {
    const view = await core.call('scoring.caseView', { reviewId, caseId: c.caseId });
    const answered = new Set(view.answers.filter((a) => a.value !== null).map((a) => a.questionId));
    for (const q of view.template.questions) {
      if (answered.has(q.id)) continue;
      const value =
        q.type === 'scale' ? view.template.scales[q.scale][0].id
        : q.type === 'choice' ? (q.multiple ? [q.options[0].id] : q.options[0].id)
        : q.type === 'date' ? '2024-03-15'
        : q.type === 'number' ? Math.max(q.min ?? 1, 1)
        : 'Framgår av akten.';
      await core.call('answers.save', { reviewId, caseId: c.caseId, questionId: q.id, value });
    }
    await core.call('cases.setDone', { reviewId, caseId: c.caseId, done: true });
  }
}
