// `npm run serve`: builds the renderer, then starts browser mode on 127.0.0.1 and prints the link.
import { ROOT, run, spawnInherit } from './lib.mjs';
import path from 'node:path';

if (run('vite', ['build', '--logLevel', 'warn']) !== 0) {
  console.error('Fel: bygget av användargränssnittet misslyckades.');
  process.exit(1);
}
const child = spawnInherit('tsx', [path.join(ROOT, 'main/server/main.ts'), ...process.argv.slice(2)]);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
