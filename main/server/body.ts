import type http from 'node:http';
import { formatNumber } from '../../shared/util/format-sv';
import { contract, isMethodName } from '../../shared/contract';

/** Ordinary calls carry a few ids and fields; only file-carrying methods declare more (`maxInputBytes`). */
export const DEFAULT_MAX_INPUT_BYTES = 1024 * 1024;

export function maxInputBytesFor(method: string): number {
  return (isMethodName(method) ? contract[method].maxInputBytes : undefined) ?? DEFAULT_MAX_INPUT_BYTES;
}

export type BodyOutcome =
  | { ok: true; bytes: Buffer }
  | { ok: false; status: 400 | 408 | 411 | 413 | 503; message: string };

export const tooLargeMessage = (maxBytes: number): string =>
  `Förfrågan är för stor: högst ${formatNumber(Math.round((maxBytes / 1024 / 1024) * 10) / 10)} MB tas emot för den här åtgärden.`;

export const LENGTH_REQUIRED_MESSAGE = 'Förfrågan måste ange sin storlek (Content-Length) när den skickar en fil; en fil i delar (chunked) tas inte emot.';

/** The body size the client announced, or undefined when it sent none (a chunked body, or no body). */
function declaredLength(req: http.IncomingMessage): number | undefined {
  const declared = req.headers['content-length'];
  return declared === undefined ? undefined : Number(declared);
}

/** True when the client announced a body larger than allowed: refused before a byte of it is read. */
export function declaredTooLarge(req: http.IncomingMessage, maxBytes: number): boolean {
  const declared = declaredLength(req);
  return declared !== undefined && declared > maxBytes;
}

/**
 * Reads a request body into ONE buffer, counting as it reads: the first byte over `maxBytes` ends
 * the reading (413) whatever Content-Length promised, and a client that sends nothing for
 * `idleMs` is answered 408. The caller answers the refusals (see refuseAndClose).
 *
 * A large body is a file (a method with `maxInputBytes`), and its bytes are copied once, into a
 * buffer allocated at the size Content-Length announces, instead of being kept as chunks and
 * joined (which held it twice). So a file method needs Content-Length, as every browser sends for
 * fetch with a text body: a chunked body to it is refused with 411 before any of it is read.
 * Chunked bodies of other methods are small by their limit and are gathered as before.
 */
export function readBody(
  req: http.IncomingMessage,
  options: { maxBytes: number; idleMs: number; /** e.g. send `100 Continue`, only once the size is known to be acceptable */ beforeReading?: () => void },
): Promise<BodyOutcome> {
  if (declaredTooLarge(req, options.maxBytes)) return Promise.resolve({ ok: false, status: 413, message: tooLargeMessage(options.maxBytes) });
  const declared = declaredLength(req);
  if (declared === undefined && req.headers['transfer-encoding'] !== undefined && options.maxBytes > DEFAULT_MAX_INPUT_BYTES) {
    return Promise.resolve({ ok: false, status: 411, message: LENGTH_REQUIRED_MESSAGE });
  }
  let target: Buffer | undefined;
  if (declared !== undefined) {
    try {
      target = Buffer.allocUnsafe(declared);
    } catch {
      return Promise.resolve({ ok: false, status: 503, message: 'Servern har inte minne för förfrågan just nu. Försök igen, eller stäng andra program.' });
    }
  }
  options.beforeReading?.();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.pause();
      chunks.length = 0;
      target = undefined;
      resolve(outcome);
    };
    const idle = setTimeout(() => {
      settle({ ok: false, status: 408, message: `Förfrågan tog för lång tid: inga data kom på ${formatNumber(options.idleMs / 1000)} sekunder.` });
    }, options.idleMs);
    const onData = (chunk: Buffer) => {
      // Node ends a body at its Content-Length; the target check is a second fence, not the limit.
      if (size + chunk.length > options.maxBytes || (target && size + chunk.length > target.length)) {
        settle({ ok: false, status: 413, message: tooLargeMessage(options.maxBytes) });
        return;
      }
      if (target) chunk.copy(target, size);
      else chunks.push(chunk);
      size += chunk.length;
      idle.refresh();
    };
    const onEnd = () => {
      const bytes = target ? target.subarray(0, size) : Buffer.concat(chunks, size);
      if (target && size !== target.length) settle({ ok: false, status: 400, message: 'Förfrågan avbröts innan den var komplett.' });
      else settle({ ok: true, bytes });
    };
    const onClose = () => settle({ ok: false, status: 400, message: 'Förfrågan avbröts innan den var komplett.' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
  });
}
