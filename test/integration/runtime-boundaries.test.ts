import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/server-process';

// The runtime boundaries are a lint rule; these cases prove the rule bites where it should.
const eslint = new ESLint({ cwd: ROOT });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('runtime boundaries', () => {
  it('keeps shared/ pure', async () => {
    expect(await restrictedImports('shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;")).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import path from 'path';\nexport const a = path;")).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import { x } from '../main/core/core';\nexport const a = x;")).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import { toJsonPath } from './util/json-path';\nexport const a = toJsonPath;")).toHaveLength(0);
  });

  it('keeps Electron out of the core, the server and the CLI', async () => {
    for (const file of ['main/core/x.ts', 'main/server/x.ts', 'main/cli/x.ts']) {
      expect(await restrictedImports(file, "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    }
    expect(await restrictedImports('main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(0);
  });

  it('keeps every feature out of db/ (the store), and Electron with it', async () => {
    const imports = (from: string) => `import { x } from '${from}';\nexport const a = x;`;
    expect(await restrictedImports('main/core/db/open.ts', imports('../reviews/repository'))).toHaveLength(1);
    expect(await restrictedImports('main/core/db/migrations/010-x.ts', imports('../../report/repository'))).toHaveLength(1);
    expect(await restrictedImports('main/core/db/audit-chain/x.ts', imports('../../audit/handlers'))).toHaveLength(1);
    expect(await restrictedImports('main/core/db/open.ts', imports('electron'))).toHaveLength(1);
    expect(await restrictedImports('main/core/db/open.ts', imports('./audit-chain/check'))).toHaveLength(0);
    expect(await restrictedImports('main/core/db/migrations/010-x.ts', imports('../audit-chain/hash'))).toHaveLength(0);
    expect(await restrictedImports('main/core/db/open.ts', imports('../errors'))).toHaveLength(0);
  });

  it('lets a feature reach another through its repository or service, never its handlers', async () => {
    const imports = (from: string) => `import { x } from '${from}';\nexport const a = x;`;
    expect(await restrictedImports('main/core/report/x.ts', imports('../reviews/handlers'))).toHaveLength(1);
    expect(await restrictedImports('main/core/report/x.ts', imports('../results/publication-handlers'))).toHaveLength(1);
    expect(await restrictedImports('main/core/report/office-scan/x.ts', imports('../../scoring/handlers'))).toHaveLength(1);
    expect(await restrictedImports('main/core/report/x.ts', imports('electron'))).toHaveLength(1);
    expect(await restrictedImports('main/core/report/x.ts', imports('../reviews/repository'))).toHaveLength(0);
    expect(await restrictedImports('main/core/report/x.ts', imports('./handlers'))).toHaveLength(0);
    // The core's top level registers every feature's handlers: that is its job.
    expect(await restrictedImports('main/core/core.ts', imports('./reviews/handlers'))).toHaveLength(0);
  });

  it('keeps Node and main/ out of the renderer', async () => {
    expect(await restrictedImports('renderer/src/x.ts', "import fs from 'fs';\nexport const a = fs;")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/x.ts', "import { createCore } from '../../main/core/core';\nexport const a = createCore;")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/x.ts', "import { contract } from '../../shared/contract';\nexport const a = contract;")).toHaveLength(0);
  });
});
