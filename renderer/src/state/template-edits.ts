import type { Area, Question, QuestionType, Template } from '../../../shared/templates/schema';
import { slugify as slugifyName } from '../../../shared/util/slug';

/**
 * Pure edits on a template being edited. Questions carry a client-only key (`keys[i]` belongs to
 * `template.questions[i]`) so a row keeps its identity while the user edits its id.
 */
export interface Draft {
  template: Template;
  keys: string[];
}

/** An area id from its name: "Tillgänglighet" → "tillganglighet". */
export const slugify = (name: string): string => slugifyName(name, 'omrade');

let keySeq = 0;
export const newKey = (): string => `q${++keySeq}`;

export const draftOf = (template: Template): Draft => ({ template, keys: template.questions.map(() => newKey()) });

export const indexOfKey = (draft: Draft, key: string): number => draft.keys.indexOf(key);

function withQuestions(draft: Draft, questions: Question[], keys: string[]): Draft {
  return { template: { ...draft.template, questions }, keys };
}

export function updateTemplateFields(draft: Draft, patch: Partial<Pick<Template, 'name' | 'targetGroup' | 'description'>>): Draft {
  const template = { ...draft.template, ...patch };
  if (template.description === '') delete template.description;
  return { ...draft, template };
}

/** Replaces one question; optional text fields left empty are dropped rather than saved as "". */
export function updateQuestion(draft: Draft, key: string, update: (q: Question) => Question): Draft {
  const i = indexOfKey(draft, key);
  if (i < 0) return draft;
  const questions = [...draft.template.questions];
  questions[i] = tidyQuestion(update(questions[i]));
  return withQuestions(draft, questions, draft.keys);
}

function tidyQuestion(q: Question): Question {
  const out = { ...q } as Record<string, unknown>;
  for (const k of ['guidance', 'unit'] as const) if (out[k] === '') delete out[k];
  if (out.required === false) delete out.required;
  if (Array.isArray(out.legal) && out.legal.length === 0) delete out.legal;
  return out as Question;
}

/** Positions (global indices) of the questions in one area, in template order. */
export function areaIndices(template: Template, areaId: string): number[] {
  const out: number[] = [];
  template.questions.forEach((q, i) => q.area === areaId && out.push(i));
  return out;
}

/** Moves a question one step within its area group. Returns the same draft if it cannot move. */
export function moveQuestion(draft: Draft, key: string, direction: -1 | 1): Draft {
  const i = indexOfKey(draft, key);
  if (i < 0) return draft;
  const group = areaIndices(draft.template, draft.template.questions[i].area);
  const pos = group.indexOf(i);
  const neighbour = group[pos + direction];
  if (neighbour === undefined) return draft;
  const questions = [...draft.template.questions];
  const keys = [...draft.keys];
  [questions[i], questions[neighbour]] = [questions[neighbour], questions[i]];
  [keys[i], keys[neighbour]] = [keys[neighbour], keys[i]];
  return withQuestions(draft, questions, keys);
}

/** Drag and drop: puts the question before or after another one, taking over that question's area. */
export function moveQuestionTo(draft: Draft, key: string, targetKey: string, place: 'before' | 'after'): Draft {
  if (key === targetKey) return draft;
  const from = indexOfKey(draft, key);
  if (from < 0 || indexOfKey(draft, targetKey) < 0) return draft;
  const questions = [...draft.template.questions];
  const keys = [...draft.keys];
  const [moved] = questions.splice(from, 1);
  keys.splice(from, 1);
  const target = keys.indexOf(targetKey);
  const at = place === 'before' ? target : target + 1;
  questions.splice(at, 0, { ...moved, area: questions[target].area });
  keys.splice(at, 0, key);
  return withQuestions(draft, questions, keys);
}

/** Moves a question to the end of another area's group (used when its area changes or it is dropped on an empty area). */
export function moveQuestionToArea(draft: Draft, key: string, areaId: string): Draft {
  const from = indexOfKey(draft, key);
  if (from < 0) return draft;
  const questions = [...draft.template.questions];
  const keys = [...draft.keys];
  const [moved] = questions.splice(from, 1);
  keys.splice(from, 1);
  const at = insertionIndex({ ...draft.template, questions }, areaId);
  questions.splice(at, 0, { ...moved, area: areaId });
  keys.splice(at, 0, key);
  return withQuestions(draft, questions, keys);
}

/** Where a new question of an area goes: after the area's last question, else after earlier areas' questions. */
function insertionIndex(template: Template, areaId: string): number {
  const own = areaIndices(template, areaId);
  if (own.length > 0) return own[own.length - 1] + 1;
  const order = template.areas.map((a) => a.id);
  const rank = order.indexOf(areaId);
  let at = 0;
  template.questions.forEach((q, i) => {
    if (order.indexOf(q.area) <= rank) at = i + 1;
  });
  return at;
}

/**
 * A short unique id for a new question: the letter prefix the area's questions already use
 * (T1, T2 … → T3), else the area's initial, numbered after the highest in use.
 */
export function newQuestionId(template: Template, areaId: string): string {
  const pattern = /^([A-Za-z]+)(\d+)$/;
  const prefixes = template.questions
    .filter((q) => q.area === areaId)
    .map((q) => pattern.exec(q.id)?.[1])
    .filter((p): p is string => p !== undefined);
  const prefix = prefixes.length > 0 ? prefixes[prefixes.length - 1] : (slugify(areaId).replace(/[^a-z]/g, '')[0] ?? 'f').toUpperCase();
  const taken = new Set(template.questions.map((q) => q.id));
  let n = 0;
  for (const id of taken) {
    const m = pattern.exec(id);
    if (m && m[1] === prefix) n = Math.max(n, Number(m[2]));
  }
  let id = `${prefix}${n + 1}`;
  while (taken.has(id)) id = `${prefix}${++n + 1}`;
  return id;
}

/** A question of the given type with the fields it needs filled in sensibly. */
export function blankQuestion(template: Template, type: QuestionType, base: Pick<Question, 'id' | 'area' | 'text'> & Partial<Question>): Question {
  const common = {
    id: base.id,
    area: base.area,
    text: base.text,
    ...(base.guidance ? { guidance: base.guidance } : {}),
    ...(base.required ? { required: true } : {}),
    ...(base.legal?.length ? { legal: base.legal } : {}),
  };
  switch (type) {
    case 'scale':
      return { ...common, type, scale: 'standard' in template.scales ? 'standard' : Object.keys(template.scales)[0] ?? 'standard' };
    case 'choice':
      return { ...common, type, options: [{ id: 'alt1', label: 'Alternativ 1' }, { id: 'alt2', label: 'Alternativ 2' }] };
    case 'number':
      return { ...common, type, integer: true, min: 0 };
    case 'date':
    case 'text':
      return { ...common, type };
  }
}

export function addQuestion(draft: Draft, areaId: string, type: QuestionType): { draft: Draft; key: string } {
  const question = blankQuestion(draft.template, type, { id: newQuestionId(draft.template, areaId), area: areaId, text: 'Ny fråga' });
  const at = insertionIndex(draft.template, areaId);
  const questions = [...draft.template.questions];
  const keys = [...draft.keys];
  const key = newKey();
  questions.splice(at, 0, question);
  keys.splice(at, 0, key);
  return { draft: withQuestions(draft, questions, keys), key };
}

/** Changes a question's type, keeping id, area, text, guidance, required and legal references. */
export function changeQuestionType(draft: Draft, key: string, type: QuestionType): Draft {
  return updateQuestion(draft, key, (q) => (q.type === type ? q : blankQuestion(draft.template, type, q)));
}

export interface DeletedQuestion {
  question: Question;
  key: string;
  index: number;
}

export function deleteQuestion(draft: Draft, key: string): { draft: Draft; deleted?: DeletedQuestion } {
  const index = indexOfKey(draft, key);
  if (index < 0) return { draft };
  const questions = [...draft.template.questions];
  const keys = [...draft.keys];
  const [question] = questions.splice(index, 1);
  keys.splice(index, 1);
  return { draft: withQuestions(draft, questions, keys), deleted: { question, key, index } };
}

/** Puts a deleted question back where it was (its area is re-created only if it still exists). */
export function restoreQuestion(draft: Draft, deleted: DeletedQuestion): Draft {
  const questions = [...draft.template.questions];
  const keys = [...draft.keys];
  const at = Math.min(deleted.index, questions.length);
  questions.splice(at, 0, deleted.question);
  keys.splice(at, 0, deleted.key);
  const restored = withQuestions(draft, questions, keys);
  const areaExists = draft.template.areas.some((a) => a.id === deleted.question.area);
  return areaExists ? restored : moveQuestionToArea(restored, deleted.key, draft.template.areas[0].id);
}

// ---- Areas ----

export function addArea(draft: Draft, name: string): { draft: Draft; area: Area } {
  const taken = new Set(draft.template.areas.map((a) => a.id));
  const base = slugify(name);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const area: Area = { id, name: name.trim() };
  return { draft: { ...draft, template: { ...draft.template, areas: [...draft.template.areas, area] } }, area };
}

export function updateArea(draft: Draft, areaId: string, patch: Partial<Pick<Area, 'name' | 'description'>>): Draft {
  const areas = draft.template.areas.map((a) => {
    if (a.id !== areaId) return a;
    const next = { ...a, ...patch };
    if (next.description === '') delete next.description;
    return next;
  });
  return { ...draft, template: { ...draft.template, areas } };
}

export function moveArea(draft: Draft, areaId: string, direction: -1 | 1): Draft {
  const areas = [...draft.template.areas];
  const i = areas.findIndex((a) => a.id === areaId);
  const j = i + direction;
  if (i < 0 || j < 0 || j >= areas.length) return draft;
  [areas[i], areas[j]] = [areas[j], areas[i]];
  return { ...draft, template: { ...draft.template, areas } };
}

/** Deleting an area is refused while it has questions, or if it is the last one. */
export function deleteArea(draft: Draft, areaId: string): { draft: Draft; refused?: string } {
  const area = draft.template.areas.find((a) => a.id === areaId);
  if (!area) return { draft };
  const count = areaIndices(draft.template, areaId).length;
  if (count > 0) {
    return {
      draft,
      refused: `Kvalitetsområdet "${area.name}" har ${count === 1 ? 'en fråga' : `${count} frågor`} och kan inte tas bort. Flytta eller ta bort frågorna först.`,
    };
  }
  if (draft.template.areas.length === 1) return { draft, refused: 'Mallen måste ha minst ett kvalitetsområde.' };
  return { draft: { ...draft, template: { ...draft.template, areas: draft.template.areas.filter((a) => a.id !== areaId) } } };
}
