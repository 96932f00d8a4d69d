import { z } from 'zod';
import { freeText, identifier, opaque } from './fields';

/**
 * The report draft of a review (issue 9): the tjänsteutlåtande as a plain document model, built
 * from the review's data, edited in the app, rendered to .docx in one place (main/core/report).
 * Every text field is guarded: a personal identity number can be neither saved nor exported.
 *
 * Rich text is this small model rather than an editor's own JSON, so the editor library can be
 * replaced and the renderer to Word reads one stable shape: paragraphs and bullet lists of runs,
 * runs bold or italic, and footnotes anchored in the run where they were written.
 */

const Text = (max: number) => freeText({ max, trim: false });
const Line = (max: number) => freeText({ max });

export const RunSchema = z.strictObject({
  type: z.literal('text'),
  text: freeText({ max: 20_000, min: 1, trim: false }),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
export const FootnoteSchema = z.strictObject({ type: z.literal('footnote'), text: freeText({ max: 2_000, min: 1 }) });
export const InlineSchema = z.discriminatedUnion('type', [RunSchema, FootnoteSchema]);
export type Inline = z.infer<typeof InlineSchema>;

const Inlines = z.array(InlineSchema).max(1_000);

export const BLOCK_TYPES = ['paragraph', 'bullets', 'numbered', 'resultTable', 'resultChart', 'unitTable'] as const;

export const BlockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), content: Inlines }),
  z.strictObject({ type: z.literal('bullets'), items: z.array(Inlines).max(500) }),
  z.strictObject({ type: z.literal('numbered'), items: z.array(Inlines).max(500) }),
  /** The published table of an area's questions (share ja by sex), drawn from the results at export time. */
  z.strictObject({ type: z.literal('resultTable'), areaId: identifier({ max: 200 }) }),
  /** The published bar chart of an area's questions (girls and boys side by side), drawn at export time. */
  z.strictObject({ type: z.literal('resultChart'), areaId: identifier({ max: 200 }) }),
  /** The published comparison of the units (likställighet): the share ja per quality area and unit, drawn at export time. */
  z.strictObject({ type: z.literal('unitTable') }),
]);
export type Block = z.infer<typeof BlockSchema>;

/**
 * Section kinds, in the usual order of reference 003. `area` is a sub-section of Ärendet (one per
 * quality area); `signatures` places the signature blocks (reference 001 has them right after the
 * proposal); `custom` is any further section a writer adds. Bilaga and Attesterat av always close
 * the memo and are not sections: they are drawn from the appendices and the recorded approvals.
 */
export const SECTION_KINDS = [
  'sammanfattning',
  'bakgrund',
  'arendet',
  'likstallighet',
  'area',
  'jamstalldhet',
  'slutsatser',
  'barnratt',
  'beredning',
  'synpunkter',
  'signatures',
  'custom',
  // Bilaga 1's own chapters (the form of reference 000); its area chapters are the memo's area sections.
  'inledning',
  'metod',
  'resultat',
  'slutord',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const SectionSchema = z.strictObject({
  id: identifier({ max: 100, pattern: /^[a-z0-9_-]+$/, message: 'Ska bestå av små bokstäver a–z, siffror, - och _.' }),
  kind: z.enum(SECTION_KINDS),
  /** The heading as printed ("Sammanfattning", "Trygghet och säkerhet"). */
  title: Line(300),
  /** Left out of the document without being deleted (e.g. Barnrättsperspektiv). */
  enabled: z.boolean(),
  /** Only for `area`: the quality area it reports on. */
  areaId: identifier({ max: 200 }).optional(),
  blocks: z.array(BlockSchema).max(500),
  /**
   * The fuller text that only Bilaga 1 carries after `blocks` (an area's findings in detail, the
   * dialogue meetings): one text serves both documents, the memo short and Bilaga 1 full.
   */
  detail: z.array(BlockSchema).max(500).optional(),
  /**
   * A fingerprint of `blocks` and `detail` as the workbench last wrote them. While the section's text
   * still has this fingerprint no person has changed it, so rewriting the draft from the review may
   * replace it; a section whose text differs is kept unless the writer asks for it to be replaced.
   */
  generated: identifier({ max: 64, pattern: /^[a-p]{16,64}$/, message: 'Ska vara 16–64 bokstäver a–p.' }).optional(),
});
export type Section = z.infer<typeof SectionSchema>;

export const PersonSchema = z.strictObject({ name: Line(200), phone: Line(40).optional() });
export const SignatureSchema = z.strictObject({ name: Line(200), title: Line(200), administration: Line(200) });
export type Signature = z.infer<typeof SignatureSchema>;

export const REPORT_FONTS = ['Times New Roman', 'Arial'] as const;

export const ReportHeaderSchema = z.strictObject({
  /** Handläggare, each with a phone number. */
  officers: z.array(PersonSchema).max(10),
  /** Till: usually "Socialnämnden". */
  to: Line(200),
  /** The board meeting's date, ISO. */
  date: opaque(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ska vara ett datum i formen ÅÅÅÅ-MM-DD.').or(z.literal('')), 'an ISO date or empty: eight digits and two hyphens cannot spell an identity number'),
  dnr: Line(100),
  title: Line(300),
  subtitle: Line(300),
  /** "Socialförvaltningen", from settings. */
  administration: Line(200),
  /** "Avdelningen för stöd och styrning", from settings. */
  department: Line(200),
  font: z.enum(REPORT_FONTS),
});
export type ReportHeader = z.infer<typeof ReportHeaderSchema>;

export const ReportDraftSchema = z.strictObject({
  header: ReportHeaderSchema,
  /** Förvaltningens förslag till beslut: numbered items. */
  proposals: z.array(Text(2_000)).max(20),
  sections: z.array(SectionSchema).max(100),
  signatures: z.array(SignatureSchema).max(10),
  /**
   * Bilaga 1's chapters in order (cover, Innehåll and the questions annex are always drawn). Kinds
   * `resultat`, `metod` and `jamstalldhet` carry the writer's text before what is generated there:
   * `resultat` the memo's area sections (blocks, then detail) with their tables and charts, `metod`
   * the method chapter from the sample, `jamstalldhet` the tables by sex. Absent in drafts written
   * before Bilaga 1 could be edited: they render Bilaga 1 as before.
   */
  bilaga1: z.strictObject({ sections: z.array(SectionSchema).max(100) }).optional(),
});
export type ReportDraft = z.infer<typeof ReportDraftSchema>;
