import { z } from 'zod';
import { method } from './define';
import { opaque, RecordIdSchema } from './fields';

/**
 * What kind of place the trail broke at, so every face can word it: the database's triggers, the
 * end of the table, a link or a row's content, the answers replayed against the trail, or a head
 * hash noted earlier that the chain no longer contains. The `record-` kinds and `records` are the
 * same places in the record chain (händelseloggen: approvals, reopenings, the report's revisions
 * and log, appendices, findings, done marks), `records` being its replay against those tables.
 */
export const AUDIT_BREAK_KINDS = ['triggers', 'end', 'link', 'content', 'answers', 'anchor', 'record-end', 'record-link', 'record-content', 'records'] as const;
export type AuditBreakKind = (typeof AUDIT_BREAK_KINDS)[number];

export const AuditBreakSchema = z.object({
  kind: z.enum(AUDIT_BREAK_KINDS),
  /** The row (of answer_audit, or of record_log for the record kinds) at which the trail stops being trustworthy; null when no single row is to blame (a trigger, a rewritten chain, a row added outside the program). */
  seq: z.number().int().nullable(),
  at: z.string().nullable(),
  /** Swedish, for the reviewer. */
  reason: z.string(),
});

/** A chain's head hash as `audit.verify` prints it: SHA-256, 64 hex digits (either case). */
export const AUDIT_ANCHOR_PATTERN = /^[0-9a-fA-F]{64}$/;

/*
 * Not run through the identity-number guard: about 1 hash in 175 holds ten decimal digits between
 * two letters that read as a date and four digits, and the guard would refuse a hash the
 * workbench itself printed. The pattern already limits it to 64 hex digits, and it is only
 * compared with the chain, never stored.
 */
const AnchorSchema = opaque(
  // Trimmed: a hash copied back from a memo or the diarium often brings a space or a line break.
  z.string().trim().regex(AUDIT_ANCHOR_PATTERN, { message: 'Kontrollsumman ska vara 64 tecken 0–9 och a–f, så som "granska audit verify" skrev ut den.' }),
  'a SHA-256 hash (exactly 64 hex digits by its pattern), only compared with the chain and never stored',
);

export const auditMethods = {
  'audit.verify': method({
    summary:
      'Kontrollerar en gransknings ändringslogg och händelselogg: skydden i databasen, hashkedjorna, att loggarna stämmer med svaren, godkännandena, utlåtandet, bilagorna, fynden och klarmarkeringarna och, om den anges, en tidigare antecknad kontrollsumma.',
    input: z.strictObject({
      reviewId: RecordIdSchema,
      /** A head hash noted outside the workbench earlier (at approval, in the memo or the diarium), of either chain: it must still be a link of it. */
      anchor: AnchorSchema.optional(),
    }),
    output: z.object({
      ok: z.boolean(),
      /** Rows whose link checked out. */
      checked: z.number().int(),
      firstBroken: AuditBreakSchema.optional(),
      /** SHA-256 of the chain's last row: noted outside the workbench, it reveals a chain later rewritten from scratch. */
      head: z.string().optional(),
      /** Where the given anchor sits in the chain: every row up to and including it is as it was when the anchor was noted. */
      anchor: z.object({ seq: z.number().int(), at: z.string() }).optional(),
      /**
       * The record chain (händelseloggen), checked after the answers' trail: rows whose link checked
       * out (0 when a break before it stopped the check), its own head to note outside the workbench,
       * and where the anchor sits when the anchor given was one of its heads.
       */
      records: z.object({
        checked: z.number().int(),
        head: z.string().optional(),
        anchor: z.object({ seq: z.number().int(), at: z.string() }).optional(),
      }),
    }),
  }),
};
