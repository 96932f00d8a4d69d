/** A readable id from a Swedish name: "Öppenvård barn 0–12 år" → "oppenvard-barn-0-12-ar". */
export function slugify(name: string, fallback = 'mall'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || fallback;
}
