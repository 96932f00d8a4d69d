/**
 * Turns the bytes of an imported text file into text, recognising what Swedish users actually
 * have: UTF-8 with or without a byte-order mark, Windows-1252 (what Swedish Excel writes for
 * "CSV (semikolonavgränsad)"), and UTF-16 with a byte-order mark (Excel's "Unicode-text").
 */

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; reason: string };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return { ok: false, reason: 'Filen är en Excel-arbetsbok (.xlsx) eller en annan zip-fil, inte en CSV-fil. Importera den som Excel-fil, eller spara den som CSV i Excel.' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, reason: 'Filen är i Excels äldre format (.xls). Öppna den i Excel och spara den som .xlsx eller CSV.' };
  }

  let decoded: { text: string; encoding: TextEncodingName; bom: boolean };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeStrict('utf-8', bytes.subarray(3));
    // A UTF-8 mark followed by invalid UTF-8 is a damaged file; guessing another encoding would corrupt it silently.
    if (text === undefined) return { ok: false, reason: 'Filen är märkt som UTF-8 men innehåller ogiltiga tecken. Spara om den som "CSV UTF-8" i Excel.' };
    decoded = { text, encoding: 'utf-8', bom: true };
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decodeStrict(encoding, bytes.subarray(2));
    if (text === undefined) return { ok: false, reason: 'Filen är märkt som UTF-16 men innehåller ogiltiga tecken. Spara om den som "CSV UTF-8" i Excel.' };
    decoded = { text, encoding, bom: true };
  } else {
    // Windows-1252 maps every byte to some character, so it can only be the fallback: text that is
    // valid UTF-8 is taken as UTF-8 (Windows-1252 letters like "å" are never valid UTF-8 on their own).
    const text = decodeStrict('utf-8', bytes);
    decoded = text !== undefined ? { text, encoding: 'utf-8', bom: false } : { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', bom: false };
  }

  if (decoded.text.includes('\u0000')) {
    return { ok: false, reason: 'Filen innehåller nolltecken och verkar inte vara en textfil. Välj en CSV-fil, eller spara om filen som "CSV UTF-8" i Excel.' };
  }
  return { ok: true, ...decoded };
}

/** Swedish name of the encoding for the import preview. */
export function describeEncoding(encoding: TextEncodingName, bom: boolean): string {
  switch (encoding) {
    case 'utf-8':
      return bom ? 'UTF-8 (med BOM)' : 'UTF-8';
    case 'windows-1252':
      return 'Windows-1252 (västeuropeisk, som Excel sparar CSV)';
    case 'utf-16le':
    case 'utf-16be':
      return 'UTF-16 (Unicode-text)';
  }
}

function decodeStrict(encoding: TextEncodingName, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the caller has already removed the mark it recognised; a second one is content.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
