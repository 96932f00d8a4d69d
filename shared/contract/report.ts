import { z } from 'zod';
import { method } from './define';
import { PROFILE_ROLES } from './profile';
import { echoedName, freeText, identifier, opaque, RecordIdSchema } from './fields';
import { REPORT_FONTS, ReportDraftSchema, type ReportDraft } from './report-model';

/**
 * The tjänsteutlåtande of a review (issue 9): its draft, the approval flow (utkast → för
 * godkännande → godkänd), the appendices the board secretary attaches and the board package.
 * Who may do what in which status is one module of rules in the core (main/core/report/workflow.ts);
 * every change is logged with who made it.
 */

export const REPORT_STATUSES = ['utkast', 'for_godkannande', 'godkand'] as const;

/** How each status is written for people (the stored codes carry no diacritics). */
export const REPORT_STATUS_LABELS: Readonly<Record<(typeof REPORT_STATUSES)[number], string>> = {
  utkast: 'utkast',
  for_godkannande: 'för godkännande',
  godkand: 'godkänd',
};

export const APPENDIX_KINDS = ['pdf', 'docx', 'xlsx'] as const;
export type AppendixKind = (typeof APPENDIX_KINDS)[number];

export const APPENDIX_MIME_TYPES: Readonly<Record<AppendixKind, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The largest attached file, decoded. */
export const MAX_APPENDIX_BYTES = 50 * 1024 * 1024;
/** More appendices than any board matter has; bounds the package. */
export const MAX_APPENDICES = 30;

/** The length of the base64 text of a file of `bytes` bytes. */
const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);

/** The decoded size of a base64 text, from its length alone (nothing is decoded to know it). */
export function decodedBase64Bytes(text: string): number {
  const body = text.replace(/\s+/g, '');
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((body.length * 3) / 4) - padding);
}

/** Characters that would make a title point into a folder or be refused as a file name: the title names the file in the package. */
// eslint-disable-next-line no-control-regex
const PATH_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f]/;

const AppendixTitle = freeText({ min: 1, max: 200 })
  .refine((title) => !PATH_CHARACTERS.test(title), { message: 'Får inte innehålla / \\ : * ? " < > | eller styrtecken: titeln blir en del av filnamnet i nämndpaketet.' })
  .refine((title) => !/^\.+$/.test(title), { message: 'Måste innehålla något annat än punkter.' });

/**
 * The board secretary's word that an attached PDF which could not be read through (damaged,
 * password-protected, a scan, over the limits) holds no personal data. Only asked for after such a
 * refusal (its issue points at this field); with it the file is attached and the confirmation is
 * logged under the secretary's name. It never lets through a number found in what was read.
 */
const ConfirmedNoPersonalData = z.boolean().optional();

/** The issue path of a refusal the board secretary may confirm past (a PDF that could not be read through). */
export const CONFIRMED_NO_PERSONAL_DATA_PATH = '$.confirmedNoPersonalData';

const Note = freeText({ min: 1, max: 2_000 });

const Revision = z.number().int().min(1).max(100_000_000);

/** Who may do what right now, so a screen offers only what the core will accept (reasons in Swedish). */
const Permission = z.object({ allowed: z.boolean(), reason: z.string().nullable() });

/** The roles that may approve a memo; the settings choose which of them must (by default both, in either order). */
export const APPROVER_ROLES = ['avdelningschef', 'socialdirektor'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];
export const DEFAULT_APPROVERS: readonly ApproverRole[] = ['avdelningschef', 'socialdirektor'];

const Approvers = z
  .array(z.enum(APPROVER_ROLES))
  .min(1, { message: 'Minst en roll måste godkänna tjänsteutlåtandet.' })
  .max(APPROVER_ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, { message: 'Varje roll får stå en gång.' });

export const ReportSettingsSchema = z.object({
  administration: z.string(),
  department: z.string(),
  board: z.string(),
  font: z.enum(REPORT_FONTS),
  /** The roles whose approvals together make the memo approved, in any order. */
  approvers: z.array(z.enum(APPROVER_ROLES)),
});

const ReportSettingsInput = z.strictObject({
  administration: freeText({ min: 1, max: 200 }),
  department: freeText({ min: 1, max: 200 }),
  board: freeText({ min: 1, max: 200 }),
  font: z.enum(REPORT_FONTS),
  approvers: Approvers.optional(),
});

/**
 * An appendix the memo lists. It may be listed before its file exists ("Bilaga 2 – Protokollsutdrag"
 * arrives after approval): then the file's fields are null, and the board package waits for it.
 */
export const AppendixSchema = z.object({
  id: z.string(),
  /** The appendix's number in the memo's Bilaga list and the package: 2, 3, … (Bilaga 1 is the review report). */
  number: z.number().int().min(2),
  title: z.string(),
  /** Whether its file has been attached. */
  attached: z.boolean(),
  fileName: z.string().nullable(),
  kind: z.enum(APPENDIX_KINDS).nullable(),
  bytes: z.number().int().min(0).nullable(),
  sha256: z.string().nullable(),
});
export type Appendix = z.infer<typeof AppendixSchema>;

export const ReportEventSchema = z.object({ at: z.string(), actor: z.string(), action: z.string(), note: z.string().nullable() });

/*
 * The draft in an answer is not run through the identity-number guard again: a draft stored before
 * a rule changed must still open so the number can be removed (every export scans it first).
 */
const DraftOutput = z.custom<ReportDraft>((value) => typeof value === 'object' && value !== null);

const ApprovalSchema = z.object({
  name: z.string(),
  title: z.string(),
  /** ISO date. */
  date: z.string(),
  /** The role approved in; null for an approval recorded before roles were kept. */
  role: z.enum(PROFILE_ROLES).nullable(),
  /** The reason given for approving although the draft was incomplete; null where it was complete. */
  override: z.string().nullable(),
});

const ReportAnswer = z.object({
  status: z.enum(REPORT_STATUSES),
  revision: z.number().int(),
  draft: DraftOutput,
  /** The approvals in force (given since the last reopening), in the order given: they fill "Attesterat av". */
  approvals: z.array(ApprovalSchema),
  /** Every role that must approve, in the settings' order, with its approval in force or null. */
  approvers: z.array(z.object({ role: z.enum(APPROVER_ROLES), label: z.string(), approval: ApprovalSchema.nullable() })),
  /** What is incomplete now (placeholders, empty sections, files not done, a missing Dnr or date): sending and approving refuse until it is fixed or overridden. */
  readiness: z.array(z.object({ path: z.string(), message: z.string() })),
  /** The approved version, once every approver has approved: its documents' SHA-256; every later copy is these bytes. */
  frozen: z.object({ frozenAt: z.string(), memoSha256: z.string(), bilaga1Sha256: z.string() }).nullable(),
  events: z.array(ReportEventSchema),
  appendices: z.array(AppendixSchema),
  settings: ReportSettingsSchema,
  /** The profile's role, or null without a profile (then it works as a granskare). */
  role: z.enum(PROFILE_ROLES).nullable(),
  permissions: z.object({
    edit: Permission,
    submit: Permission,
    approve: Permission,
    reopen: Permission,
    export: Permission,
    attach: Permission,
    listAppendices: Permission,
    exportPackage: Permission,
  }),
});

/** An approver's reason for letting an incomplete draft through ("Datum sätts av nämndsekreteraren"). */
const Override = freeText({ min: 3, max: 2_000 });

const StatusAnswer = z.object({ status: z.enum(REPORT_STATUSES), revision: z.number().int() });

const ReviewRef = { reviewId: RecordIdSchema };

const FileAnswer = z.object({
  /** "Tjänsteutlåtande – SOF 2024-543 – utkast.docx": no folder, no character a file system refuses. */
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
  bytes: z.number().int().min(0),
});

export const ManifestEntrySchema = z.object({ file: z.string(), title: z.string(), sha256: z.string(), bytes: z.number().int().min(0) });
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const REPORT_DOCUMENTS = ['memo', 'bilaga1'] as const;
export type ReportDocument = (typeof REPORT_DOCUMENTS)[number];

export const reportMethods = {
  'report.get': method({
    summary: 'Visar granskningens tjänsteutlåtande: utkastet, status, godkännanden, händelser och bilagor (skapar utkastet första gången).',
    input: z.strictObject(ReviewRef),
    output: ReportAnswer,
  }),
  'report.save': method({
    summary: 'Sparar utkastet till tjänsteutlåtandet (vägras om någon annan har sparat sedan det lästes in).',
    input: z.strictObject({ ...ReviewRef, revision: Revision, draft: ReportDraftSchema }),
    output: z.object({ revision: z.number().int() }),
  }),
  'report.submit': method({
    summary: 'Skickar tjänsteutlåtandet för godkännande; ett ofullständigt utkast vägras om inte en godkännare anger skäl (override).',
    input: z.strictObject({ ...ReviewRef, revision: Revision.optional(), override: Override.optional() }),
    output: StatusAnswer,
  }),
  'report.approve': method({
    summary: 'Godkänner tjänsteutlåtandet i profilens roll (avdelningschef eller socialdirektör, i valfri ordning): namn, titel och datum fyller "Attesterat av". När alla har godkänt fastställs dokumenten.',
    input: z.strictObject({ ...ReviewRef, revision: Revision.optional(), override: Override.optional() }),
    output: StatusAnswer,
  }),
  'report.regenerate': method({
    summary: 'Skriver om utkastet från granskningen (siffror, fynd, dialogmöten). Text som någon har ändrat behålls om den inte anges i overwrite; med dryRun visas bara vad som skulle hända.',
    input: z.strictObject({
      ...ReviewRef,
      revision: Revision,
      /** Section ids whose edited text may be replaced. */
      overwrite: z.array(identifier({ max: 100 })).max(200).optional(),
      dryRun: z.boolean().optional(),
    }),
    output: z.object({
      revision: z.number().int(),
      replaced: z.array(z.object({ id: z.string(), title: z.string() })),
      kept: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
  }),
  'report.reopen': method({
    summary: 'Öppnar ett skickat eller godkänt tjänsteutlåtande igen (avdelningschef); godkännandena återkallas och skälet loggas.',
    input: z.strictObject({ ...ReviewRef, reason: Note }),
    output: StatusAnswer,
  }),
  'report.export': method({
    summary: 'Tjänsteutlåtandet eller Bilaga 1 (granskningsrapporten) som Word-fil, i vilken status som helst.',
    input: z.strictObject({ ...ReviewRef, document: z.enum(REPORT_DOCUMENTS) }),
    output: FileAnswer,
  }),
  'report.settings.get': method({
    summary: 'Visar förvaltningens och avdelningens namn, nämnden och typsnittet som nya tjänsteutlåtanden får.',
    input: z.strictObject({}),
    output: ReportSettingsSchema,
  }),
  'report.settings.save': method({
    summary: 'Sparar förvaltningens och avdelningens namn, nämnden och typsnittet för nya tjänsteutlåtanden.',
    input: ReportSettingsInput,
    output: ReportSettingsSchema,
  }),
  'appendix.add': method({
    summary: 'Bifogar en fil (pdf, docx eller xlsx, högst 50 MB) som bilaga till tjänsteutlåtandet (nämndsekreterare).',
    /** The base64 file plus room for the rest of the JSON. */
    maxInputBytes: base64Length(MAX_APPENDIX_BYTES) + 64 * 1024,
    input: z.strictObject({
      ...ReviewRef,
      fileName: echoedName(500),
      title: AppendixTitle,
      contentBase64: opaque(
        z.string().refine((text) => decodedBase64Bytes(text) <= MAX_APPENDIX_BYTES, { message: 'Får vara högst 50 MB. Dela upp filen eller minska den (t.ex. spara PDF-filen med lägre bildupplösning).' }),
        'an attached file kept as it is: its type is checked by its content, and it is handed on unchanged in the board package',
      ),
      confirmedNoPersonalData: ConfirmedNoPersonalData,
    }),
    output: AppendixSchema,
  }),
  'appendix.plan': method({
    summary: 'Lägger till en bilaga i tjänsteutlåtandets bilageförteckning innan filen finns (t.ex. "Protokollsutdrag"); filen bifogas senare.',
    input: z.strictObject({ ...ReviewRef, title: AppendixTitle }),
    output: AppendixSchema,
  }),
  'appendix.attach': method({
    summary: 'Bifogar filen till en listad bilaga (nämndsekreterare), även efter godkännandet.',
    maxInputBytes: base64Length(MAX_APPENDIX_BYTES) + 64 * 1024,
    input: z.strictObject({
      ...ReviewRef,
      id: RecordIdSchema,
      fileName: echoedName(500),
      contentBase64: opaque(
        z.string().refine((text) => decodedBase64Bytes(text) <= MAX_APPENDIX_BYTES, { message: 'Får vara högst 50 MB. Dela upp filen eller minska den (t.ex. spara PDF-filen med lägre bildupplösning).' }),
        'an attached file kept as it is: its type is checked by its content, and it is handed on unchanged in the board package',
      ),
      confirmedNoPersonalData: ConfirmedNoPersonalData,
    }),
    output: AppendixSchema,
  }),
  'appendix.update': method({
    summary: 'Byter titel på en bilaga eller flyttar den i ordningen (nämndsekreterare).',
    input: z.strictObject({
      ...ReviewRef,
      id: RecordIdSchema,
      title: AppendixTitle.optional(),
      /** The new place among the attached files: 1 is the first (Bilaga 2). */
      position: z.number().int().min(1).max(MAX_APPENDICES).optional(),
    }),
    output: z.object({ appendices: z.array(AppendixSchema) }),
  }),
  'appendix.remove': method({
    summary: 'Tar bort en bilaga (nämndsekreterare).',
    input: z.strictObject({ ...ReviewRef, id: RecordIdSchema }),
    output: z.object({ appendices: z.array(AppendixSchema) }),
  }),
  'package.export': method({
    summary: 'Nämndpaketet: tjänsteutlåtandet, Bilaga 1 och de bifogade filerna med en förteckning och kontrollsummor, som zip (nämndsekreterare, godkänt utlåtande).',
    input: z.strictObject(ReviewRef),
    output: z.object({
      fileName: z.string(),
      contentBase64: z.string(),
      bytes: z.number().int().min(0),
      /** Every file of the package but the manifests themselves, in order. */
      manifest: z.array(ManifestEntrySchema),
    }),
  }),
};
