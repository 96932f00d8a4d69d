import type { HandlerMap } from './dispatch';
import { readUserVersion } from './db/open';

export const appHandlers: HandlerMap = {
  'app.info': (_input, { db, appVersion, dbPath }) => ({ appVersion, schemaVersion: readUserVersion(db), dbPath }),
};
