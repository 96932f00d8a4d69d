import type { Issue } from '../result';
import { toJsonPath } from '../util/json-path';

/**
 * Names of Object.prototype's members (`__proto__`, `constructor`, `toString`, …). As a key in an
 * input they are refused before the contract's schemas see it: JSON.parse makes `{"__proto__": …}`
 * an own member, and any lookup by such a name in a plain object (a label table, a counter) finds
 * the prototype's function instead of undefined — a TypeError, not a validation message.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
const MAX_RESERVED_ISSUES = 10;

interface Visit {
  value: unknown;
  parent: Visit | undefined;
  key: string | number | undefined;
}

const pathOf = (visit: Visit | undefined): (string | number)[] => {
  const keys: (string | number)[] = [];
  for (let v = visit; v?.key !== undefined; v = v.parent) keys.push(v.key);
  return keys.reverse();
};

/** Past these the quick pass hands over to the one that remembers every object (a shared or cyclic structure from IPC). */
const QUICK_MAX_VISITS = 5_000_000;
const QUICK_MAX_DEPTH = 1_000;

/**
 * Every reserved key in the input, at any depth, as issues on the object that holds it (whose path
 * the field labels may name) with the full path in the message. Dispatch runs it on every input of
 * every face; JSON parsed from a text inside a handler (templates.import's `text`) needs its own call.
 *
 * Iterative (no stack to overflow on a deep input); plain objects and arrays only (a Buffer's bytes
 * are not keys). The common case — no reserved key — is one quick pass that keeps no record of
 * what it saw: 0.24–0.34 s for 45 MB of JSON rows (1.5 M objects; JSON.parse of the same text 1.4–2.3 s). Only a
 * hit, or an input past QUICK_MAX_VISITS / QUICK_MAX_DEPTH (which a JSON text cannot cause within
 * the body limits, but an IPC message with shared or cyclic objects can), takes the second pass,
 * which visits each object once and builds the paths.
 */
export function reservedKeyIssues(input: unknown): Issue[] {
  if (typeof input !== 'object' || input === null) return [];
  return quickPass(input) === 'clean' ? [] : issuesWithPaths(input);
}

const isPlain = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

function quickPass(input: object): 'clean' | 'look' {
  const values: object[] = [input];
  const depths: number[] = [0];
  let visits = 0;
  while (values.length > 0) {
    const value = values.pop()!;
    const depth = depths.pop()! + 1;
    if (++visits > QUICK_MAX_VISITS || depth > QUICK_MAX_DEPTH) return 'look';
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth);
        }
      }
      continue;
    }
    if (!isPlain(value)) continue;
    // for…in on a plain object: its own enumerable keys (Object.prototype has no enumerable ones), without an array per object.
    for (const key in value) {
      if (RESERVED_KEYS.has(key)) return 'look';
      const item: unknown = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) {
        values.push(item);
        depths.push(depth);
      }
    }
  }
  return 'clean';
}

function issuesWithPaths(input: object): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<object>();
  const stack: Visit[] = [{ value: input, parent: undefined, key: undefined }];
  while (stack.length > 0 && issues.length < MAX_RESERVED_ISSUES) {
    const visit = stack.pop()!;
    const value = visit.value as object;
    if (seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) stack.push({ value: item, parent: visit, key: i });
      }
      continue;
    }
    if (!isPlain(value)) continue;
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (RESERVED_KEYS.has(key)) {
        const at = pathOf(visit);
        issues.push({ path: toJsonPath(at), message: `Fältnamnet "${key}" är reserverat och får inte användas (${toJsonPath([...at, key])}). Ta bort fältet eller byt namn på det.` });
        continue;
      }
      const item: unknown = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) stack.push({ value: item, parent: visit, key });
    }
  }
  return issues;
}
