/** Sex codes of DOMAIN.md §5: F (flicka/kvinna), M (pojke/man), U (okänt — its own category, never guessed). */
export type SexCode = 'F' | 'M' | 'U';

export type SexParseResult = { ok: true; sex: SexCode } | { ok: false; reason: string };

/*
 * Values as they appear in the units' case lists, compared after trimming, lower-casing, removing
 * diacritics and a trailing full stop (so "män" reads as "man", "Okänt" as "okant"). 1 and 2 follow SCB's and ISO 5218's coding (1 = man,
 * 2 = kvinna); 0 and 9 are left out because registers disagree on what they mean.
 */
const VALUES: Record<string, SexCode> = {
  f: 'F', k: 'F', kv: 'F', flicka: 'F', flickor: 'F', tjej: 'F', kvinna: 'F', kvinnor: 'F', kvinnlig: 'F', 2: 'F',
  m: 'M', p: 'M', pojke: 'M', pojkar: 'M', kille: 'M', man: 'M', manlig: 'M', 1: 'M',
  '': 'U', u: 'U', okant: 'U', 'ej kant': 'U', 'inte kant': 'U', 'vet ej': 'U', saknas: 'U', 'uppgift saknas': 'U', '-': 'U',
};
const normalize = (value: string) =>
  value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ');

/** Parses a `kön` cell; an empty cell is okänt (U), an unrecognised value an error. */
export function parseSex(value: string): SexParseResult {
  const sex = VALUES[normalize(value)];
  if (sex) return { ok: true, sex };
  // The value is only repeated when it cannot be a misplaced identity number or other long data.
  const shown = /^[^\d]{1,30}$/.test(value.trim()) ? `"${value.trim()}" ` : '';
  return { ok: false, reason: `Okänt värde för kön ${shown}– använd flicka, pojke, kvinna, man, F, M eller okänt (tom cell betyder okänt).` };
}
