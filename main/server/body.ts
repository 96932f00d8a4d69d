import type http from 'node:http';
import { formatNumber } from '../../shared/util/format-sv';
import { contract, isMethodName } from '../../shared/contract';

/** Ordinary calls carry a few ids and fields; only file-carrying methods declare more (`maxInputBytes`). */
export const DEFAULT_MAX_INPUT_BYTES = 1024 * 1024;

export function maxInputBytesFor(method: string): number {
  return (isMethodName(method) ? contract[method].maxInputBytes : undefined) ?? DEFAULT_MAX_INPUT_BYTES;
}

export type BodyOutcome =
  | { ok: true; text: string }
  | { ok: false; status: 400 | 408 | 413; message: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export const tooLargeMessage = (maxBytes: number): string =>
  `Förfrågan är för stor: högst ${formatNumber(Math.round((maxBytes / 1024 / 1024) * 10) / 10)} MB tas emot för den här åtgärden.`;

/** True when the client announced a body larger than allowed: refused before a byte of it is read. */
export function declaredTooLarge(req: http.IncomingMessage, maxBytes: number): boolean {
  const declared = req.headers['content-length'];
  return declared !== undefined && Number(declared) > maxBytes;
}

/**
 * Reads a request body as UTF-8 text, counting as it reads: the first byte over `maxBytes` ends the
 * reading (413) whatever Content-Length promised, chunked or not, and a client that sends nothing for
 * `idleMs` is answered 408. The caller answers the refusals (see refuseAndClose).
 */
export function readBody(
  req: http.IncomingMessage,
  options: { maxBytes: number; idleMs: number; /** e.g. send `100 Continue`, only once the size is known to be acceptable */ beforeReading?: () => void },
): Promise<BodyOutcome> {
  if (declaredTooLarge(req, options.maxBytes)) return Promise.resolve({ ok: false, status: 413, message: tooLargeMessage(options.maxBytes) });
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
      resolve(outcome);
    };
    const idle = setTimeout(() => {
      settle({ ok: false, status: 408, message: `Förfrågan tog för lång tid: inga data kom på ${formatNumber(options.idleMs / 1000)} sekunder.` });
    }, options.idleMs);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxBytes) {
        chunks.length = 0;
        settle({ ok: false, status: 413, message: tooLargeMessage(options.maxBytes) });
        return;
      }
      chunks.push(chunk);
      idle.refresh();
    };
    const onEnd = () => {
      try {
        settle({ ok: true, text: strictUtf8.decode(Buffer.concat(chunks, size)) });
      } catch {
        settle({ ok: false, status: 400, message: 'Förfrågan är inte giltig UTF-8-text.' });
      }
    };
    const onClose = () => settle({ ok: false, status: 400, message: 'Förfrågan avbröts innan den var komplett.' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
  });
}
