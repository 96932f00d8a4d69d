/** Swedish display formats (sv-SE): numbers with space grouping and comma decimals, ISO-like dates. */
const numberFormat = new Intl.NumberFormat('sv-SE');

export const formatNumber = (n: number): string => numberFormat.format(n);

/** "2026-11-23 14:05" in local time; sv-SE writes dates the ISO way. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "den 15 januari 2025" from "2025-01-15", as dates are written in memo prose. */
export function formatDateInWords(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `den ${d} ${months[m - 1]} ${y}`;
}
