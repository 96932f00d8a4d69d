import type { ReportDraft } from '../../../../shared/contract/report-model';
import type { Issue } from '../../../../shared/result';
import type { ReportView } from '../../state/report-store';

/**
 * Where each problem the core names (`$.draft.header.dnr`, `$.draft.sections[3].blocks[0]…`,
 * `$.draft.bilaga1.sections[2]…`, `$.appendices[0].title`) is shown on the report screen: the id
 * of its field, the document tab that shows it, and the messages a field shows under itself.
 * Paths of report.save, of the readiness check and of the export's identity-number scan all go
 * through here (go-to-field.ts leads to them).
 */

export const headerFieldId = (field: string) => `report-header-${field}`;
export const officerFieldId = (index: number, field: 'name' | 'phone') => `report-officer-${index}-${field}`;
export const proposalFieldId = (index: number) => `report-proposal-${index}`;
export const sectionEditorId = (sectionId: string) => `report-section-${sectionId}-text`;
export const sectionTitleId = (sectionId: string) => `report-section-${sectionId}-title`;
/** An area's fuller text, the part only Bilaga 1 carries. */
export const sectionDetailId = (sectionId: string) => `report-section-${sectionId}-detail`;
/** A section's "Ta med" checkbox: where a problem in a switched-off section's text is shown. */
export const sectionEnabledId = (sectionId: string) => `report-section-${sectionId}-enabled`;
export const chapterEditorId = (chapterId: string) => `report-chapter-${chapterId}-text`;
export const chapterTitleId = (chapterId: string) => `report-chapter-${chapterId}-title`;
export const chapterEnabledId = (chapterId: string) => `report-chapter-${chapterId}-enabled`;
export const appendixFileId = (index: number) => `report-appendix-${index}-file`;
export const signatureFieldId = (index: number, field: 'name' | 'title' | 'administration') => `report-signature-${index}-${field}`;
export const appendixTitleId = (index: number) => `report-appendix-${index}-title`;

/** The field that holds `path`, or undefined when no field of the screen does. */
export function fieldIdForPath(path: string, draft: ReportDraft | undefined): string | undefined {
  let m = /^\$\.draft\.header\.officers\[(\d+)\]\.(name|phone)/.exec(path);
  if (m) return officerFieldId(Number(m[1]), m[2] as 'name' | 'phone');
  m = /^\$\.draft\.header\.(\w+)/.exec(path);
  if (m) return headerFieldId(m[1]);
  m = /^\$\.draft\.proposals\[(\d+)\]/.exec(path);
  if (m) return proposalFieldId(Number(m[1]));
  m = /^\$\.draft\.sections\[(\d+)\](\.title|\.detail)?/.exec(path);
  if (m) {
    const section = draft?.sections[Number(m[1])];
    if (!section) return undefined;
    if (!section.enabled) return sectionEnabledId(section.id);
    if (m[2] === '.detail') return sectionDetailId(section.id);
    if (section.kind === 'signatures') return sectionEnabledId(section.id);
    return m[2] === '.title' && section.kind === 'custom' ? sectionTitleId(section.id) : sectionEditorId(section.id);
  }
  m = /^\$\.draft\.bilaga1\.sections\[(\d+)\](\.title)?/.exec(path);
  if (m) {
    const chapter = draft?.bilaga1?.sections[Number(m[1])];
    if (!chapter) return undefined;
    if (m[2]) return chapterTitleId(chapter.id);
    return chapter.enabled ? chapterEditorId(chapter.id) : chapterEnabledId(chapter.id);
  }
  m = /^\$\.draft\.signatures\[(\d+)\]\.(name|title|administration)/.exec(path);
  if (m) return signatureFieldId(Number(m[1]), m[2] as 'name' | 'title' | 'administration');
  m = /^\$\.appendices\[(\d+)\](\.title)?/.exec(path);
  if (m) return m[2] ? appendixTitleId(Number(m[1])) : appendixFileId(Number(m[1]));
  return undefined;
}

/** The document whose tab holds the field of `path`; null where both show it (the header) or neither does. */
export function viewForPath(path: string): ReportView | null {
  if (path.startsWith('$.draft.bilaga1')) return 'bilaga1';
  if (/^\$\.draft\.(sections|proposals|signatures)/.test(path)) return 'memo';
  return null;
}

/** The messages for one place: issues at `path` or inside it. */
export function messagesAt(issues: readonly Issue[], path: string): string[] {
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`)).map((i) => i.message);
}
