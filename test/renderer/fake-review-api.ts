import { createApiClient, type Transport } from '../../renderer/src/api/client';
import type { OutputOf } from '../../shared/contract';
import type { CaseFile } from '../../shared/contract/cases';
import type { Review } from '../../shared/contract/reviews';
import type { SampleRecord } from '../../shared/contract/sampling';
import { findIdentityNumbers, piiGuardMessage } from '../../shared/identity/pii-guard';
import type { ApiError, Result } from '../../shared/result';
import { checkAnswerValue, readAnswerValue, type AnswerValue } from '../../shared/scoring/answer-value';
import type { Template } from '../../shared/templates/schema';
import { FakeApi, type Call } from './fake-api';

interface StoredAnswer {
  value: string | null;
  note: string | null;
  fileRef: string | null;
  updatedAt: string;
  updatedBy: string;
}

/**
 * The review, case, sampling and scoring handlers in memory, enough for the screens; templates go
 * to the template FakeApi. Answers are checked with the same shared rules as the core (value and
 * PII guard), and every change is written to an audit list.
 */
export class FakeReviewApi {
  readonly templates = new FakeApi();
  readonly calls: Call[] = [];
  reviews: Review[] = [];
  cases: (CaseFile & { reviewId: string })[] = [];
  sample: SampleRecord | null = null;
  answers = new Map<string, StoredAnswer>();
  audit: { caseId: string; questionId: string; at: string; oldValue: string | null; newValue: string | null; oldNote: string | null; newNote: string | null }[] = [];
  /** What a dry run of cases.import returns (the commit returns it with counts). */
  importPreview?: OutputOf<'cases.import'>;
  /** answers.save waits for this before answering, so a test can see "Sparar…". */
  saveGate: Promise<void> = Promise.resolve();
  private failures = new Map<string, ApiError[]>();
  private clock = 0;

  failNext(method: string, error: ApiError): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  callsOf(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  addReview(template: Template, overrides: Partial<Review> = {}): Review {
    this.templates.add(template, 'user', true);
    const review: Review = {
      id: `r${this.reviews.length + 1}`,
      title: 'Öppenvård barn',
      subtitle: null,
      dnr: 'SOF 2024/543',
      theme: null,
      targetGroup: template.targetGroup,
      periodFrom: null,
      periodTo: null,
      referenceDate: '2026-01-01',
      templateId: template.id,
      templateVersion: template.version,
      templateName: template.name,
      units: ['Enhet A'],
      inspectors: [],
      archived: false,
      caseCount: 0,
      sampledCount: 0,
      doneCount: 0,
      createdAt: '2026-01-01T09:00:00.000Z',
      createdBy: 'granskare',
      updatedAt: '2026-01-01T09:00:00.000Z',
      ...overrides,
    };
    this.reviews.push(review);
    return review;
  }

  addCase(reviewId: string, ref: string, overrides: Partial<CaseFile> = {}): CaseFile {
    const c = { id: `c-${ref}`, ref, unit: 'Enhet A', sex: 'F' as const, age: 7, ageBand: '6–12', attributes: {}, done: false, ...overrides, reviewId };
    this.cases.push(c);
    return c;
  }

  setAnswer(caseId: string, questionId: string, value: string | null, note: string | null = null): void {
    this.answers.set(`${caseId}/${questionId}`, { value, note, fileRef: null, updatedAt: this.now(), updatedBy: 'granskare' });
  }

  readonly transport: Transport = async (method, input) => {
    const i = (input ?? {}) as Record<string, unknown>;
    if (method.startsWith('templates.') || method === 'app.info') return this.templates.transport(method, input);
    this.calls.push({ method, input: structuredClone(i) });
    const queued = this.failures.get(method);
    if (queued?.length) return { ok: false, error: queued.shift()! };
    if (method === 'answers.save') await this.saveGate;
    try {
      return { ok: true, value: this.handle(method, i) };
    } catch (error) {
      if (typeof error === 'object' && error && 'code' in error) return { ok: false, error } as Result<unknown>;
      throw error;
    }
  };

  readonly client = createApiClient(this.transport);

  private now(): string {
    return new Date(Date.UTC(2026, 0, 2, 9, 0, this.clock++)).toISOString();
  }

  private review(id: unknown): Review {
    const r = this.reviews.find((x) => x.id === id);
    if (!r) throw { code: 'NOT_FOUND', message: 'Granskningen finns inte.' } satisfies ApiError;
    return r;
  }

  private template(reviewId: unknown): Template {
    const r = this.review(reviewId);
    return this.templates.latest(r.templateId)!;
  }

  private caseOf(reviewId: unknown, caseId: unknown) {
    const c = this.cases.find((x) => x.reviewId === reviewId && x.id === caseId);
    if (!c) throw { code: 'NOT_FOUND', message: 'Akten finns inte i granskningen.' } satisfies ApiError;
    return c;
  }

  private answersOf(caseId: string, template: Template) {
    return template.questions
      .filter((q) => this.answers.has(`${caseId}/${q.id}`))
      .map((q) => {
        const a = this.answers.get(`${caseId}/${q.id}`)!;
        return { questionId: q.id, value: readAnswerValue(q, a.value), note: a.note, fileRef: a.fileRef, updatedAt: a.updatedAt, updatedBy: a.updatedBy };
      });
  }

  private progress(caseId: string, template: Template, questions = template.questions) {
    const answered = questions.filter((q) => (this.answers.get(`${caseId}/${q.id}`)?.value ?? null) !== null).length;
    return { answered, total: questions.length, requiredMissing: 0 };
  }

  private handle(method: string, i: Record<string, unknown>): unknown {
    switch (method) {
      case 'reviews.list':
        return { reviews: this.reviews.filter((r) => i.includeArchived || !r.archived) };
      case 'reviews.get':
        return this.review(i.reviewId);
      case 'reviews.create': {
        const template = this.templates.latest(i.templateId as string)!;
        const { templateId: _t, templateVersion: _v, ...fields } = i;
        return { id: this.addReview(template, fields as Partial<Review>).id };
      }
      case 'reviews.update': {
        const r = this.review(i.reviewId);
        const { reviewId: _r, ...fields } = i;
        Object.assign(r, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
        return r;
      }
      case 'reviews.archive': {
        const r = this.review(i.reviewId);
        r.archived = i.archived as boolean;
        return r;
      }
      case 'cases.list':
        return { cases: this.cases.filter((c) => c.reviewId === i.reviewId).map(({ reviewId: _r, ...c }) => c) };
      case 'cases.import': {
        const preview = this.importPreview!;
        if (i.dryRun) return { ...preview, dryRun: true };
        const valid = preview.rows - preview.rejected.length;
        return {
          ...preview,
          dryRun: false,
          imported: valid - preview.existing,
          skipped: i.onExisting === 'skip' ? preview.existing : 0,
          updated: i.onExisting === 'update' ? preview.existing : 0,
          ...(i.pseudonymise
            ? { key: preview.preview.map((c, n) => ({ code: `A${n + 1}`, ref: c.ref })), keyFile: (i.keyFile as string | undefined) ?? '/data/Kodnycklar/kodnyckel-r1-2026-11-23_100000.csv' }
            : {}),
        };
      }
      case 'sampling.get':
        return this.sample;
      case 'sampling.draw':
        return { seed: (i.seed as string) ?? 'slump', frame: {}, sample: [], shortfall: 0 };
      case 'scoring.caseView': {
        const template = this.template(i.reviewId);
        const c = this.caseOf(i.reviewId, i.caseId);
        const { reviewId: _r, ...theCase } = c;
        return {
          case: theCase,
          template,
          answers: this.answersOf(c.id, template),
          progress: this.progress(c.id, template),
          areaProgress: Object.fromEntries(template.areas.map((a) => [a.id, this.progress(c.id, template, template.questions.filter((q) => q.area === a.id))])),
        };
      }
      case 'scoring.overview': {
        const template = this.template(i.reviewId);
        const cases = this.cases.filter((c) => c.reviewId === i.reviewId).map((c) => ({ caseId: c.id, ref: c.ref, unit: c.unit, done: c.done, progress: this.progress(c.id, template) }));
        const sum = (k: 'answered' | 'total') => cases.reduce((s, c) => s + c.progress[k], 0);
        return { cases, progress: { answered: sum('answered'), total: sum('total'), requiredMissing: 0 } };
      }
      case 'answers.save': {
        const template = this.template(i.reviewId);
        const c = this.caseOf(i.reviewId, i.caseId);
        const q = template.questions.find((x) => x.id === i.questionId);
        if (!q) throw { code: 'VALIDATION', message: `Frågan "${String(i.questionId)}" finns inte i granskningens mall.` } satisfies ApiError;
        const checked = checkAnswerValue(template, q, i.value as AnswerValue);
        if (!checked.ok) throw { code: 'VALIDATION', message: checked.message } satisfies ApiError;
        for (const text of [i.note, i.fileRef]) {
          const message = typeof text === 'string' ? piiGuardMessage(findIdentityNumbers(text)) : null;
          if (message) throw { code: 'VALIDATION', message } satisfies ApiError;
        }
        const key = `${c.id}/${q.id}`;
        const old = this.answers.get(key);
        const next: StoredAnswer = {
          value: checked.stored,
          note: i.note === undefined ? (old?.note ?? null) : ((i.note as string | null) || null),
          fileRef: i.fileRef === undefined ? (old?.fileRef ?? null) : ((i.fileRef as string | null) || null),
          updatedAt: this.now(),
          updatedBy: 'granskare',
        };
        this.answers.set(key, next);
        this.audit.push({ caseId: c.id, questionId: q.id, at: next.updatedAt, oldValue: old?.value ?? null, newValue: next.value, oldNote: old?.note ?? null, newNote: next.note });
        return { questionId: q.id, value: readAnswerValue(q, next.value), note: next.note, fileRef: next.fileRef, updatedAt: next.updatedAt, updatedBy: next.updatedBy };
      }
      case 'answers.history': {
        const template = this.template(i.reviewId);
        const q = template.questions.find((x) => x.id === i.questionId);
        return {
          entries: this.audit
            .filter((a) => a.caseId === i.caseId && a.questionId === i.questionId)
            .map((a) => ({
              action: a.oldValue === null && a.oldNote === null ? ('insert' as const) : ('update' as const),
              at: a.at,
              actor: 'granskare',
              oldValue: readAnswerValue(q, a.oldValue),
              newValue: readAnswerValue(q, a.newValue),
              oldNote: a.oldNote,
              newNote: a.newNote,
              oldFileRef: null,
              newFileRef: null,
            })),
        };
      }
      case 'cases.setDone': {
        const c = this.caseOf(i.reviewId, i.caseId);
        c.done = i.done as boolean;
        return { done: c.done };
      }
      default:
        throw { code: 'UNKNOWN_METHOD', message: `Okänd åtgärd: ${method}` } satisfies ApiError;
    }
  }
}

/** A template on the default five-step scale (DOMAIN.md §2) with a few typed questions. */
export function scoringTemplate(): Template {
  return {
    format: 'granskningsmall/1',
    id: 'poang',
    name: 'Poängmall',
    version: 1,
    targetGroup: 'barn',
    areas: [
      { id: 'trygghet', name: 'Trygghet och säkerhet' },
      { id: 'tillganglighet', name: 'Tillgänglighet' },
    ],
    scales: {
      standard: [
        { id: 'ja', label: 'Ja' },
        { id: 'delvis', label: 'Delvis' },
        { id: 'nej', label: 'Nej' },
        { id: 'framgar_ej', label: 'Framgår ej' },
        { id: 'ej_tillampligt', label: 'Ej tillämpligt', applicable: false },
      ],
    },
    questions: [
      { id: 'T1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns ett beslut?', guidance: 'Titta i beslutet och uppdraget.' },
      { id: 'T2', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns en genomförandeplan?' },
      { id: 'T3', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Är journalen löpande?' },
      { id: 'A1', area: 'tillganglighet', type: 'date', text: 'När startade insatsen?' },
      { id: 'A2', area: 'tillganglighet', type: 'choice', multiple: true, text: 'Hur anpassades mötena?', options: [
        { id: 'kvall', label: 'Kvällstid' },
        { id: 'hembesok', label: 'Hembesök' },
        { id: 'tolk', label: 'Tolk' },
      ] },
    ],
  };
}
