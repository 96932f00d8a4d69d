import type { PublishedResults } from '../contract/results';
import type { ReportDraft } from '../contract/report-model';
import type { Review } from '../contract/reviews';
import type { SampleRecord } from '../contract/sampling';
import type { Template } from '../templates/schema';

/**
 * What the Word renderer (main/core/report/docx/) needs to write the memo and Bilaga 1: the draft
 * as edited, and the review's own data. Figures come only from the PUBLISHED results — nothing
 * that leaves the workbench is drawn from the internal view.
 */

export type ReportStatus = 'utkast' | 'for_godkannande' | 'godkand';

/** A recorded approval: fills the memo's "Attesterat av" table. Never invented: an unapproved draft has none. */
export interface Approval {
  name: string;
  title: string;
  /** ISO date of the approval. */
  date: string;
}

/** An attached appendix as the memo's Bilaga list names it; Bilaga 1 is always the full review report. */
export interface AppendixRef {
  /** 1 for the review report, 2… for attached files in their order. */
  number: number;
  title: string;
}

export interface ReportRenderInput {
  draft: ReportDraft;
  status: ReportStatus;
  review: Review;
  template: Template;
  /** The published view (disclosure control applied), with its threshold. */
  results: PublishedResults;
  /** The sampling log, or null where the review has no sample (every file counted). */
  sample: SampleRecord | null;
  approvals: readonly Approval[];
  /** Every appendix in order, Bilaga 1 first. */
  appendices: readonly AppendixRef[];
  /** When the document is written (ISO timestamp): the document properties' date. */
  createdAt: string;
  /** Who exports: the document properties' author. */
  author: string;
}
