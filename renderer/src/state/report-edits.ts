import type { ReportDraft, Section, Signature } from '../../../shared/contract/report-model';

/**
 * Pure edits of a report draft, one per thing the editor screen offers. Each returns a new draft
 * (the store keeps the last one it sent and the one on screen apart).
 */

export type Direction = -1 | 1;

/** The array with the item at `index` moved one step; unchanged at either end. */
export function moved<T>(items: readonly T[], index: number, direction: Direction): T[] {
  const to = index + direction;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const out = [...items];
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

export const without = <T>(items: readonly T[], index: number): T[] => items.filter((_, i) => i !== index);

export const replaced = <T>(items: readonly T[], index: number, item: T): T[] => items.map((x, i) => (i === index ? item : x));

export function updateSection(draft: ReportDraft, id: string, change: (section: Section) => Section): ReportDraft {
  return { ...draft, sections: draft.sections.map((s) => (s.id === id ? change(s) : s)) };
}

export function moveSection(draft: ReportDraft, id: string, direction: Direction): ReportDraft {
  return { ...draft, sections: moved(draft.sections, draft.sections.findIndex((s) => s.id === id), direction) };
}

/** A new custom section just before the signatures (or at the end); its id is free in the draft and fits the id rule. */
export function addCustomSection(draft: ReportDraft, title: string): { draft: ReportDraft; id: string } {
  const taken = new Set(draft.sections.map((s) => s.id));
  let n = 1;
  while (taken.has(`eget-${n}`)) n++;
  const id = `eget-${n}`;
  const section: Section = { id, kind: 'custom', title, enabled: true, blocks: [] };
  const at = draft.sections.findIndex((s) => s.kind === 'signatures');
  const sections = at < 0 ? [...draft.sections, section] : [...draft.sections.slice(0, at), section, ...draft.sections.slice(at)];
  return { draft: { ...draft, sections }, id };
}

export function removeSection(draft: ReportDraft, id: string): ReportDraft {
  return { ...draft, sections: draft.sections.filter((s) => s.id !== id || s.kind !== 'custom') };
}

/** Bilaga 1's chapters changed by `change`; a draft without chapters of its own is returned as it is. */
function withChapters(draft: ReportDraft, change: (sections: Section[]) => Section[]): ReportDraft {
  if (!draft.bilaga1) return draft;
  return { ...draft, bilaga1: { ...draft.bilaga1, sections: change(draft.bilaga1.sections) } };
}

export function updateChapter(draft: ReportDraft, id: string, change: (section: Section) => Section): ReportDraft {
  return withChapters(draft, (sections) => sections.map((s) => (s.id === id ? change(s) : s)));
}

export function moveChapter(draft: ReportDraft, id: string, direction: Direction): ReportDraft {
  return withChapters(draft, (sections) => moved(sections, sections.findIndex((s) => s.id === id), direction));
}

export const EMPTY_SIGNATURE: Signature = { name: '', title: '', administration: '' };
