import { openDatabase } from '../../main/core/db/open';

/** Opens (and so migrates) the database named on the command line, as the app does at start; used by the kill trials. */
const { db, schemaVersion } = openDatabase(process.argv[2], { logError: () => {} });
db.close();
process.stdout.write(`opened at schema ${schemaVersion}\n`);
