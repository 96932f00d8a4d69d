import { findIdentityNumbers, piiGuardMessage } from '../../shared/identity/pii-guard';
import type { Issue } from '../../shared/result';
import { DomainError } from './errors';

/**
 * Free text must never carry a personal identity number: the save is refused and every field
 * that has one is named (`$.note`, `$.inspectors[0].name` …). Values may be strings or lists.
 */
export function guardFreeText(fields: Record<string, string | null | undefined | readonly (string | undefined)[]>): void {
  const issues: Issue[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const texts = Array.isArray(value) ? value.map((t, i) => [`$.${field}[${i}]`, t] as const) : [[`$.${field}`, value as string | null | undefined] as const];
    for (const [path, text] of texts) {
      if (!text) continue;
      const message = piiGuardMessage(findIdentityNumbers(text));
      if (message) issues.push({ path, message });
    }
  }
  if (issues.length > 0) throw new DomainError('VALIDATION', issues[0].message, issues);
}
