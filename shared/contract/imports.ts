import { z } from 'zod';
import { method } from './define';
import { identifier } from './fields';

/**
 * A long import's progress, asked for while the import runs (the faces poll `imports.progress`
 * with the id they gave the import). The client makes the id: 16 to 40 lowercase letters, so it
 * is known before the import answers and can never spell a number.
 */
export const ProgressIdSchema = identifier({ max: 40, pattern: /^[a-z]{16,40}$/, message: 'Förloppets id ska vara 16–40 små bokstäver a–z.' });

/**
 * Where an import is: waiting for another import to finish, starting the background reader,
 * reading the file, checking its rows, writing them in one transaction, finished (with or without
 * importing: the import's own answer says which).
 */
export const IMPORT_PHASES = ['queued', 'starting', 'reading', 'checking', 'writing', 'done'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export const ImportProgressSchema = z.object({
  phase: z.enum(IMPORT_PHASES),
  /** Rows done in this phase, of `total` (both 0 where the phase has no rows to count). */
  done: z.number().int(),
  total: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const importMethods = {
  'imports.progress': method({
    summary: 'Visar hur långt en pågående import har kommit (rader lästa, kontrollerade och sparade).',
    input: z.strictObject({ id: ProgressIdSchema }),
    /** null: no import with this id is running or has just finished (unknown, or finished over a minute ago). */
    output: z.object({ progress: ImportProgressSchema.nullable() }),
  }),
};
