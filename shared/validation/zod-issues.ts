import type { z } from 'zod';
import type { Issue } from '../result';
import { toJsonPath } from '../util/json-path';

/**
 * Turns zod's issues into Swedish sentences with JSON paths. We translate ourselves rather than
 * use a zod locale so every message names the field in words an inspector understands and the
 * wording stays stable across zod releases (tests and users rely on it).
 */
export function issuesFromZod(error: z.ZodError, basePath: ReadonlyArray<PropertyKey> = []): Issue[] {
  const out: Issue[] = [];
  for (const issue of error.issues) collect(issue as ZodIssueLike, [...basePath], out);
  return out;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  input?: unknown;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  inclusive?: boolean;
  format?: string;
  keys?: string[];
  values?: unknown[];
  errors?: ZodIssueLike[][];
  discriminator?: string;
  note?: string;
  params?: { sv?: string };
  issues?: { message: string }[];
}

const typeNames: Record<string, string> = {
  string: 'en text',
  number: 'ett tal',
  int: 'ett heltal',
  boolean: 'true eller false',
  object: 'ett objekt',
  array: 'en lista',
  null: 'null',
  undefined: 'inget värde',
};

function describeInput(input: unknown): string {
  if (input === undefined) return 'saknas';
  if (input === null) return 'är null';
  if (Array.isArray(input)) return 'är en lista';
  if (typeof input === 'string') return 'är en text';
  if (typeof input === 'number') return 'är ett tal';
  if (typeof input === 'boolean') return 'är true/false';
  return 'är ett objekt';
}

function collect(issue: ZodIssueLike, basePath: PropertyKey[], out: Issue[]): void {
  const path = [...basePath, ...issue.path];
  const at = toJsonPath(path);
  const push = (message: string) => out.push({ path: at, message });
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) push('Värdet saknas men krävs.');
      else push(`Ska vara ${typeNames[issue.expected ?? ''] ?? issue.expected} men ${describeInput(issue.input)}.`);
      return;
    case 'too_small':
      if (issue.origin === 'string') push(Number(issue.minimum) <= 1 ? 'Får inte vara tomt.' : `Måste ha minst ${issue.minimum} tecken.`);
      else if (issue.origin === 'array') push(`Måste innehålla minst ${issue.minimum} ${Number(issue.minimum) === 1 ? 'post' : 'poster'}.`);
      else push(`Måste vara minst ${issue.minimum}.`);
      return;
    case 'too_big':
      if (issue.origin === 'string') push(`Får ha högst ${issue.maximum} tecken.`);
      else if (issue.origin === 'array') push(`Får innehålla högst ${issue.maximum} poster.`);
      else push(`Får vara högst ${issue.maximum}.`);
      return;
    case 'invalid_format':
      // A schema's own Swedish message (regex ids) wins over the generic one.
      push(issue.message && !issue.message.startsWith('Invalid') ? issue.message : formatMessage(issue.format));
      return;
    case 'unrecognized_keys':
      for (const key of issue.keys ?? []) out.push({ path: toJsonPath([...path, key]), message: `Okänd nyckel "${key}" (stavfel?).` });
      return;
    case 'invalid_value':
      push(`Ogiltigt värde. Tillåtna värden: ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}.`);
      return;
    case 'invalid_union':
      if (issue.discriminator) {
        push(`Okänt värde på "${issue.discriminator}".`);
        return;
      }
      push('Värdet har inte någon av de tillåtna formerna.');
      return;
    case 'invalid_key':
      push('Ogiltigt namn på nyckeln: ' + ((issue.issues ?? [])[0]?.message ?? 'fel form') );
      return;
    case 'custom':
      push(issue.message);
      return;
    default:
      push(`Ogiltigt värde (${issue.code}).`);
  }
}

function formatMessage(format: string | undefined): string {
  switch (format) {
    case 'date':
      return 'Ska vara ett datum i formen ÅÅÅÅ-MM-DD.';
    case 'regex':
      return 'Har fel form.';
    default:
      return `Har fel form (${format ?? 'okänt format'}).`;
  }
}
