import { z } from 'zod';
import { method } from './define';
import { RecordIdSchema } from './fields';

export const AuditBreakSchema = z.object({
  /** The audit row at which the trail stops being trustworthy; null when no single row is to blame (a trigger). */
  seq: z.number().int().nullable(),
  at: z.string().nullable(),
  /** Swedish, for the reviewer. */
  reason: z.string(),
});

export const auditMethods = {
  'audit.verify': method({
    summary: 'Kontrollerar en gransknings ändringslogg: skydden i databasen, hashkedjan och att loggen stämmer med svaren.',
    input: z.strictObject({ reviewId: RecordIdSchema }),
    output: z.object({
      ok: z.boolean(),
      /** Rows whose link checked out. */
      checked: z.number().int(),
      firstBroken: AuditBreakSchema.optional(),
      /** SHA-256 of the chain's last row: noted outside the workbench, it also reveals a chain rewritten from scratch. */
      head: z.string().optional(),
    }),
  }),
};
