import { randomBytes } from 'node:crypto';

/** Short random ids such as "g-5kq3t8wz2mxa": unique across workbenches, so exchanged data never collides. */
export function randomId(prefix: string): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  const bytes = randomBytes(12);
  let id = '';
  for (const b of bytes) id += alphabet[b & 31];
  return `${prefix}-${id}`;
}
