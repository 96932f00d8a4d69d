// `npm start`: builds and launches the desktop app; where the Electron binary cannot be had
// (as on machines without network access to Electron's downloads) it says so in one line and
// starts browser mode instead.
import { buildAll } from './build.mjs';
import { findElectronBinary, ROOT, spawnInherit } from './lib.mjs';
import path from 'node:path';

try {
  await buildAll({ quiet: true });
} catch (error) {
  console.error(`Fel: ${error.message}`);
  process.exit(1);
}
const electron = findElectronBinary();
const child = electron
  ? spawnInherit(electron, [ROOT, ...process.argv.slice(2)])
  : (console.log('Electron-programmet finns inte på den här datorn (binären kunde inte hämtas) – startar webbläsarläget i stället.'),
    spawnInherit('tsx', [path.join(ROOT, 'main/server/main.ts'), ...process.argv.slice(2)]));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
