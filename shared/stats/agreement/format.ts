/** sv-SE numbers for agreement statistics: a fixed number of decimals, decimal comma, a real minus sign (U+2212, as Intl writes it). */
const formats = new Map<number, Intl.NumberFormat>();

export function formatFixed(value: number, decimals = 2): string {
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(decimals, format);
  }
  // −0,00 reads as a sign without a value.
  const text = format.format(value);
  return /^[−-]0,0*$/.test(text) ? text.slice(1) : text;
}

/** "0,84–0,96", or "−0,08 till 0,23" when a dash would read as a minus sign. */
export function formatRange(lower: number, upper: number, decimals = 2): string {
  const lo = formatFixed(lower, decimals);
  const hi = formatFixed(upper, decimals);
  return lo.startsWith('−') || hi.startsWith('−') ? `${lo} till ${hi}` : `${lo}–${hi}`;
}
