import { z } from 'zod';
import { method } from './define';

export const appMethods = {
  'app.info': method({
    summary: 'Visar programversion, databasens schemaversion och sökväg.',
    input: z.strictObject({}),
    output: z.object({ appVersion: z.string(), schemaVersion: z.number().int(), dbPath: z.string() }),
  }),
};
