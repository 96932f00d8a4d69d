/** "A", "A och B", "A, B och C": a Swedish list, no serial comma. */
export function listSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/** "Socialnämnden" → "socialnämnden" inside a sentence. */
export const midSentence = (name: string): string => (name.length === 0 ? name : name[0].toLocaleLowerCase('sv-SE') + name.slice(1));
