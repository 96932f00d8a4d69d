import type { Issue } from '../result';
import { labelledMessage } from '../validation/field-labels';

/** The keys of a template file in words, for "Fråga 4 (H2), frågetext saknas." */
const KEY_NAMES: Readonly<Record<string, string>> = {
  id: 'id',
  name: 'namn',
  version: 'version',
  targetGroup: 'målgrupp',
  description: 'beskrivning',
  text: 'frågetext',
  guidance: 'bedömningsstöd',
  type: 'frågetyp',
  required: 'obligatorisk',
  area: 'kvalitetsområde',
  scale: 'skala',
  multiple: 'flera svar',
  integer: 'heltal',
  options: 'svarsalternativ',
  label: 'text',
  key: 'tangent',
  exclusive: 'uteslutande',
  applicable: 'räknas',
  min: 'minsta värde',
  max: 'högsta värde',
  unit: 'enhet',
  legal: 'lagrum',
  act: 'författning',
  chapter: 'kapitel',
  section: 'paragraf',
  validFrom: 'gäller från',
  validTo: 'gäller till',
  areas: 'kvalitetsområden',
  scales: 'skalor',
  questions: 'frågor',
};

/** Top-level keys of the file, named as the template's own properties. */
const TOP_NAMES: Readonly<Record<string, string>> = {
  id: 'Mallens id',
  name: 'Mallens namn',
  version: 'Mallens version',
  targetGroup: 'Målgrupp',
  description: 'Mallens beskrivning',
  areas: 'Kvalitetsområdena',
  scales: 'Skalorna',
  questions: 'Frågorna',
};

type Part = string | number;

function partsOf(path: string): Part[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const out: Part[] = [];
  for (const m of path.slice(1).matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    out.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? JSON.parse(`"${m[3]}"`)));
  }
  return out;
}

const idOf = (value: unknown): string | undefined => {
  const id = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id : undefined;
};

const at = (value: unknown, key: Part): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;

/**
 * Where in a template file an issue is, in words: "Fråga 4 (H2)", "Kvalitetsområde 2 (trygghet),
 * namn", "Skalan "standard", steg 3", "Mallens namn" — numbered as a person counts (from 1) and
 * with the id the file gives, so the place can be found in any text editor. Undefined for the
 * file as a whole.
 */
export function templatePlace(data: unknown, path: string): string | undefined {
  const parts = partsOf(path);
  if (!parts || parts.length === 0) return undefined;
  const [top, index, ...rest] = parts;
  let place: string;
  let tail: Part[];
  if ((top === 'questions' || top === 'areas') && typeof index === 'number') {
    const item = at(at(data, top), index);
    const id = idOf(item);
    place = `${top === 'questions' ? 'Fråga' : 'Kvalitetsområde'} ${index + 1}${id ? ` (${id})` : ''}`;
    tail = rest;
    // A duplicate id names itself; "Fråga 4 (H2), id: Fråge-id "H2" finns redan" would say it twice.
    if (tail.length === 1 && tail[0] === 'id') tail = [];
  } else if (top === 'scales' && typeof index === 'string') {
    place = `Skalan "${index}"`;
    tail = rest;
  } else if (typeof top === 'string' && TOP_NAMES[top]) {
    place = TOP_NAMES[top];
    tail = parts.slice(1);
  } else {
    return undefined; // "format" and misspelt keys: their messages name them already
  }
  for (let i = 0; i < tail.length; i++) {
    const part = tail[i];
    const next = tail[i + 1];
    if (typeof part === 'string' && typeof next === 'number') {
      const item = part === 'options' ? 'alternativ' : part === 'legal' ? 'lagrum' : (KEY_NAMES[part] ?? part);
      place += `, ${item} ${next + 1}`;
      i++;
    } else if (typeof part === 'number') {
      place += `, ${top === 'scales' ? 'steg' : 'nr'} ${part + 1}`;
    } else if (KEY_NAMES[part] && !(part === 'type' && top === 'questions')) {
      // A misspelt key is left out: its message ("Okänd nyckel …") names it.
      place += `, ${KEY_NAMES[part]}`;
    }
  }
  return place;
}

/** Every issue's message with its place in front ("Fråga 4 (H2): Okänd frågetyp "skala". …"); the paths stay for programs. */
export function placeTemplateIssues(data: unknown, issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => {
    let place = templatePlace(data, issue.path);
    if (place === undefined) return issue;
    // "Fråga 3 (Q3): Okänt kvalitetsområde …" rather than "Fråga 3 (Q3), kvalitetsområde: Okänt kvalitetsområde …".
    const last = place.lastIndexOf(', ');
    if (last > 0 && issue.message.toLowerCase().includes(place.slice(last + 2).replace(/ \d+$/, ''))) place = place.slice(0, last);
    return { path: issue.path, message: labelledMessage(place, issue.message) };
  });
}
