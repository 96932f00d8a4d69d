/**
 * A number as a plain decimal: the shortest text that reads back as the same number, with the
 * exponent expanded — `1e+23` → `100000000000000000000000`, `1e-7` → `0.0000001`. JavaScript's
 * own `String(n)` switches to exponent notation below 1e-6 and from 1e21, which our importers
 * (and a spreadsheet set to Swedish) do not read back; expanding keeps the same digits, so
 * `Number(plainDecimal(n)) === n` for every finite n. Negative zero is written `0`.
 */
export function plainDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError('Only finite numbers have a decimal form.');
  const shortest = String(value);
  const e = shortest.indexOf('e');
  if (e === -1) return shortest;
  const negative = shortest.startsWith('-');
  const mantissa = shortest.slice(negative ? 1 : 0, e);
  const exponent = Number(shortest.slice(e + 1));
  const [whole, fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent; // where the decimal point lands within `digits`
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}
