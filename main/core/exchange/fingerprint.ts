import { createHash } from 'node:crypto';

/*
 * A workbench's public key as two people read it to each other over the phone before the first
 * exchange: 100 bits of the key's SHA-256 in Crockford's base32 (digits and capital letters
 * without I, L, O and U, so nothing reads as another character), five groups of four.
 * 100 bits leave no second key to find that shares them; the full key travels in every file.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 5;
const GROUP_LENGTH = 4;

export function keyFingerprint(publicKeyRaw: Uint8Array): string {
  const digest = createHash('sha256').update(publicKeyRaw).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < GROUPS * GROUP_LENGTH) {
      bits -= 5;
      out += ALPHABET[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
    if (out.length === GROUPS * GROUP_LENGTH) break;
  }
  return out.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
}

/** A fingerprint as someone typed it (lower case, spaces, O for 0, I or L for 1), in its printed form; undefined if it cannot be one. */
export function normalFingerprint(typed: string): string | undefined {
  const plain = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (plain.length !== GROUPS * GROUP_LENGTH || [...plain].some((c) => !ALPHABET.includes(c))) return undefined;
  return plain.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
}
