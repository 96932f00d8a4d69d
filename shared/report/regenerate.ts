import type { ReportDraft, Section } from '../contract/report-model';
import { sectionFingerprint, untouched } from './fingerprint';

/**
 * Rewriting the draft from the review (new answers, findings, dialogue notes) without ever
 * overwriting text a person wrote unless they asked for it. Per section, matched by id, in the
 * memo and in Bilaga 1 alike:
 * - a section whose text still has the fingerprint the workbench stamped (`generated`) is replaced
 *   by the fresh one — nobody has edited it;
 * - a section whose id is in `overwrite` is replaced whatever it holds — the writer asked;
 * - any other section with a counterpart in `fresh` is kept as it is and listed in `kept` (a person
 *   changed it, or it predates fingerprints);
 * - a section with no counterpart in `fresh` (one a person added, or an area the template no longer
 *   has) is kept, unlisted;
 * - a fresh section missing from the draft is added, after the section that precedes it in `fresh`.
 * Replacing takes the fresh text (blocks, detail, fingerprint) and keeps the section's place, title
 * and whether it is switched on, which are the writer's. The header, the proposals and the
 * signatures are left exactly as they are.
 *
 * `replaced` lists the sections whose text changed or that were added; a section the fresh draft
 * writes word for word the same is in neither list, so rewriting an unchanged review changes nothing.
 */

export interface SectionRef {
  id: string;
  title: string;
}

export interface RegenerateResult {
  draft: ReportDraft;
  replaced: SectionRef[];
  kept: SectionRef[];
}

const ref = (section: Section): SectionRef => ({ id: section.id, title: section.title });

function mergeSections(current: readonly Section[], fresh: readonly Section[], overwrite: ReadonlySet<string>, replaced: SectionRef[], kept: SectionRef[]): Section[] {
  const freshById = new Map(fresh.map((s) => [s.id, s]));
  const merged: Section[] = current.map((section) => {
    const next = freshById.get(section.id);
    if (!next) return section;
    const same = sectionFingerprint(section) === sectionFingerprint(next);
    if (!untouched(section) && !overwrite.has(section.id)) {
      if (!same) kept.push(ref(section));
      return section;
    }
    if (same && section.generated === next.generated) return section;
    if (!same) replaced.push(ref(section));
    const { detail: _oldDetail, generated: _oldGenerated, ...own } = section;
    return { ...own, blocks: next.blocks, ...(next.detail !== undefined ? { detail: next.detail } : {}), ...(next.generated !== undefined ? { generated: next.generated } : {}) };
  });
  // Fresh sections the draft lacks, each after the nearest section before it in `fresh` that the draft has.
  const present = new Set(current.map((s) => s.id));
  fresh.forEach((section, i) => {
    if (present.has(section.id)) return;
    let at = 0;
    for (let k = i - 1; k >= 0; k--) {
      const before = merged.findIndex((s) => s.id === fresh[k].id);
      if (before >= 0) {
        at = before + 1;
        break;
      }
    }
    merged.splice(at, 0, section);
    present.add(section.id);
    replaced.push(ref(section));
  });
  return merged;
}

export function regenerateDraft(current: ReportDraft, fresh: ReportDraft, overwrite: ReadonlySet<string>): RegenerateResult {
  const replaced: SectionRef[] = [];
  const kept: SectionRef[] = [];
  const sections = mergeSections(current.sections, fresh.sections, overwrite, replaced, kept);
  const bilaga = (fresh.bilaga1 ?? current.bilaga1) ? { sections: mergeSections(current.bilaga1?.sections ?? [], fresh.bilaga1?.sections ?? [], overwrite, replaced, kept) } : undefined;
  const draft: ReportDraft = { ...current, sections, ...(bilaga ? { bilaga1: bilaga } : {}) };
  return { draft, replaced, kept };
}
