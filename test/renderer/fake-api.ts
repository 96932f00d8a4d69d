import { createApiClient, type Transport } from '../../renderer/src/api/client';
import type { Profile } from '../../shared/contract/profile';
import type { TemplateSummary } from '../../shared/contract/templates';
import type { ApiError, Result } from '../../shared/result';
import { blankTemplate } from '../../shared/templates/defaults';
import type { Template } from '../../shared/templates/schema';
import { parseTemplate, parseTemplateFile } from '../../shared/templates/validate';

interface Stored {
  template: Template;
  origin: TemplateSummary['origin'];
  frozen: boolean;
}

export interface Call {
  method: string;
  input: Record<string, unknown>;
}

/**
 * An in-memory stand-in for the core's template handlers, enough for the screens: it keeps
 * versions, refuses bundled edits, turns saves of frozen versions into new versions, and
 * validates imports with the same shared rules.
 */
export class FakeApi {
  readonly calls: Call[] = [];
  private store: Stored[] = [];
  private failures = new Map<string, ApiError[]>();
  /** Who works here: a profile by default, so screens open as after the first start; null shows the first-start prompt. */
  profile: Profile | null = { name: 'Karin Granskare', title: 'Socialtjänstinspektör', role: 'granskare' };
  /** Saves wait for this before answering, so a test can look at "Sparar…". */
  saveGate: Promise<void> = Promise.resolve();

  add(template: Template, origin: Stored['origin'] = 'user', frozen = false): this {
    this.store.push({ template: structuredClone(template), origin, frozen });
    return this;
  }

  /** The next call of `method` fails with this error. */
  failNext(method: string, error: ApiError): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  latest(id: string): Template | undefined {
    return this.versions(id).at(-1)?.template;
  }

  callsOf(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  readonly transport: Transport = async (method, input) => {
    const i = (input ?? {}) as Record<string, unknown>;
    this.calls.push({ method, input: structuredClone(i) });
    const queued = this.failures.get(method);
    if (queued?.length) return { ok: false, error: queued.shift()! };
    try {
      if (method === 'templates.save') await this.saveGate;
      return { ok: true, value: this.handle(method, i) };
    } catch (error) {
      if (isApiError(error)) return { ok: false, error } as Result<unknown>;
      throw error;
    }
  };

  readonly client = createApiClient(this.transport);

  private versions(id: string): Stored[] {
    return this.store.filter((s) => s.template.id === id).sort((a, b) => a.template.version - b.template.version);
  }

  private require(id: string, version?: number): Stored {
    const all = this.versions(id);
    const found = version === undefined ? all.at(-1) : all.find((s) => s.template.version === version);
    if (!found) throw { code: 'NOT_FOUND', message: `Det finns ingen mall med id "${id}".` } satisfies ApiError;
    return found;
  }

  private uniqueId(wanted: string): string {
    if (this.versions(wanted).length === 0) return wanted;
    for (let n = 2; ; n++) if (this.versions(`${wanted}-${n}`).length === 0) return `${wanted}-${n}`;
  }

  private handle(method: string, i: Record<string, unknown>): unknown {
    switch (method) {
      case 'app.info':
        return { appVersion: '0.1.0-test', schemaVersion: 1, dbPath: '/tmp/test.sqlite' };
      case 'profile.get':
        return { profile: this.profile, actor: this.profile?.name ?? 'datoranvandare' };
      case 'profile.save': {
        const name = String(i.name ?? '').trim();
        if (!name) throw { code: 'VALIDATION', message: 'Indata har ett fel.', issues: [{ path: '$.name', message: 'Får inte vara tomt.' }] } satisfies ApiError;
        this.profile = { name, title: String(i.title ?? '').trim(), role: i.role as Profile['role'] };
        return { profile: this.profile, actor: name };
      }
      case 'templates.list': {
        const ids = [...new Set(this.store.map((s) => s.template.id))].sort((a, b) => this.require(a).template.name.localeCompare(this.require(b).template.name, 'sv'));
        return {
          templates: ids.map((id) => {
            const s = this.require(id);
            return {
              id,
              name: s.template.name,
              version: s.template.version,
              versions: this.versions(id).map((v) => v.template.version),
              targetGroup: s.template.targetGroup,
              origin: s.origin,
              areaCount: s.template.areas.length,
              questionCount: s.template.questions.length,
              frozen: s.frozen,
              updatedAt: '2026-11-23T09:00:00.000Z',
            } satisfies TemplateSummary;
          }),
        };
      }
      case 'templates.get': {
        const s = this.require(i.id as string, i.version as number | undefined);
        return { template: structuredClone(s.template), origin: s.origin, frozen: s.frozen, versions: this.versions(s.template.id).map((v) => v.template.version), updatedAt: '2026-11-23T09:00:00.000Z' };
      }
      case 'templates.create': {
        const name = i.name as string;
        const from = i.from as { id: string } | undefined;
        const id = this.uniqueId(name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'mall');
        const template = from ? { ...structuredClone(this.require(from.id).template), id, name, version: 1 } : blankTemplate(id, name);
        const warnings = this.store.some((x) => x.template.name.toLowerCase() === name.toLowerCase()) ? [`Det finns redan en mall som heter "${name}".`] : [];
        this.add(template, 'user');
        return { id, version: 1, warnings };
      }
      case 'templates.save': {
        const parsed = parseTemplate(i.template);
        if (!parsed.ok) throw { code: 'VALIDATION', message: 'Mallen sparades inte.', issues: parsed.issues.map((x) => ({ ...x, path: x.path.replace(/^\$/, '$.template') })) } satisfies ApiError;
        const t = parsed.template;
        const existing = this.require(t.id, t.version);
        if (existing.origin === 'bundled') throw { code: 'FROZEN', message: 'Inbyggd mall kan inte ändras.' } satisfies ApiError;
        if (existing.frozen) {
          const next = Math.max(...this.versions(t.id).map((v) => v.template.version)) + 1;
          this.add({ ...t, version: next }, existing.origin);
          return { id: t.id, version: next, newVersion: true };
        }
        existing.template = structuredClone(t);
        return { id: t.id, version: t.version, newVersion: false };
      }
      case 'templates.import': {
        const parsed = parseTemplateFile(typeof i.text === 'string' ? { text: i.text } : { document: i.document });
        if (!parsed.ok) throw { code: 'VALIDATION', message: `Mallen importerades inte: ${parsed.issues.length} fel i filen.`, issues: parsed.issues } satisfies ApiError;
        let t = parsed.template;
        const existing = this.versions(t.id).find((s) => s.template.version === t.version);
        if (existing) {
          const stored = parseTemplate(existing.template);
          if (stored.ok && JSON.stringify(stored.template) === JSON.stringify(t)) return { id: t.id, version: t.version, name: t.name, status: 'identical', warnings: [] };
          if (!i.asCopy) throw { code: 'CONFLICT', message: `Mallen "${t.id}" version ${t.version} finns redan med annat innehåll.` } satisfies ApiError;
          t = { ...t, id: this.uniqueId(t.id), version: 1 };
        }
        const warnings = this.store.some((x) => x.template.id !== t.id && x.template.name.toLowerCase() === t.name.toLowerCase()) ? [`Det finns redan en mall som heter "${t.name}".`] : [];
        this.add(t, 'imported');
        return { id: t.id, version: t.version, name: t.name, status: 'imported', warnings };
      }
      case 'templates.export': {
        const s = this.require(i.id as string, i.version as number | undefined);
        return { document: structuredClone(s.template), fileName: `${s.template.id}-v${s.template.version}.granskningsmall.json` };
      }
      case 'templates.delete': {
        const s = this.require(i.id as string);
        if (s.origin === 'bundled') throw { code: 'FROZEN', message: 'Inbyggd mall kan inte tas bort.' } satisfies ApiError;
        const before = this.store.length;
        this.store = this.store.filter((x) => x.template.id !== i.id);
        return { id: i.id, deletedVersions: before - this.store.length };
      }
      default:
        throw { code: 'UNKNOWN_METHOD', message: `Okänd åtgärd: ${method}` } satisfies ApiError;
    }
  }
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** A small template with two areas and three questions, for store and component tests. */
export function sampleTemplate(overrides: Partial<Template> = {}): Template {
  return {
    format: 'granskningsmall/1',
    id: 'prov',
    name: 'Provmall',
    version: 1,
    targetGroup: 'barn',
    areas: [
      { id: 'trygghet', name: 'Trygghet och säkerhet' },
      { id: 'tillganglighet', name: 'Tillgänglighet' },
    ],
    scales: {
      standard: [
        { id: 'ja', label: 'Ja' },
        { id: 'nej', label: 'Nej' },
        { id: 'ej_tillampligt', label: 'Ej tillämpligt', applicable: false },
      ],
    },
    questions: [
      { id: 'T1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns ett beslut?', required: true },
      { id: 'T2', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns en genomförandeplan?' },
      { id: 'T3', area: 'trygghet', type: 'date', text: 'När fattades beslutet?' },
      { id: 'A1', area: 'tillganglighet', type: 'number', text: 'Dagar till start?', integer: true, min: 0, unit: 'dagar' },
    ],
    ...overrides,
  };
}
