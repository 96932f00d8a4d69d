/** "A", "A och B", "A, B och C" (or "A eller B"): a Swedish list, no serial comma. */
export function listSv(items: readonly string[], conjunction: 'och' | 'eller' = 'och'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "Socialnämnden" → "socialnämnden" inside a sentence. */
export const midSentence = (name: string): string => (name.length === 0 ? name : name[0].toLocaleLowerCase('sv-SE') + name.slice(1));
