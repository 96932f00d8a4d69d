import type { ReportDraft } from '../../../../shared/contract/report-model';
import type { Issue } from '../../../../shared/result';
import type { SummaryItem } from '../../components/form-issues';

/**
 * Where each problem the core names (`$.draft.header.dnr`, `$.draft.sections[3].blocks[0]…`,
 * `$.appendices[0].title`) is shown on the report screen: the id of its field, and the messages a
 * field shows under itself. Paths of report.save, of the readiness check and of the export's
 * identity-number scan all go through here.
 */

export const headerFieldId = (field: string) => `report-header-${field}`;
export const officerFieldId = (index: number, field: 'name' | 'phone') => `report-officer-${index}-${field}`;
export const proposalFieldId = (index: number) => `report-proposal-${index}`;
export const sectionEditorId = (sectionId: string) => `report-section-${sectionId}-text`;
export const sectionTitleId = (sectionId: string) => `report-section-${sectionId}-title`;
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
  m = /^\$\.draft\.sections\[(\d+)\](\.title)?/.exec(path);
  if (m) {
    const section = draft?.sections[Number(m[1])];
    if (!section) return undefined;
    return m[2] && section.kind === 'custom' ? sectionTitleId(section.id) : sectionEditorId(section.id);
  }
  m = /^\$\.draft\.signatures\[(\d+)\]\.(name|title|administration)/.exec(path);
  if (m) return signatureFieldId(Number(m[1]), m[2] as 'name' | 'title' | 'administration');
  m = /^\$\.appendices\[(\d+)\]\.title/.exec(path);
  if (m) return appendixTitleId(Number(m[1]));
  return undefined;
}

/** The messages for one place: issues at `path` or inside it. */
export function messagesAt(issues: readonly Issue[], path: string): string[] {
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`)).map((i) => i.message);
}

/** Every issue as an item of an error summary, each a link to its field where the screen has one. */
export function summaryItems(issues: readonly Issue[], draft: ReportDraft | undefined): SummaryItem[] {
  return issues.map((i) => ({ text: i.message, fieldId: fieldIdForPath(i.path, draft) }));
}
