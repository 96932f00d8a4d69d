import { locateJsonSyntaxError } from '../validation/json-syntax';
import { reservedKeyIssues } from '../validation/reserved-keys';
import type { Issue } from '../result';
import { toJsonPath } from '../util/json-path';
import { issuesFromZod } from '../validation/zod-issues';
import { placeTemplateIssues } from './issue-places';
import { AreaSchema, MeasureSchema, QuestionSchema, ScaleStepSchema, TEMPLATE_FORMAT, TemplateSchema, QUESTION_TYPES, type Area, type Measure, type Question, type ScaleStep, type Template } from './schema';

export type TemplateParse = { ok: true; template: Template } | { ok: false; issues: Issue[] };

/**
 * Parses a review template from untrusted data (a file, a request) and reports every problem
 * with its JSON path in one go: the shape (zod) of every part, and the rules that span fields
 * (unique ids, references to areas and scales) computed on whatever parts did parse, so a file
 * with an unknown question type still hears about its duplicate ids. Nothing is partially accepted.
 */
export function parseTemplate(data: unknown): TemplateParse {
  const pre = precheck(data);
  if (pre.fatal) return { ok: false, issues: pre.issues };
  const parsed = TemplateSchema.safeParse(data, { reportInput: true });
  if (parsed.success) {
    const issues = crossFieldIssues(partsOf(parsed.data));
    return issues.length > 0 ? { ok: false, issues } : { ok: true, template: parsed.data };
  }
  // The precheck already said what is wrong with a question's type, in words; zod's discriminator note would repeat it.
  const typePaths = new Set(pre.issues.map((i) => i.path));
  const structural = [...pre.issues, ...issuesFromZod(parsed.error).filter((i) => !typePaths.has(i.path))];
  const taken = new Set(structural.map((i) => i.path));
  const semantic = crossFieldIssues(partsOf(data as Record<string, unknown>)).filter((i) => !taken.has(i.path));
  return { ok: false, issues: inDocumentOrder([...structural, ...semantic]) };
}

/** Parses JSON text first, so a syntax error is reported the same way as any other problem. */
export function parseTemplateText(text: string): TemplateParse {
  const read = readJson(text);
  return read.ok ? parseTemplate(read.data) : { ok: false, issues: read.issues };
}

/**
 * A file a person hands in (import): as parseTemplateText or parseTemplate, and every message also
 * says where in words ("Fråga 4 (H2): Okänd frågetyp …"), since the reader has no editor to point at.
 */
export function parseTemplateFile(input: { text: string } | { document: unknown }): TemplateParse {
  const read = 'text' in input ? readJson(input.text) : { ok: true as const, data: input.document };
  if (!read.ok) return { ok: false, issues: read.issues };
  const parsed = parseTemplate(read.data);
  return parsed.ok ? parsed : { ok: false, issues: placeTemplateIssues(read.data, parsed.issues) };
}

function readJson(text: string): { ok: true; data: unknown } | { ok: false; issues: Issue[] } {
  const clean = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(clean);
  } catch {
    // The engine's own text is English and differs between engines: say where, in Swedish.
    const at = locateJsonSyntaxError(clean);
    const where = at.atEnd ? 'filen tar slut för tidigt' : `fel på rad ${at.line}, kolumn ${at.column}`;
    return { ok: false, issues: [{ path: '$', message: `Filen är inte giltig JSON (${where}).` }] };
  }
  // Dispatch refuses reserved keys in every input, but this text is parsed here, after dispatch.
  const reserved = reservedKeyIssues(data);
  return reserved.length > 0 ? { ok: false, issues: reserved } : { ok: true, data };
}

const TOP_LEVEL_ORDER = Object.keys(TemplateSchema.shape);

/** Issues as the file reads, top to bottom: by top-level key, then by position in its list (stable within one entry). */
function inDocumentOrder(issues: Issue[]): Issue[] {
  const key = (path: string) => {
    const top = /^\$\.([A-Za-z_$][\w$]*)/.exec(path)?.[1];
    const rank = top === undefined ? -1 : TOP_LEVEL_ORDER.indexOf(top);
    const index = /^\$\.[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])?\[(\d+)\]/.exec(path)?.[1];
    return [rank === -1 && top !== undefined ? TOP_LEVEL_ORDER.length : rank, index === undefined ? -1 : Number(index)];
  };
  return issues
    .map((issue, order) => ({ issue, order, key: key(issue.path) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.order - b.order)
    .map((x) => x.issue);
}

/**
 * Clear messages for the mistakes zod would report confusingly: not a template at all or a wrong
 * format (fatal: nothing else is worth saying), and unknown question types (reported with the rest).
 */
function precheck(data: unknown): { fatal: boolean; issues: Issue[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { fatal: true, issues: [{ path: '$', message: 'Filen ska innehålla ett JSON-objekt med en granskningsmall.' }] };
  }
  const format = (data as Record<string, unknown>).format;
  if (format !== TEMPLATE_FORMAT) {
    return { fatal: true, issues: [{
      path: '$.format',
      message: format === undefined
        ? `Nyckeln "format" saknas; en granskningsmall ska ha "format": "${TEMPLATE_FORMAT}".`
        : `Formatet ${JSON.stringify(format)} stöds inte; denna version läser "${TEMPLATE_FORMAT}".`,
    }] };
  }
  const issues: Issue[] = [];
  const questions = (data as Record<string, unknown>).questions;
  if (Array.isArray(questions)) {
    questions.forEach((q, i) => {
      const type = (q as Record<string, unknown> | null)?.type;
      if (typeof q === 'object' && q !== null && !QUESTION_TYPES.includes(type as never)) {
        issues.push({
          path: toJsonPath(['questions', i, 'type']),
          message: type === undefined
            ? `Frågetyp saknas. Tillåtna typer: ${QUESTION_TYPES.join(', ')}.`
            : `Okänd frågetyp ${JSON.stringify(type)}. Tillåtna typer: ${QUESTION_TYPES.join(', ')}.`,
        });
      }
    });
  }
  return { fatal: false, issues };
}

/**
 * The parts of a template the cross-field rules read, each only if it parsed on its own. Ids and
 * areas named by a question count even when the rest of the question is broken (a duplicate id is
 * a duplicate whatever the question's type); what is known to exist counts every spelt id, so a
 * broken area never makes its questions' references look unknown.
 */
interface TemplateParts {
  areas: { index: number; area: Area }[];
  scales: [string, ScaleStep[]][];
  knownAreas: string[];
  knownScales: string[];
  questions: { index: number; id?: string; area?: string; question?: Question }[];
  measures: { index: number; measure: Measure }[];
}

function partsOf(t: Record<string, unknown>): TemplateParts {
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const field = (value: unknown, key: string): string | undefined => {
    const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return typeof v === 'string' ? v : undefined;
  };
  const areas = list(t.areas).flatMap((a, index) => {
    const parsed = AreaSchema.safeParse(a);
    return parsed.success ? [{ index, area: parsed.data }] : [];
  });
  const rawScales = typeof t.scales === 'object' && t.scales !== null && !Array.isArray(t.scales) ? Object.entries(t.scales) : [];
  const scales = rawScales.flatMap(([id, steps]): [string, ScaleStep[]][] => {
    const parsed = ScaleStepSchema.array().min(2).safeParse(steps);
    return parsed.success ? [[id, parsed.data]] : [];
  });
  return {
    areas,
    scales,
    knownAreas: list(t.areas).flatMap((a) => field(a, 'id') ?? []),
    knownScales: rawScales.map(([id]) => id),
    questions: list(t.questions).map((q, index) => {
      const parsed = QuestionSchema.safeParse(q);
      return { index, id: field(q, 'id'), area: field(q, 'area'), ...(parsed.success ? { question: parsed.data } : {}) };
    }),
    measures: list(t.measures).flatMap((m, index) => {
      const parsed = MeasureSchema.safeParse(m);
      return parsed.success ? [{ index, measure: parsed.data }] : [];
    }),
  };
}

function crossFieldIssues(t: TemplateParts): Issue[] {
  const issues: Issue[] = [];
  const add = (path: PropertyKey[], message: string) => issues.push({ path: toJsonPath(path), message });

  const areaIds = new Set<string>();
  t.areas.forEach(({ index: i, area: a }) => {
    if (areaIds.has(a.id)) add(['areas', i, 'id'], `Kvalitetsområdet "${a.id}" finns redan; id måste vara unika.`);
    areaIds.add(a.id);
  });
  const knownAreas = [...new Set(t.knownAreas)];

  for (const [scaleId, steps] of t.scales) {
    const seen = new Set<string>();
    const keys = new Set<string>();
    steps.forEach((s, i) => {
      if (seen.has(s.id)) add(['scales', scaleId, i, 'id'], `Svarsalternativet "${s.id}" finns redan i skalan "${scaleId}".`);
      seen.add(s.id);
      if (s.key !== undefined) {
        const key = s.key.toLowerCase();
        if (keys.has(key)) add(['scales', scaleId, i, 'key'], `Tangenten "${s.key}" används redan i skalan "${scaleId}".`);
        keys.add(key);
      }
    });
    if (!steps.some((s) => s.applicable !== false)) {
      add(['scales', scaleId], `Skalan "${scaleId}" måste ha minst ett svarsalternativ som räknas (applicable).`);
    }
  }

  const questionIds = new Set<string>();
  t.questions.forEach(({ index: i, id, area, question: q }) => {
    if (id !== undefined && questionIds.has(id)) add(['questions', i, 'id'], `Fråge-id "${id}" finns redan; varje fråga måste ha ett unikt id.`);
    if (id !== undefined) questionIds.add(id);
    if (area !== undefined && !knownAreas.includes(area)) {
      add(['questions', i, 'area'], `Okänt kvalitetsområde "${area}". Finns: ${knownAreas.join(', ')}.`);
    }
    if (!q) return;
    if (q.type === 'scale' && !t.knownScales.includes(q.scale)) {
      const known = t.knownScales;
      add(['questions', i, 'scale'], `Skalan "${q.scale}" saknas under "scales"${known.length ? ` (finns: ${known.join(', ')})` : ''}.`);
    }
    if (q.type === 'choice') {
      const optionIds = new Set<string>();
      const keys = new Set<string>();
      q.options.forEach((o, j) => {
        if (optionIds.has(o.id)) add(['questions', i, 'options', j, 'id'], `Alternativet "${o.id}" finns redan i frågan "${q.id}"; alternativens id måste vara unika.`);
        optionIds.add(o.id);
        if (o.exclusive && !q.multiple) {
          add(['questions', i, 'options', j, 'exclusive'], `Alternativet "${o.id}" i frågan "${q.id}" kan inte utesluta andra val: bara en fråga med flera svar kan ha uteslutande alternativ.`);
        }
        if (o.key !== undefined) {
          const key = o.key.toLowerCase();
          if (keys.has(key)) add(['questions', i, 'options', j, 'key'], `Tangenten "${o.key}" används redan i frågan "${q.id}".`);
          keys.add(key);
        }
      });
    }
    if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) {
      add(['questions', i, 'min'], `Minsta värde (${q.min}) är större än högsta värde (${q.max}).`);
    }
    q.legal?.forEach((ref, j) => {
      if (ref.validFrom && ref.validTo && ref.validFrom > ref.validTo) {
        add(['questions', i, 'legal', j, 'validTo'], `"validTo" (${ref.validTo}) ligger före "validFrom" (${ref.validFrom}).`);
      }
    });
  });
  measureIssues(t, add);
  return issues;
}

/** A measure names two different questions of the type its kind needs: dates for an interval, numbers for a ratio. */
function measureIssues(t: TemplateParts, add: (path: PropertyKey[], message: string) => void): void {
  const types = new Map(t.questions.flatMap(({ id, question }) => (id !== undefined && question ? [[id, question.type] as const] : [])));
  const known = new Set(t.questions.flatMap(({ id }) => (id === undefined ? [] : [id])));
  const ids = new Set<string>();
  for (const { index: i, measure: m } of t.measures) {
    if (ids.has(m.id)) add(['measures', i, 'id'], `Måttet "${m.id}" finns redan; id måste vara unika.`);
    ids.add(m.id);
    const needed = m.kind === 'interval' ? 'date' : 'number';
    const word = m.kind === 'interval' ? 'en datumfråga' : 'en sifferfråga';
    for (const end of ['from', 'to'] as const) {
      const id = m[end];
      if (!known.has(id)) add(['measures', i, end], `Måttet "${m.id}" hänvisar till frågan "${id}", som inte finns.`);
      else if (types.has(id) && types.get(id) !== needed) add(['measures', i, end], `Måttet "${m.id}": frågan "${id}" måste vara ${word}.`);
    }
    if (m.from === m.to) add(['measures', i, 'to'], `Måttet "${m.id}" måste jämföra två olika frågor.`);
  }
}
