import { locateJsonSyntaxError } from '../validation/json-syntax';
import type { Issue } from '../result';
import { toJsonPath } from '../util/json-path';
import { issuesFromZod } from '../validation/zod-issues';
import { TEMPLATE_FORMAT, TemplateSchema, QUESTION_TYPES, type Template } from './schema';

export type TemplateParse = { ok: true; template: Template } | { ok: false; issues: Issue[] };

/**
 * Parses a review template from untrusted data (a file, a request) and reports every problem
 * with its JSON path: first the shape (zod), then the rules that span fields (unique ids,
 * references to areas and scales). Nothing is partially accepted.
 */
export function parseTemplate(data: unknown): TemplateParse {
  const pre = precheck(data);
  if (pre.length > 0) return { ok: false, issues: pre };
  const parsed = TemplateSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  const issues = crossFieldIssues(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, template: parsed.data };
}

/** Parses JSON text first, so a syntax error is reported the same way as any other problem. */
export function parseTemplateText(text: string): TemplateParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The engine's own text is English and differs between engines: say where, in Swedish.
    const at = locateJsonSyntaxError(text.replace(/^\uFEFF/, ''));
    const where = at.atEnd ? 'filen tar slut för tidigt' : `fel på rad ${at.line}, kolumn ${at.column}`;
    return { ok: false, issues: [{ path: '$', message: `Filen är inte giltig JSON (${where}).` }] };
  }
  return parseTemplate(data);
}

/** Clear messages for the two mistakes zod would report confusingly: not a template at all, wrong format. */
function precheck(data: unknown): Issue[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [{ path: '$', message: 'Filen ska innehålla ett JSON-objekt med en granskningsmall.' }];
  }
  const format = (data as Record<string, unknown>).format;
  if (format !== TEMPLATE_FORMAT) {
    return [{
      path: '$.format',
      message: format === undefined
        ? `Nyckeln "format" saknas; en granskningsmall ska ha "format": "${TEMPLATE_FORMAT}".`
        : `Formatet ${JSON.stringify(format)} stöds inte; denna version läser "${TEMPLATE_FORMAT}".`,
    }];
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
  return issues;
}

function crossFieldIssues(t: Template): Issue[] {
  const issues: Issue[] = [];
  const add = (path: PropertyKey[], message: string) => issues.push({ path: toJsonPath(path), message });

  const areaIds = new Set<string>();
  t.areas.forEach((a, i) => {
    if (areaIds.has(a.id)) add(['areas', i, 'id'], `Kvalitetsområdet "${a.id}" finns redan; id måste vara unika.`);
    areaIds.add(a.id);
  });

  for (const [scaleId, steps] of Object.entries(t.scales)) {
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
  t.questions.forEach((q, i) => {
    if (questionIds.has(q.id)) add(['questions', i, 'id'], `Fråge-id "${q.id}" finns redan; varje fråga måste ha ett unikt id.`);
    questionIds.add(q.id);
    if (!areaIds.has(q.area)) {
      add(['questions', i, 'area'], `Okänt kvalitetsområde "${q.area}". Finns: ${[...areaIds].join(', ')}.`);
    }
    if (q.type === 'scale' && !(q.scale in t.scales)) {
      const known = Object.keys(t.scales);
      add(['questions', i, 'scale'], `Skalan "${q.scale}" saknas under "scales"${known.length ? ` (finns: ${known.join(', ')})` : ''}.`);
    }
    if (q.type === 'choice') {
      const optionIds = new Set<string>();
      const keys = new Set<string>();
      q.options.forEach((o, j) => {
        if (optionIds.has(o.id)) add(['questions', i, 'options', j, 'id'], `Alternativet "${o.id}" finns redan i frågan "${q.id}"; alternativens id måste vara unika.`);
        optionIds.add(o.id);
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
  return issues;
}
