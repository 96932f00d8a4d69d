import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from './errors';

const MAX_INPUT_BYTES = 250 * 1024 * 1024;

/** Reads a user-named file, turning every failure into a Swedish message that names the path. */
export function readUserFile(file: string, maxBytes = MAX_INPUT_BYTES): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new DomainError('VALIDATION', `Filen ${file} finns inte eller går inte att läsa.`);
  }
  if (stat.isDirectory()) throw new DomainError('VALIDATION', `${file} är en mapp, inte en fil.`);
  if (stat.size > maxBytes) throw new DomainError('VALIDATION', `Filen ${file} är för stor (${Math.round(stat.size / 1024 / 1024)} MB; högst ${Math.round(maxBytes / 1024 / 1024)} MB).`);
  return fs.readFileSync(file);
}

/**
 * Writes a file atomically: to a temporary file beside the target, flushed, then renamed over it,
 * so a crash or a full disk never leaves a half-written export.
 */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new DomainError('VALIDATION', `Mappen ${dir} finns inte.`);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    if (error instanceof DomainError) throw error;
    throw new DomainError('INTERNAL', `Filen ${file} kunde inte skrivas (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}
