import type { Issue } from '../../../shared/result';
import { fieldLabel, labelledMessage, describeIssue } from '../../../shared/validation/field-labels';

/** One field of a form: the input key it edits (`title`, `method.n`, `units`), its element id and its label. */
export interface FormField {
  name: string;
  id: string;
  label: string;
  /** The element for a deeper path (`$.inspectors[1].phone`), when the field is a list of controls. */
  idFor?(path: string): string | undefined;
}

export interface SummaryItem {
  /** The element to move to; absent when no field of the form holds the value. */
  fieldId?: string;
  text: string;
}

export interface PlacedIssues {
  /** The messages to show under a field (by its `name`). */
  at(name: string): string[];
  /** Every issue in the order given, as a sentence naming its field, for the form's summary. */
  summary: SummaryItem[];
}

const covers = (name: string, path: string): boolean => {
  const own = `$.${name}`;
  return path === own || path.startsWith(`${own}.`) || path.startsWith(`${own}[`);
};

/**
 * Places an API error's issues (JSON paths such as `$.title`, `$.units[2]`) on a form's fields:
 * each issue goes to the field with the longest name that covers its path, with its message; the
 * summary lists every issue, also those no field shows, in words from the shared field labels.
 */
export function placeIssues(method: string, issues: readonly Issue[] | undefined, fields: readonly FormField[]): PlacedIssues {
  const byField = new Map<string, string[]>();
  const summary: SummaryItem[] = [];
  for (const issue of issues ?? []) {
    const field = fields.filter((f) => covers(f.name, issue.path)).sort((a, b) => b.name.length - a.name.length)[0];
    if (!field) {
      summary.push({ text: describeIssue(method, issue) });
      continue;
    }
    // "Enhet 3: Får inte vara tomt." under the list of units; the field's own value needs no name.
    const exact = issue.path === `$.${field.name}`;
    const label = fieldLabel(method, issue.path) ?? field.label;
    byField.set(field.name, [...(byField.get(field.name) ?? []), exact ? issue.message : labelledMessage(label, issue.message)]);
    summary.push({ fieldId: field.idFor?.(issue.path) ?? field.id, text: labelledMessage(exact ? field.label : label, issue.message) });
  }
  return { at: (name) => byField.get(name) ?? [], summary };
}
