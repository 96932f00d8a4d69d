import { z } from 'zod';
import { method } from './define';
import { CASE_LIST_LIMITS } from '../import/limits';
import { echoedName, freeText, opaque, RecordIdSchema } from './fields';
import { ProgressIdSchema } from './imports';

/** A header text picked in the mapping step; empty means "no column". */
const MappedHeader = freeText({ max: 500, trim: false });
const CaseFieldMapping = z.strictObject({
  akt: MappedHeader.optional(),
  personnummer: MappedHeader.optional(),
  kon: MappedHeader.optional(),
  alder: MappedHeader.optional(),
  fodelsedatum: MappedHeader.optional(),
  enhet: MappedHeader.optional(),
});

export const CaseSchema = z.object({
  id: z.string(),
  ref: z.string(),
  unit: z.string(),
  sex: z.enum(['F', 'M', 'U']),
  age: z.number().int().nullable(),
  ageBand: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  done: z.boolean(),
});
export type CaseFile = z.infer<typeof CaseSchema>;

/** A row that cannot be imported; `ref` is its case reference when it had one, so the row can be found. */
const Rejected = z.object({ row: z.number().int(), column: z.string().optional(), ref: z.string().optional(), reason: z.string() });

/** What to do with rows whose unit the review does not have, even ignoring case and spacing. */
export const UNKNOWN_UNIT_CHOICES = ['add', 'skip'] as const;
const UnknownUnit = z.object({ unit: z.string(), rows: z.number().int(), existing: z.number().int() });

/** The largest case list (CSV or xlsx) any face accepts; sent as base64. */
export const MAX_CASE_LIST_BYTES = CASE_LIST_LIMITS.bytes;

export const caseMethods = {
  'cases.import': method({
    summary: 'Importerar en akt-lista (CSV) till en granskning. Personnummer används bara för kön och ålder och sparas aldrig.',
    /** The base64 file plus room for the rest of the JSON. */
    maxInputBytes: Math.ceil((MAX_CASE_LIST_BYTES * 4) / 3) + 2 * 1024 * 1024,
    input: z.strictObject({
      reviewId: RecordIdSchema,
      fileName: echoedName(500).optional(),
      contentBase64: opaque(
        z.string().max(Math.ceil((MAX_CASE_LIST_BYTES * 4) / 3) + 1024 * 1024),
        'a case list: the personnummer column is parsed and dropped, every other cell is refused row by row (shared/import/case-list.ts)',
      ),
      /** Header chosen per field in the mapping step; otherwise recognised from the header row. */
      mapping: CaseFieldMapping.optional(),
      /** What to do with a case reference the review already has. Required when there are any. */
      onExisting: z.enum(['skip', 'update']).optional(),
      /** Import the valid rows even if others were rejected (otherwise nothing is imported). */
      validRowsOnly: z.boolean().optional(),
      /**
       * Rows whose unit is not one of the review's: add those units to the review (the default, as
       * before units were checked) or skip the rows. A unit that differs from one of the review's
       * only in case or surrounding spaces ("skarpnäck") is always read as the review's ("Skarpnäck").
       */
      unknownUnits: z.enum(UNKNOWN_UNIT_CHOICES).optional(),
      /** Replace each case reference by a generated code; the key is written to a file, never stored. */
      pseudonymise: z.boolean().optional(),
      /**
       * Where the key is written, as an absolute path on the machine running the core; written
       * durably before the cases are committed and never over an existing file. Without it (browser
       * mode, which cannot name a path there) a new file in `Kodnycklar/` beside the database.
       */
      keyFile: freeText({ min: 1, max: 4096, trim: false }).optional(),
      /** Only read and check the file: the preview. */
      dryRun: z.boolean().optional(),
      /** The client's id for asking `imports.progress` while this import runs. */
      progressId: ProgressIdSchema.optional(),
    }),
    output: z.object({
      dryRun: z.boolean(),
      encoding: z.string(),
      separator: z.string(),
      columns: z.record(z.string(), z.string()),
      attributeColumns: z.array(z.string()),
      /** Every header of the file, for the column-mapping step. */
      headers: z.array(z.string()),
      /** Required fields without a column (only in a dry run; the mapping step must fill them). */
      missingFields: z.array(z.string()),
      rows: z.number().int(),
      imported: z.number().int(),
      updated: z.number().int(),
      skipped: z.number().int(),
      existing: z.number().int(),
      rejected: z.array(Rejected),
      units: z.array(z.string()),
      /**
       * Units of the file that the review does not have, with how many valid rows each and how many
       * of those already exist; empty when the review has no units yet (the list then defines them).
       */
      unknownUnits: z.array(UnknownUnit),
      /** Rows left out because their unit is unknown and `unknownUnits` was `skip`. */
      skippedUnknown: z.number().int(),
      preview: z.array(CaseSchema.omit({ id: true, done: true })),
      key: z.array(z.object({ code: z.string(), ref: z.string() })).optional(),
      /** The file the key was written to (with `key`). */
      keyFile: z.string().optional(),
    }),
  }),
  'cases.list': method({
    summary: 'Listar akterna i en granskning (sök på akt eller enhet, sida för sida).',
    input: z.strictObject({
      reviewId: RecordIdSchema,
      /** Part of the case reference or unit, any case. */
      query: freeText({ max: 200 }).optional(),
      /** Only this unit (exact). */
      unit: freeText({ max: 120 }).optional(),
      offset: z.number().int().min(0).max(100_000_000).optional(),
      /** Without it every matching file is listed. */
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    /** `total`: how many files match the filter, whatever the page. */
    output: z.object({ cases: z.array(CaseSchema), total: z.number().int() }),
  }),
};
