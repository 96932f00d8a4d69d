import type { Issue } from '../result';

/**
 * The Swedish name of every input field people fill in, per method, in one place: dispatch's
 * summary, the CLI's error lines and the renderer's forms all say "Titel saknas." from the same
 * table instead of showing a JSON path such as `$.title`.
 *
 * Keys are paths without the leading `$.` and with list positions written `[]`
 * (`inspectors[].name`); a label may use `{n}`, the 1-based position of the first list index.
 */
type Labels = Readonly<Record<string, string>>;

const REVIEW_FIELDS: Labels = {
  templateId: 'Mall',
  templateVersion: 'Mallens version',
  title: 'Titel',
  subtitle: 'Undertitel',
  dnr: 'Dnr',
  theme: 'Tema',
  periodFrom: 'Period från',
  periodTo: 'Period till',
  referenceDate: 'Referensdatum',
  units: 'Enheter',
  'units[]': 'Enhet {n}',
  inspectors: 'Inspektörer',
  'inspectors[]': 'Inspektör {n}',
  'inspectors[].name': 'Inspektör {n}, namn',
  'inspectors[].phone': 'Inspektör {n}, telefon',
};

/** Fields that mean the same in every method that has them. */
const COMMON: Labels = {
  reviewId: 'Granskning',
  caseId: 'Akt',
  questionId: 'Fråga',
  fileName: 'Filnamn',
  contentBase64: 'Filen',
};

export const FIELD_LABELS: Readonly<Record<string, Labels>> = {
  'reviews.create': REVIEW_FIELDS,
  'reviews.update': REVIEW_FIELDS,
  'sampling.draw': { method: 'Metod', 'method.kind': 'Metod', 'method.n': 'Antal akter', seed: 'Frö', replace: 'Dra om' },
  'sampling.dropout': { reason: 'Skäl', note: 'Anteckning' },
  'results.get': { published: 'Publicerad version', threshold: 'Gräns för små tal', filters: 'Filter', by: 'Uppdelning', compareWith: 'Jämför med granskning' },
  'results.cases': { questionId: 'Fråga', answer: 'Svar', sex: 'Kön', filters: 'Filter', by: 'Uppdelning', group: 'Grupp' },
  'results.export': { format: 'Format', published: 'Publicerad version', threshold: 'Gräns för små tal', filters: 'Filter' },
  'report.save': { revision: 'Version', draft: 'Utkastet', 'draft.header': 'Sidhuvudet', 'draft.header.dnr': 'Dnr', 'draft.header.date': 'Datum', 'draft.header.title': 'Titel', 'draft.header.subtitle': 'Undertitel', 'draft.proposals': 'Förslag till beslut', 'draft.proposals[]': 'Förslag till beslut, punkt {n}', 'draft.sections': 'Avsnitten', 'draft.sections[]': 'Avsnitt {n}', 'draft.signatures': 'Underskrifterna', 'draft.signatures[]': 'Underskrift {n}' },
  'report.submit': { revision: 'Version' },
  'report.approve': { revision: 'Version' },
  'report.reopen': { reason: 'Skäl' },
  'report.export': { document: 'Dokument' },
  'report.settings.save': { administration: 'Förvaltning', department: 'Avdelning', board: 'Nämnd', font: 'Typsnitt' },
  'appendix.add': { title: 'Titel' },
  'appendix.update': { id: 'Bilaga', title: 'Titel', position: 'Plats i ordningen' },
  'appendix.remove': { id: 'Bilaga' },
  'templates.create': { name: 'Namn', from: 'Förlaga', 'from.id': 'Förlaga', 'from.version': 'Förlagans version' },
  'templates.import': { document: 'Mallfilen', text: 'Mallfilen', asCopy: 'Som kopia' },
  'cases.import': {
    mapping: 'Kolumner',
    'mapping.akt': 'Kolumnen för akt',
    'mapping.personnummer': 'Kolumnen för personnummer',
    'mapping.kon': 'Kolumnen för kön',
    'mapping.alder': 'Kolumnen för ålder',
    'mapping.fodelsedatum': 'Kolumnen för födelsedatum',
    'mapping.enhet': 'Kolumnen för enhet',
    onExisting: 'Akter som redan finns',
    unknownUnits: 'Enheter som inte finns i granskningen',
    keyFile: 'Fil för kodnyckeln',
  },
};

const segment = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;

/** `$.inspectors[1].name` → key `inspectors[].name`, positions [1]. */
function keyOf(path: string): { key: string; positions: number[] } | undefined {
  if (!path.startsWith('$')) return undefined;
  let key = '';
  const positions: number[] = [];
  let consumed = 1;
  for (const m of path.slice(1).matchAll(segment)) {
    if (m.index !== consumed - 1) return undefined;
    consumed += m[0].length;
    if (m[2] !== undefined) {
      key += '[]';
      positions.push(Number(m[2]));
    } else key += `${key ? '.' : ''}${m[1] ?? m[3]}`;
  }
  return consumed === path.length ? { key, positions } : undefined;
}

/**
 * The label of the field at a JSON path for a method, or undefined when the table does not know
 * it. A deeper path falls back to its nearest labelled parent (`$.units[2]` when only `units` is known).
 */
export function fieldLabel(method: string, path: string): string | undefined {
  const parsed = keyOf(path);
  if (!parsed || parsed.key === '') return undefined;
  // Own members only: a key named like Object.prototype's (`constructor`) must find no label, not a function.
  const labelIn = (table: Readonly<Record<string, string>> | undefined, name: string) => (table !== undefined && Object.hasOwn(table, name) ? table[name] : undefined);
  const own = Object.hasOwn(FIELD_LABELS, method) ? FIELD_LABELS[method] : undefined;
  let key = parsed.key;
  for (;;) {
    const label = labelIn(own, key) ?? labelIn(COMMON, key);
    if (label !== undefined) return label.replace('{n}', String((parsed.positions[0] ?? 0) + 1));
    const cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('[]'));
    if (cut <= 0) return undefined;
    key = key.slice(0, cut);
  }
}

const MISSING = new Set(['Värdet saknas men krävs.', 'Får inte vara tomt.']);

/** "Titel saknas." for a missing value, otherwise "Period från: Ska vara ett verkligt datum …". */
export function labelledMessage(label: string, message: string): string {
  return MISSING.has(message) ? `${label} saknas.` : `${label}: ${message}`;
}

/**
 * One issue as a sentence a person can act on. A path the table knows is named by its field; a
 * row path from a file importer ("rad 3, kolumn "akt"") is kept as the place; any other JSON path
 * is never shown, only the message (whose text then says where, as template import does).
 */
export function describeIssue(method: string, issue: Issue): string {
  const label = fieldLabel(method, issue.path);
  if (label !== undefined) return labelledMessage(label, issue.message);
  if (issue.path !== '' && !issue.path.startsWith('$')) return `${issue.path.charAt(0).toUpperCase()}${issue.path.slice(1)}: ${issue.message}`;
  return issue.message;
}

/** How many issues dispatch's one-line summary spells out before it counts the rest. */
export const SUMMARY_LIMIT = 5;

/**
 * The message of a refused input: every issue in words, up to a handful ("Titel saknas. Period
 * från: Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD."), then how many more the list holds.
 */
export function summariseIssues(method: string, issues: readonly Issue[]): string {
  if (issues.length === 0) return 'Indata är ogiltiga.';
  const shown = issues.slice(0, SUMMARY_LIMIT).map((i) => describeIssue(method, i));
  const rest = issues.length - shown.length;
  return rest > 0 ? `${shown.join(' ')} Ytterligare ${rest} fel.` : shown.join(' ');
}
