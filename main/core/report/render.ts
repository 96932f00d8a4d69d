import JSZip from 'jszip';
import type { ReportDocument } from '../../../shared/contract/report';
import type { ReportDraft } from '../../../shared/contract/report-model';
import type { PublishedResults } from '../../../shared/contract/results';
import { findIdentityNumbers } from '../../../shared/identity/pii-guard';
import type { Approval, ReportRenderInput, ReportStatus } from '../../../shared/report/render-input';
import type { Issue } from '../../../shared/result';
import type { CoreContext } from '../context';
import { DomainError } from '../errors';
import { requireUndisclosed } from '../results/publication-audit';
import { publicationSetOf } from '../results/publication-set';
import { requireReview } from '../reviews/repository';
import { readSample } from '../sampling/repository';
import { reviewTemplate } from '../reviews/frozen-template';
import { boardAppendices, type BoardAppendix } from './appendices';
import { renderBilaga1 } from './docx/bilaga';
import { renderMemo } from './docx/memo';
import { blockedExportMessage, draftTexts, scanForIdentityNumbers } from './pii-scan';
import { activeApprovals } from './repository';

/**
 * The published results the first draft is written from: the review's publication set, the same one
 * every export prints (its audit runs at export, see auditedRenderSource).
 */
export function publishedResults(reviewId: string, ctx: CoreContext): PublishedResults {
  return publicationSetOf(ctx.db, reviewId).results;
}

export interface RenderSource {
  input: ReportRenderInput;
  appendices: BoardAppendix[];
}

/**
 * Everything a report export needs, read in one transaction so the figures, the approvals and the
 * appendices are of the same moment. The figures are the review's publication set — never the
 * internal view — and the set is audited before anything is rendered: an export the attacker's
 * audit finds a way into is refused like one holding a personnummer. The only way to a RenderSource.
 */
export interface RenderOverrides {
  /** The approvals to print (the approval being given included), instead of those recorded. */
  approvals?: readonly Approval[];
  /** The documents' date: the approval's, so the same approved content gives the same bytes. */
  createdAt?: string;
  author?: string;
}

export async function auditedRenderSource(ctx: CoreContext, reviewId: string, draft: ReportDraft, status: ReportStatus, overrides: RenderOverrides = {}): Promise<RenderSource> {
  const { db } = ctx;
  const { source, set } = db.transaction(() => {
    const set = publicationSetOf(db, reviewId);
    const appendices = boardAppendices(db, reviewId, draft);
    const input: ReportRenderInput = {
      draft,
      status,
      review: requireReview(db, reviewId),
      template: reviewTemplate(db, reviewId),
      results: set.results,
      sample: readSample(db, reviewId),
      approvals: overrides.approvals ?? activeApprovals(db, reviewId),
      appendices: appendices.map((a) => ({ number: a.number, title: a.title })),
      createdAt: overrides.createdAt ?? ctx.now().toISOString(),
      author: overrides.author ?? ctx.actor,
    };
    return { source: { input, appendices }, set };
  })();
  await requireUndisclosed(set);
  return source;
}

/**
 * Refuses an export whose text holds a personal or coordination number: the draft's every text,
 * and the appendices' titles that the memo lists. VALIDATION, one issue per place.
 */
export function requireNoIdentityNumbers(draft: ReportDraft, appendices: readonly BoardAppendix[]): void {
  const texts = [
    ...draftTexts(draft),
    ...appendices.filter((a) => a.appendixId !== null).map((a) => ({ path: `$.appendices[${a.number - 2}].title`, place: `Bilaga ${a.number}, titeln`, text: a.title })),
  ];
  const issues = scanForIdentityNumbers(texts, '$.draft');
  if (issues.length > 0) throw new DomainError('VALIDATION', blockedExportMessage(issues), issues.map((i) => ({ ...i, path: i.path.replace(/^\$\.draft\.appendices/, '$.appendices') })));
}

export async function renderDocument(document: ReportDocument, input: ReportRenderInput): Promise<Buffer> {
  const content = document === 'memo' ? await renderMemo(input) : await renderBilaga1(input);
  await requireNoIdentityNumbersIn(content, document);
  return content;
}

/**
 * The belt to the draft scan's braces: every text node of the written document (body, headers,
 * footnotes, properties) is searched too, so text the renderer adds from the review's data (tables,
 * the template's questions) can never carry a number out either. Each node is read on its own:
 * joining nodes would make false numbers of a date in one cell and a count in the next.
 */
async function requireNoIdentityNumbersIn(docx: Buffer, document: ReportDocument): Promise<void> {
  const zip = await JSZip.loadAsync(docx);
  const parts = Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/i.test(f.name));
  const found: Issue[] = [];
  for (const part of parts) {
    const xml = await part.async('string');
    for (const match of xml.matchAll(/>([^<]+)</g)) {
      if (findIdentityNumbers(decodeXmlText(match[1])).length > 0) {
        found.push({ path: `$.${document}`, message: `Den färdiga texten (${part.name}) innehåller något som ser ut som ett personnummer.` });
        break;
      }
    }
  }
  if (found.length > 0) {
    const what = document === 'memo' ? 'tjänsteutlåtandet' : 'Bilaga 1';
    throw new DomainError(
      'VALIDATION',
      `Exporten stoppades: ${what} skulle innehålla något som ser ut som ett personnummer eller samordningsnummer, i text som hämtas från granskningen (mallens frågor, enheter eller tabeller). Inget har skrivits.`,
      found,
    );
  }
}

function decodeXmlText(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
