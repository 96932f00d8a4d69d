import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, sign, verify, type KeyObject } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { formatNumber } from '../../../shared/util/format-sv';
import { invalid } from '../errors';
import { keyFingerprint } from './fingerprint';
import { publicKeyFromRaw, rawPublicKey, type WorkbenchIdentity } from './identity';

/*
 * The exchange file's envelope: what travels between inspectors' laptops on the shared drive.
 *
 *   granska-utbyte/1\n                         magic, so a wrong file is named as such
 *   {"kdf":{…scrypt…},"cipher":{…iv…}}\n       the parameters, in the clear, authenticated as AAD
 *   AES-256-GCM(deflate(inner)) ‖ tag (16 B)   the key from the passphrase by scrypt
 *
 *   inner = {"signer":{"workbenchId","publicKey"},"signature"}\n payload
 *
 * Signed, then encrypted: only someone with the passphrase sees who wrote the file, and the
 * signature covers the exact payload bytes (no canonical form to agree on, nothing parsed before it
 * is verified) together with the signer's id and key, under a tag of its own so a signature made for
 * anything else never verifies here. AES-GCM fails on any changed byte of the header or the body;
 * the signature then says which workbench wrote it, which the caller compares with the review's
 * members. Everything read is bounded before it is allocated.
 */
const MAGIC = Buffer.from('granska-utbyte/1\n', 'ascii');
const SIGNATURE_TAG = Buffer.from('granska-utbyte/1 underskrift\0', 'ascii');
const TAG_BYTES = 16;
const IV_BYTES = 12;
const SALT_BYTES = 16;
const MAX_HEADER_BYTES = 4096;

export const EXCHANGE_LIMITS = {
  /** The whole file: the 2,281-case reference study with every answer is a few MB. */
  fileBytes: 256 * 1024 * 1024,
  /** The payload after inflating: a file cannot unpack to more than this. */
  payloadBytes: 1024 * 1024 * 1024,
  passphraseMinLength: 12,
} as const;

/** scrypt's cost as 2^logN; 17 takes about 0.8 s on the 2-core build machines. A file may say 14–18: lower only weakens the sender's own file, higher would let a file demand a GB of memory. */
const DEFAULT_LOG_N = 17;
const LOG_N_RANGE = [14, 18] as const;
const SCRYPT_R = 8;
const MAX_SCRYPT_P = 2;

interface KdfParams {
  name: 'scrypt';
  logN: number;
  r: number;
  p: number;
  salt: string;
}
interface OuterHeader {
  kdf: KdfParams;
  cipher: { name: 'aes-256-gcm'; iv: string };
}

export interface OpenedExchange {
  payload: Buffer;
  signer: { workbenchId: string; publicKey: Buffer; fingerprint: string };
  /** SHA-256 of the payload: the same content sent twice (re-encrypted, so other bytes) is the same bundle. */
  payloadSha256: string;
}

const WORKBENCH_ID = /^[A-Za-z0-9_-]{1,64}$/;
const NOT_AN_EXCHANGE_FILE = 'Filen är ingen utbytesfil från Granskningsbänken (den börjar inte som en sådan).';
const DAMAGED_HEADER = 'Utbytesfilens inledning är skadad eller av en okänd sort. Be avsändaren skriva filen på nytt.';
const WRONG_PASSPHRASE_OR_CHANGED = 'Lösenfrasen stämmer inte, eller filen har ändrats efter att den skrevs (en enda ändrad byte räcker). Kontrollera lösenfrasen; stämmer den, be avsändaren skriva filen på nytt.';
const BAD_SIGNATURE = 'Utbytesfilens underskrift stämmer inte: innehållet är inte det som arbetsbänken den uppger skrev. Filen läses inte.';

function deriveKey(passphrase: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 128 * N * r * p + 16 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function signedMessage(workbenchId: string, publicKey: Buffer, payload: Uint8Array): Buffer {
  return Buffer.concat([SIGNATURE_TAG, Buffer.from(workbenchId, 'ascii'), Buffer.from([0]), publicKey, payload]);
}

/** Signs the payload as the workbench and encrypts it under the passphrase. */
export async function sealExchange(payload: Uint8Array, identity: WorkbenchIdentity, passphrase: string, options: { logN?: number } = {}): Promise<Buffer> {
  if ([...passphrase].length < EXCHANGE_LIMITS.passphraseMinLength) {
    throw invalid(`Lösenfrasen är för kort: den ska ha minst ${EXCHANGE_LIMITS.passphraseMinLength} tecken (gärna några ord).`, [{ path: '$.passphrase', message: `Minst ${EXCHANGE_LIMITS.passphraseMinLength} tecken.` }]);
  }
  if (!WORKBENCH_ID.test(identity.workbenchId)) throw new TypeError('workbench id must be 1–64 of A–Z, a–z, 0–9, _ and -');
  const publicKey = rawPublicKey(identity.publicKey);
  const signature = sign(null, signedMessage(identity.workbenchId, publicKey, payload), identity.privateKey);
  const innerHeader = JSON.stringify({ signer: { workbenchId: identity.workbenchId, publicKey: publicKey.toString('base64') }, signature: signature.toString('base64') });
  const inner = deflateRawSync(Buffer.concat([Buffer.from(`${innerHeader}\n`, 'utf8'), payload]));

  const logN = options.logN ?? DEFAULT_LOG_N;
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const header: OuterHeader = { kdf: { name: 'scrypt', logN, r: SCRYPT_R, p: 1, salt: salt.toString('base64') }, cipher: { name: 'aes-256-gcm', iv: iv.toString('base64') } };
  const prefix = Buffer.concat([MAGIC, Buffer.from(`${JSON.stringify(header)}\n`, 'ascii')]);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, logN, SCRYPT_R, 1), iv);
  cipher.setAAD(prefix);
  const body = Buffer.concat([cipher.update(inner), cipher.final(), cipher.getAuthTag()]);
  const file = Buffer.concat([prefix, body]);
  if (file.length > EXCHANGE_LIMITS.fileBytes) throw invalid(`Utbytesfilen blir för stor (${formatNumber(Math.ceil(file.length / 1024 / 1024))} MB); en utbytesfil får vara högst ${formatNumber(EXCHANGE_LIMITS.fileBytes / 1024 / 1024)} MB.`);
  return file;
}

/** A line of JSON starting at `from`, at most MAX_HEADER_BYTES long; undefined if there is none. */
function jsonLine(bytes: Buffer, from: number): { value: unknown; end: number } | undefined {
  const newline = bytes.subarray(from, from + MAX_HEADER_BYTES).indexOf(0x0a);
  if (newline < 0) return undefined;
  try {
    return { value: JSON.parse(bytes.subarray(from, from + newline).toString('utf8')), end: from + newline + 1 };
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const base64Of = (v: unknown, bytes: number): Buffer | undefined => {
  if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v)) return undefined;
  const decoded = Buffer.from(v, 'base64');
  return decoded.length === bytes ? decoded : undefined;
};

function outerHeader(value: unknown): { salt: Buffer; iv: Buffer; logN: number; r: number; p: number } | undefined {
  if (!isRecord(value) || !isRecord(value.kdf) || !isRecord(value.cipher)) return undefined;
  const { kdf, cipher } = value;
  const salt = base64Of(kdf.salt, SALT_BYTES);
  const iv = base64Of(cipher.iv, IV_BYTES);
  const int = (v: unknown, min: number, max: number) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : undefined);
  const logN = int(kdf.logN, LOG_N_RANGE[0], LOG_N_RANGE[1]);
  const r = int(kdf.r, SCRYPT_R, SCRYPT_R);
  const p = int(kdf.p, 1, MAX_SCRYPT_P);
  if (kdf.name !== 'scrypt' || cipher.name !== 'aes-256-gcm' || !salt || !iv || logN === undefined || r === undefined || p === undefined) return undefined;
  return { salt, iv, logN, r, p };
}

/** Decrypts with the passphrase and verifies the signature; every failure is a Swedish VALIDATION error and nothing of the file is returned. */
export async function openExchange(file: Buffer, passphrase: string): Promise<OpenedExchange> {
  if (file.length > EXCHANGE_LIMITS.fileBytes) throw invalid(`Utbytesfilen är för stor (${formatNumber(Math.ceil(file.length / 1024 / 1024))} MB); högst ${formatNumber(EXCHANGE_LIMITS.fileBytes / 1024 / 1024)} MB.`);
  if (file.length < MAGIC.length || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw invalid(NOT_AN_EXCHANGE_FILE);
  const line = jsonLine(file, MAGIC.length);
  const header = line && outerHeader(line.value);
  if (!line || !header) throw invalid(DAMAGED_HEADER);
  const body = file.subarray(line.end);
  if (body.length < TAG_BYTES) throw invalid(WRONG_PASSPHRASE_OR_CHANGED);

  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, header.salt, header.logN, header.r, header.p), header.iv);
  decipher.setAAD(file.subarray(0, line.end));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  let deflated: Buffer;
  try {
    deflated = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw invalid(WRONG_PASSPHRASE_OR_CHANGED);
  }
  let inner: Buffer;
  try {
    inner = inflateRawSync(deflated, { maxOutputLength: EXCHANGE_LIMITS.payloadBytes + MAX_HEADER_BYTES });
  } catch {
    // Authenticated, so written by someone with the passphrase: too large, or not made by us.
    throw invalid(`Utbytesfilens innehåll går inte att packa upp inom gränsen på ${formatNumber(EXCHANGE_LIMITS.payloadBytes / 1024 / 1024)} MB.`);
  }

  const signed = jsonLine(inner, 0);
  const v = signed?.value;
  const signer = isRecord(v) && isRecord(v.signer) ? v.signer : undefined;
  const publicKeyRaw = signer && base64Of(signer.publicKey, 32);
  const signature = isRecord(v) ? base64Of(v.signature, 64) : undefined;
  const workbenchId = signer && typeof signer.workbenchId === 'string' && WORKBENCH_ID.test(signer.workbenchId) ? signer.workbenchId : undefined;
  const publicKey: KeyObject | undefined = publicKeyRaw && publicKeyFromRaw(publicKeyRaw);
  if (!signed || !publicKeyRaw || !signature || !workbenchId || !publicKey) throw invalid(BAD_SIGNATURE);
  const payload = inner.subarray(signed.end);
  if (!verify(null, signedMessage(workbenchId, publicKeyRaw, payload), publicKey, signature)) throw invalid(BAD_SIGNATURE);
  return {
    payload,
    signer: { workbenchId, publicKey: publicKeyRaw, fingerprint: keyFingerprint(publicKeyRaw) },
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
  };
}
