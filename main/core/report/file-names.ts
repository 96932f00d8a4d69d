import { REPORT_STATUS_LABELS, type ReportDocument } from '../../../shared/contract/report';
import type { ReportDraft } from '../../../shared/contract/report-model';
import type { ReportStatus } from '../../../shared/report/render-input';
import { safeNamePart } from '../../../shared/results/export-file-name';

/**
 * The names of every file a report leaves the workbench as. Each names the review by its Dnr (or
 * its title where it has none); a Dnr's "/" and every other character a file system refuses become
 * "-", so a name never points into a folder (the sanitising of the results' file names).
 */

const DOCUMENT_NAMES: Readonly<Record<ReportDocument, string>> = { memo: 'Tjänsteutlåtande', bilaga1: 'Bilaga 1' };

function reviewLabel(draft: ReportDraft): string {
  return safeNamePart(draft.header.dnr) || safeNamePart(draft.header.title);
}

const joined = (...parts: string[]) => parts.filter((p) => p !== '').join(' – ');

/** "Tjänsteutlåtande – SOF 2024-543 – utkast.docx", "Bilaga 1 – SOF 2024-543 – godkänd.docx". */
export function reportFileName(document: ReportDocument, draft: ReportDraft, status: ReportStatus): string {
  return `${joined(DOCUMENT_NAMES[document], reviewLabel(draft), REPORT_STATUS_LABELS[status])}.docx`;
}

/** The memo inside the board package: approved by definition, so without a status. */
export function packagedMemoFileName(draft: ReportDraft): string {
  return `${joined(DOCUMENT_NAMES.memo, reviewLabel(draft))}.docx`;
}

/** "Nämndpaket – SOF 2024-543.zip", also the folder name when the package is written as a folder. */
export function packageFileName(draft: ReportDraft): string {
  return `${joined('Nämndpaket', reviewLabel(draft))}.zip`;
}

/** "Bilaga 2 – <title>.pdf": the title made safe as a file name part. */
export function appendixFileName(number: number, title: string, ext: string): string {
  return `${joined(`Bilaga ${number}`, safeNamePart(title))}.${ext}`;
}
