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
  /** The template reviews.createExample uses when no review names one (the core uses its bundled template). */
  exampleTemplate?: Template;
  readonly calls: Call[] = [];
  reviews: Review[] = [];
  cases: (CaseFile & { reviewId: string })[] = [];
  sample: SampleRecord | null = null;
  answers = new Map<string, StoredAnswer>();
  audit: { caseId: string; questionId: string; at: string; oldValue: string | null; newValue: string | null; oldNote: string | null; newNote: string | null }[] = [];
  /** What a dry run of cases.import returns (the commit returns it with counts). */
  importPreview?: OutputOf<'cases.import'>;
  /** The committing cases.import waits for this, so a test can see its progress. */
  importGate: Promise<void> = Promise.resolve();
  /** What imports.progress answers meanwhile. */
  importProgress: OutputOf<'imports.progress'>['progress'] = null;
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
      example: false,
      deletable: true,
      publishThreshold: 5,
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
    if (method.startsWith('templates.') || method.startsWith('profile.') || method === 'app.info') return this.templates.transport(method, input);
    this.calls.push({ method, input: structuredClone(i) });
    const queued = this.failures.get(method);
    if (queued?.length) return { ok: false, error: queued.shift()! };
    if (method === 'answers.save') await this.saveGate;
    if (method === 'cases.import' && !i.dryRun) await this.importGate;
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

  /**
   * A sample over the review's cases, in the order given (each unit's seeded order follows it). A
   * dropped file and its replacement share `changedAt`, as the core records them.
   */
  setSample(entries: { ref: string; status: SampleRecord['cases'][number]['status']; changedAt?: string }[], overrides: Partial<SampleRecord> = {}): SampleRecord {
    const perUnit = new Map<string, number>();
    const cases = entries.map((e) => {
      const c = this.cases.find((x) => x.ref === e.ref)!;
      perUnit.set(c.unit, (perUnit.get(c.unit) ?? 0) + 1);
      return {
        caseId: c.id,
        ref: c.ref,
        unit: c.unit,
        seededOrder: perUnit.get(c.unit)!,
        status: e.status,
        dropoutReason: e.status === 'dropped' ? ('ej_framtagbar' as const) : null,
        dropoutNote: null,
        changedAt: e.changedAt ?? null,
        changedBy: e.changedAt ? 'granskare' : null,
        done: c.done,
      };
    });
    const frame: Record<string, number> = {};
    for (const c of this.cases) frame[c.unit] = (frame[c.unit] ?? 0) + 1;
    this.sample = {
      seed: 'frö-1',
      method: { kind: 'per-unit', n: 2 },
      drawnAt: '2026-01-02T08:00:00.000Z',
      drawnBy: 'granskare',
      frame,
      sample: cases.filter((c) => c.status === 'selected' || c.status === 'replacement').map((c) => c.caseId),
      cases,
      scoringStarted: false,
      ...overrides,
    };
    return this.sample;
  }

  /** Any answer or done mark on a file of the review, as the core decides it. */
  private scoringStarted(reviewId: string): boolean {
    return this.cases.some((c) => c.reviewId === reviewId && (c.done || [...this.answers.keys()].some((k) => k.startsWith(`${c.id}/`))));
  }

  /** cases.list: a case-insensitive search on reference or unit, one unit, one page. */
  private listCases(i: Record<string, unknown>) {
    const query = typeof i.query === 'string' ? i.query.toLowerCase() : '';
    const matching = this.cases
      .filter((c) => c.reviewId === i.reviewId)
      .filter((c) => !query || c.ref.toLowerCase().includes(query) || c.unit.toLowerCase().includes(query))
      .filter((c) => i.unit === undefined || c.unit === i.unit);
    const offset = (i.offset as number | undefined) ?? 0;
    const page = i.limit === undefined ? matching.slice(offset) : matching.slice(offset, offset + (i.limit as number));
    return { cases: page.map(({ reviewId: _r, ...c }) => c), total: matching.length };
  }

  /** scoring.overview: the sample's files (or every file without one), per unit, and the next file not done. */
  private overview(reviewId: string) {
    const template = this.template(reviewId);
    const review = this.review(reviewId);
    const ofReview = this.cases.filter((c) => c.reviewId === reviewId);
    const inSample = this.sample?.cases.filter((s) => s.status === 'selected' || s.status === 'replacement');
    const files = inSample ? inSample.map((s) => ({ c: ofReview.find((c) => c.id === s.caseId)!, status: s.status as 'selected' | 'replacement' })) : ofReview.map((c) => ({ c, status: null }));
    const cases = files.map(({ c, status }) => {
      const progress = this.progress(c.id, template);
      return { caseId: c.id, ref: c.ref, unit: c.unit, sex: c.sex, ageBand: c.ageBand, status, markedDone: c.done, done: c.done && progress.requiredMissing === 0, progress };
    });
    const sum = (k: 'answered' | 'total' | 'requiredMissing') => cases.reduce((s, c) => s + c.progress[k], 0);
    const unitNames = [...new Set([...review.units, ...ofReview.map((c) => c.unit)])];
    const units = unitNames.map((unit) => {
      const mine = cases.filter((c) => c.unit === unit);
      const done = mine.filter((c) => c.done).length;
      const dropped = this.sample?.cases.filter((s) => s.unit === unit && s.status === 'dropped').length ?? 0;
      return { unit, sampled: mine.length, done, left: mine.length - done, dropped };
    });
    const ordered = unitNames.flatMap((u) => cases.filter((c) => c.unit === u));
    const next = ordered.find((c) => !c.done);
    return {
      cases,
      progress: { answered: sum('answered'), total: sum('total'), requiredMissing: sum('requiredMissing') },
      units,
      files: { total: cases.length, done: cases.filter((c) => c.done).length },
      next: next ? { caseId: next.caseId, ref: next.ref, unit: next.unit } : null,
      hasSample: this.sample !== null,
      scoringStarted: this.scoringStarted(reviewId),
    };
  }

  /** What the sample says about scoring a file, as the core decides it (scoring.caseView's `access`). */
  private access(caseId: string) {
    const entry = this.sample?.cases.find((s) => s.caseId === caseId);
    if (!this.sample) return { scorable: true, sampleStatus: 'no_sample' as const, reason: null, replacedBy: null };
    if (!entry) return { scorable: false, sampleStatus: 'outside' as const, reason: 'Ej i urvalet – akten ingår inte i granskningens urval.', replacedBy: null };
    if (entry.status === 'selected' || entry.status === 'replacement') return { scorable: true, sampleStatus: entry.status, reason: null, replacedBy: null };
    const replacement = entry.status === 'dropped' ? this.sample.cases.find((s) => s.status === 'replacement' && s.changedAt !== null && s.changedAt === entry.changedAt) : undefined;
    return {
      scorable: false,
      sampleStatus: entry.status,
      reason: entry.status === 'dropped' ? `Bortfall${replacement ? ` – ersatt av akt ${replacement.ref}` : ''}` : 'Reserv – akten ingår inte i urvalet.',
      replacedBy: replacement ? { caseId: replacement.caseId, ref: replacement.ref } : null,
    };
  }

  private requireScorable(caseId: string): void {
    const access = this.access(caseId);
    if (!access.scorable) throw { code: 'VALIDATION', message: `Akten kan inte granskas: ${access.reason}` } satisfies ApiError;
  }

  /** cases.setDone refuses a file with required questions unanswered, naming them as the core does. */
  private requireComplete(caseId: string, template: Template): void {
    const missing = template.questions.filter((q) => q.required && (this.answers.get(`${caseId}/${q.id}`)?.value ?? null) === null);
    if (missing.length === 0) return;
    throw {
      code: 'VALIDATION',
      message: `${missing.length} obligatoriska frågor saknar svar: ${missing.map((q) => q.id).join(', ')}.`,
      issues: missing.map((q) => ({ path: `$.answers.${q.id}`, message: `Fråga ${q.id} saknar svar.` })),
    } satisfies ApiError;
  }

  /** The next file not done after this one, wrapping, never this one (scoring.caseView's `next`). */
  private nextAfter(reviewId: string, caseId: string) {
    const order = this.overview(reviewId).cases;
    const at = order.findIndex((c) => c.caseId === caseId);
    const next = [...order.slice(at + 1), ...order.slice(0, Math.max(at, 0))].find((c) => !c.done && c.caseId !== caseId);
    return next ? { caseId: next.caseId, ref: next.ref } : null;
  }

  private handle(method: string, i: Record<string, unknown>): unknown {
    switch (method) {
      case 'reviews.list':
        return { reviews: this.reviews.filter((r) => i.includeArchived || !r.archived) };
      case 'reviews.get':
        return { ...this.review(i.reviewId), caseCount: this.cases.filter((c) => c.reviewId === i.reviewId).length };
      case 'reviews.create': {
        const template = this.templates.latest(i.templateId as string)!;
        const { templateId: _t, templateVersion: _v, ...fields } = i;
        const same = (a: unknown, b: unknown) => String(a ?? '').trim().toLowerCase() === String(b ?? '').trim().toLowerCase();
        const twin = i.dnr ? this.reviews.find((r) => same(r.dnr, i.dnr) && same(r.title, i.title)) : undefined;
        const warnings = twin ? [`Det finns redan en granskning med Dnr ${twin.dnr} och titeln "${twin.title}".`] : [];
        return { id: this.addReview(template, fields as Partial<Review>).id, warnings };
      }
      case 'reviews.createExample': {
        const existing = this.reviews.find((r) => r.example && !r.archived);
        if (existing) return { id: existing.id };
        const template = this.templates.latest(this.reviews[0]?.templateId ?? '') ?? this.exampleTemplate;
        if (!template) throw { code: 'NOT_FOUND', message: 'Ingen mall för exemplet.' } satisfies ApiError;
        return { id: this.addReview(template, { title: 'Exempelgranskning: öppenvård barn 0–12 år', dnr: null, example: true, createdBy: 'Karin Granskare' }).id };
      }
      case 'reviews.delete': {
        const r = this.review(i.reviewId);
        if (!r.deletable) throw { code: 'CONFLICT', message: `Granskningen "${r.title}" kan inte tas bort eftersom arbete har registrerats i den. Arkivera den i stället.` } satisfies ApiError;
        this.reviews = this.reviews.filter((x) => x !== r);
        return { deleted: true };
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
        return this.listCases(i);
      case 'imports.progress':
        return { progress: this.importProgress };
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
        return this.sample && { ...this.sample, scoringStarted: this.sample.scoringStarted || this.scoringStarted(i.reviewId as string) };
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
          access: this.access(c.id),
          period: { from: this.review(i.reviewId).periodFrom, to: this.review(i.reviewId).periodTo },
          next: this.nextAfter(i.reviewId as string, c.id),
        };
      }
      case 'scoring.overview':
        return this.overview(i.reviewId as string);
      case 'answers.save': {
        const template = this.template(i.reviewId);
        const c = this.caseOf(i.reviewId, i.caseId);
        const q = template.questions.find((x) => x.id === i.questionId);
        if (!q) throw { code: 'VALIDATION', message: `Frågan "${String(i.questionId)}" finns inte i granskningens mall.` } satisfies ApiError;
        this.requireScorable(c.id);
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
        this.requireScorable(c.id);
        if (i.done) this.requireComplete(c.id, this.template(i.reviewId));
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
