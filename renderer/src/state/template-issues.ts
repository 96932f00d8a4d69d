import type { Issue } from '../../../shared/result';
import type { Template } from '../../../shared/templates/schema';
import { parseTemplate } from '../../../shared/templates/validate';

/**
 * Local validation with the same rules the server applies (shared/templates/validate), so
 * problems show next to the field before anything is sent. A duplicate question id is marked on
 * every question that has it, not only the later one, so the field being edited shows it too.
 */
export function localIssues(template: Template): Issue[] {
  const parsed = parseTemplate(template);
  if (parsed.ok) return [];
  const issues = [...parsed.issues];
  const seen = new Set(issues.map((i) => `${i.path}\n${i.message}`));
  for (const issue of parsed.issues) {
    const m = /^\$\.questions\[(\d+)\]\.id$/.exec(issue.path);
    if (!m || !/finns redan/.test(issue.message)) continue;
    const dupId = template.questions[Number(m[1])]?.id;
    template.questions.forEach((q, i) => {
      const path = `$.questions[${i}].id`;
      const key = `${path}\n${issue.message}`;
      if (q.id === dupId && !seen.has(key)) {
        seen.add(key);
        issues.push({ path, message: issue.message });
      }
    });
  }
  return issues.sort((a, b) => sortKey(a.path).localeCompare(sortKey(b.path)));
}

/** Orders paths as they appear on screen: `$.questions[2]` before `$.questions[10]`. */
const sortKey = (path: string): string => path.replace(/\d+/g, (n) => n.padStart(6, '0'));

/** The server reports save problems under `$.template…`; the editor's fields know paths from the template root. */
export const fromSavePath = (path: string): string => path.replace(/^\$\.template(?=[.[]|$)/, '$');

/** A stable DOM id for the field that edits the value at a JSON path. */
export const fieldDomId = (path: string): string => `f${path.replace(/^\$/, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '')}`;

const fieldNames: Record<string, string> = {
  id: 'Id',
  name: 'Namn',
  text: 'Frågetext',
  guidance: 'Bedömningsstöd',
  description: 'Beskrivning',
  targetGroup: 'Målgrupp',
  area: 'Kvalitetsområde',
  scale: 'Skala',
  options: 'Svarsalternativ',
  label: 'Text',
  min: 'Minsta värde',
  max: 'Högsta värde',
  unit: 'Enhet',
  legal: 'Lagrum',
  act: 'Författning',
  chapter: 'Kapitel',
  section: 'Paragraf',
  validFrom: 'Gäller från',
  validTo: 'Gäller till',
  questions: 'Frågor',
  areas: 'Kvalitetsområden',
};

/** "Fråga T1 › Svarsalternativ 2 › Text" for an issue path, so the summary reads without JSON. */
export function describePath(template: Template, path: string): string {
  const parts = [...path.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)].map((m) => m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]));
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part === 'questions' && typeof next === 'number') {
      const id = template.questions[next]?.id;
      const shared = id !== undefined && template.questions.filter((q) => q.id === id).length > 1;
      out.push(id ? `Fråga ${id}${shared ? ` (nr ${next + 1} i mallen)` : ''}` : `Fråga nr ${next + 1}`);
      i++;
    } else if (part === 'areas' && typeof next === 'number') {
      out.push(`Kvalitetsområde ${template.areas[next]?.name || next + 1}`);
      i++;
    } else if (part === 'options' && typeof next === 'number') {
      out.push(`Svarsalternativ ${next + 1}`);
      i++;
    } else if (part === 'legal' && typeof next === 'number') {
      out.push(`Lagrum ${next + 1}`);
      i++;
    } else if (typeof part === 'string') {
      out.push(fieldNames[part] ?? part);
    }
  }
  return out.length > 0 ? out.join(' › ') : 'Mallen';
}
