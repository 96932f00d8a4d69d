import { describe, expect, it } from 'vitest';
import { DomainError } from '../../main/core/errors';
import { EXCHANGE_LIMITS, openExchange, sealExchange } from '../../main/core/exchange/envelope';
import { keyFingerprint, normalFingerprint } from '../../main/core/exchange/fingerprint';
import { fingerprintOf, identityFromBytes, newWorkbenchIdentity, privateKeyBytes, rawPublicKey } from '../../main/core/exchange/identity';

// scrypt at 2^14 here (the lowest a file may say) keeps the many opens below quick; files are written at 2^17.
const FAST = { logN: 14 };
const PASSPHRASE = 'korp lampa vinter sju';
const payload = Buffer.from(JSON.stringify({ format: 'granskning/1', review: 'SOF 2024/543', answers: Array.from({ length: 200 }, (_, i) => ({ akt: `A-${i}`, svar: 'ja' })) }), 'utf8');

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('VALIDATION');
  return error as DomainError;
}

describe('the exchange envelope', () => {
  const anna = newWorkbenchIdentity('wb-anna');
  const bo = newWorkbenchIdentity('wb-bo');

  it('gives back the exact payload, the signer and its fingerprint, and the payload’s hash', async () => {
    const file = await sealExchange(payload, anna, PASSPHRASE, FAST);
    expect(file.subarray(0, 17).toString('ascii')).toBe('granska-utbyte/1\n');
    expect(file.includes(Buffer.from('wb-anna'))).toBe(false); // who wrote it is inside the encryption
    const opened = await openExchange(file, PASSPHRASE);
    expect(opened.payload.equals(payload)).toBe(true);
    expect(opened.signer).toEqual({ workbenchId: 'wb-anna', publicKey: rawPublicKey(anna.publicKey), fingerprint: fingerprintOf(anna) });
    // Sealed again the bytes differ (salt, IV), the content is the same bundle.
    const again = await sealExchange(payload, anna, PASSPHRASE, FAST);
    expect(again.equals(file)).toBe(false);
    expect((await openExchange(again, PASSPHRASE)).payloadSha256).toBe(opened.payloadSha256);
  });

  it('refuses every single changed byte, in the magic, the parameters, the body and the tag', async () => {
    const file = await sealExchange(payload, anna, PASSPHRASE, FAST);
    const positions = new Set([0, 5, 16, 17, 30, 60]);
    for (let i = 0; i < 24; i++) positions.add(Math.floor(((i + 0.5) / 24) * file.length));
    for (let back = 1; back <= 16; back += 5) positions.add(file.length - back);
    for (const at of positions) {
      const changed = Buffer.from(file);
      changed[at] ^= 0x01;
      const error = await refusal(openExchange(changed, PASSPHRASE));
      expect(error.message, `byte ${at}`).toMatch(/^(Filen är ingen utbytesfil|Utbytesfilens inledning är skadad|Lösenfrasen stämmer inte, eller filen har ändrats)/);
    }
    expect(positions.size).toBeGreaterThanOrEqual(30);
  });

  it('refuses a wrong passphrase, a cut file and a file that is something else, in Swedish', async () => {
    const file = await sealExchange(payload, anna, PASSPHRASE, FAST);
    expect((await refusal(openExchange(file, 'korp lampa vinter sex'))).message).toMatch(/^Lösenfrasen stämmer inte/);
    expect((await refusal(openExchange(file.subarray(0, file.length - 100), PASSPHRASE))).message).toMatch(/^Lösenfrasen stämmer inte/);
    expect((await refusal(openExchange(Buffer.from('akt;fråga;svar\n'), PASSPHRASE))).message).toMatch(/^Filen är ingen utbytesfil/);
    expect((await refusal(openExchange(Buffer.from('granska-utbyte/1\n{"kdf":'), PASSPHRASE))).message).toMatch(/^Utbytesfilens inledning är skadad/);
  });

  it('refuses a file that claims another workbench’s key but was signed with a different one', async () => {
    // Someone who knows the passphrase writes as Anna: her id and public key, his private key.
    const forged = await sealExchange(payload, { workbenchId: 'wb-anna', publicKey: anna.publicKey, privateKey: bo.privateKey }, PASSPHRASE, FAST);
    expect((await refusal(openExchange(forged, PASSPHRASE))).message).toMatch(/^Utbytesfilens underskrift stämmer inte/);
    // Signed with his own key, it opens as his: whether he may send it is the review's roster's to say.
    expect((await openExchange(await sealExchange(payload, bo, PASSPHRASE, FAST), PASSPHRASE)).signer.workbenchId).toBe('wb-bo');
  });

  it('refuses parameters that would make opening cost a gigabyte, before deriving any key', async () => {
    const file = await sealExchange(payload, anna, PASSPHRASE, FAST);
    const text = file.toString('latin1').replace('"logN":14', '"logN":30');
    expect((await refusal(openExchange(Buffer.from(text, 'latin1'), PASSPHRASE))).message).toMatch(/^Utbytesfilens inledning är skadad/);
  });

  it('refuses a short passphrase when writing', async () => {
    const error = await refusal(sealExchange(payload, anna, 'kort', FAST));
    expect(error.message).toBe(`Lösenfrasen är för kort: den ska ha minst ${EXCHANGE_LIMITS.passphraseMinLength} tecken (gärna några ord).`);
  });

  it('keeps a workbench’s key as PKCS#8 bytes and reads it back to the same identity', () => {
    const back = identityFromBytes('wb-anna', privateKeyBytes(anna.privateKey));
    expect(rawPublicKey(back.publicKey).equals(rawPublicKey(anna.publicKey))).toBe(true);
  });
});

describe('a key fingerprint', () => {
  it('is five groups of four in Crockford’s base32, and reads back however it is typed', () => {
    const { publicKey } = newWorkbenchIdentity('wb-x');
    const printed = keyFingerprint(rawPublicKey(publicKey));
    expect(printed).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(normalFingerprint(printed.toLowerCase().replace(/-/g, ' '))).toBe(printed);
    expect(normalFingerprint(printed.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(printed);
    expect(normalFingerprint(`${printed}-A`)).toBeUndefined();
    expect(normalFingerprint('UUUU-UUUU-UUUU-UUUU-UUUU')).toBeUndefined();
  });

  it('differs for different keys and is the same for the same key', () => {
    const prints = new Set(Array.from({ length: 200 }, () => keyFingerprint(rawPublicKey(newWorkbenchIdentity('wb').publicKey))));
    expect(prints.size).toBe(200);
    const key = rawPublicKey(newWorkbenchIdentity('wb').publicKey);
    expect(keyFingerprint(key)).toBe(keyFingerprint(Buffer.from(key)));
  });
});
