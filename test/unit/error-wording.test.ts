import { describe, expect, it } from 'vitest';
import { placeIssues } from '../../renderer/src/components/form-issues';
import { importButtonLabel, importPlan } from '../../renderer/src/screens/reviews/review/import-plan';
import type { ImportResult } from '../../renderer/src/state/review-store';
import { matchUnits, unitKey } from '../../shared/import/unit-match';
import { placeTemplateIssues } from '../../shared/templates/issue-places';
import { parseTemplate } from '../../shared/templates/validate';
import { akter, missingRequiredText, rader } from '../../shared/util/plural-sv';
import { describeIssue, fieldLabel, summariseIssues } from '../../shared/validation/field-labels';
import { miniTemplate } from '../support/template-fixtures';

describe('field labels', () => {
  it('names the fields of a method, with list positions counted from 1 and a labelled parent for deeper paths', () => {
    expect(fieldLabel('reviews.create', '$.title')).toBe('Titel');
    expect(fieldLabel('reviews.update', '$.periodFrom')).toBe('Period från');
    expect(fieldLabel('reviews.create', '$.units[2]')).toBe('Enhet 3');
    expect(fieldLabel('reviews.create', '$.inspectors[0].phone')).toBe('Inspektör 1, telefon');
    expect(fieldLabel('sampling.draw', '$.method.n')).toBe('Antal akter');
    expect(fieldLabel('cases.import', '$.mapping.enhet')).toBe('Kolumnen för enhet');
    expect(fieldLabel('answers.save', '$.reviewId')).toBe('Granskning');
    expect(fieldLabel('reviews.create', '$')).toBeUndefined();
    expect(fieldLabel('templates.import', '$.questions[3].type')).toBeUndefined();
  });

  it('says each issue as a sentence without a JSON path', () => {
    expect(describeIssue('reviews.create', { path: '$.title', message: 'Får inte vara tomt.' })).toBe('Titel saknas.');
    expect(describeIssue('reviews.create', { path: '$.dnr', message: 'Värdet saknas men krävs.' })).toBe('Dnr saknas.');
    expect(describeIssue('reviews.create', { path: '$.periodFrom', message: 'Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.' })).toBe(
      'Period från: Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.',
    );
    // A row of an imported file keeps its place; a path the table does not know shows only the message.
    expect(describeIssue('cases.import', { path: 'rad 3, kolumn "akt"', message: 'Aktreferensen saknas.' })).toBe('Rad 3, kolumn "akt": Aktreferensen saknas.');
    expect(describeIssue('templates.import', { path: '$.questions[3].type', message: 'Fråga 4 (H2): Okänd frågetyp "skala".' })).toBe('Fråga 4 (H2): Okänd frågetyp "skala".');
  });

  it('summarises every issue instead of counting them, and counts only past five', () => {
    const issues = [
      { path: '$.title', message: 'Får inte vara tomt.' },
      { path: '$.periodFrom', message: 'Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.' },
    ];
    expect(summariseIssues('reviews.create', issues)).toBe('Titel saknas. Period från: Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.');
    const many = Array.from({ length: 7 }, (_, i) => ({ path: `$.units[${i}]`, message: 'Får inte vara tomt.' }));
    expect(summariseIssues('reviews.create', many)).toBe('Enhet 1 saknas. Enhet 2 saknas. Enhet 3 saknas. Enhet 4 saknas. Enhet 5 saknas. Ytterligare 2 fel.');
    expect(summariseIssues('reviews.create', [])).not.toMatch(/\$/);
  });
});

describe('placeIssues (forms)', () => {
  const fields = [
    { name: 'title', id: 'f-title', label: 'Titel' },
    { name: 'units', id: 'f-units', label: 'Enheter' },
    { name: 'periodFrom', id: 'f-from', label: 'Period från' },
  ];

  it('puts each issue at its field and lists all of them, also one no field shows', () => {
    const placed = placeIssues(
      'reviews.create',
      [
        { path: '$.title', message: 'Får inte vara tomt.' },
        { path: '$.units[1]', message: 'Får inte vara tomt.' },
        { path: '$.periodFrom', message: 'Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.' },
        { path: '$.templateId', message: 'Värdet saknas men krävs.' },
      ],
      fields,
    );
    expect(placed.at('title')).toEqual(['Får inte vara tomt.']);
    expect(placed.at('units')).toEqual(['Enhet 2 saknas.']);
    expect(placed.at('periodFrom')).toEqual(['Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.']);
    expect(placed.summary).toEqual([
      { fieldId: 'f-title', text: 'Titel saknas.' },
      { fieldId: 'f-units', text: 'Enhet 2 saknas.' },
      { fieldId: 'f-from', text: 'Period från: Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.' },
      { text: 'Mall saknas.' },
    ]);
  });

  it('picks the most specific field that covers a path, and an element of its own where the field has one', () => {
    const placed = placeIssues('sampling.draw', [{ path: '$.method.n', message: 'Måste vara minst 1.' }], [
      { name: 'method', id: 'm', label: 'Metod' },
      { name: 'method.n', id: 'n', label: 'Antal', idFor: (path) => (path.endsWith('.n') ? 'n-exact' : undefined) },
    ]);
    expect(placed.at('method')).toEqual([]);
    expect(placed.at('method.n')).toEqual(['Måste vara minst 1.']);
    expect(placed.summary).toEqual([{ fieldId: 'n-exact', text: 'Antal: Måste vara minst 1.' }]);
  });
});

describe('template issues in words', () => {
  it('reports a duplicate id, an unknown area and an unknown type in one go, each with the question number and id', () => {
    const t = miniTemplate() as unknown as { questions: Record<string, unknown>[] };
    t.questions.push({ id: 'T1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Dubblett' });
    t.questions.push({ id: 'X1', area: 'okant', type: 'text', text: 'Fel område' });
    t.questions.push({ id: 'H2', area: 'trygghet', type: 'skala', text: 'Fel typ' });
    const parsed = parseTemplate(t);
    if (parsed.ok) throw new Error('expected the template to be refused');
    expect(parsed.issues.map((i) => i.path)).toEqual(['$.questions[5].id', '$.questions[6].area', '$.questions[7].type']);
    expect(placeTemplateIssues(t, parsed.issues).map((i) => i.message)).toEqual([
      'Fråga 6 (T1): Fråge-id "T1" finns redan; varje fråga måste ha ett unikt id.',
      expect.stringMatching(/^Fråga 7 \(X1\): Okänt kvalitetsområde "okant"\. Finns: /),
      'Fråga 8 (H2): Okänd frågetyp "skala". Tillåtna typer: scale, choice, date, number, text.',
    ]);
  });

  it('names areas, scale steps and the template’s own fields, and a missing text as missing', () => {
    const t = miniTemplate() as unknown as Record<string, unknown> & { questions: Record<string, unknown>[] };
    delete t.name;
    t.questions[1] = { ...t.questions[1], text: '' };
    const parsed = parseTemplate(t);
    if (parsed.ok) throw new Error('expected the template to be refused');
    const messages = placeTemplateIssues(t, parsed.issues).map((i) => i.message);
    expect(messages).toContain('Mallens namn saknas.');
    expect(messages).toContain(`Fråga 2 (${String(t.questions[1].id)}), frågetext saknas.`);
    expect(placeTemplateIssues(t, [{ path: '$.scales.standard[1].id', message: 'Svarsalternativet "x" finns redan i skalan "standard".' }])[0].message).toBe(
      'Skalan "standard", steg 2, id: Svarsalternativet "x" finns redan i skalan "standard".',
    );
    expect(placeTemplateIssues(t, [{ path: '$.areas[0].name', message: 'Får inte vara tomt.' }])[0].message).toMatch(/^Kvalitetsområde 1 \(\w+\), namn saknas\.$/);
  });
});

describe('case-list units and the import button', () => {
  it('matches units regardless of case and spacing, keeping the review’s spelling', () => {
    expect(unitKey('  SKARPNÄCK ')).toBe(unitKey('skarpnäck'));
    const match = matchUnits(['Skarpnäck', 'Enskede'], ['skarpnäck', 'Farsta', 'farsta']);
    expect(match.canonical('skarpnäck')).toBe('Skarpnäck');
    expect(match.canonical('farsta')).toBe('Farsta');
    expect(match.isUnknown('Skarpnäck')).toBe(false);
    expect(match.isUnknown('Farsta')).toBe(true);
    expect(matchUnits([], ['Farsta']).isUnknown('Farsta')).toBe(false);
  });

  it('counts what the import will do and says it with Swedish plurals', () => {
    const preview = { rows: 9, rejected: [{ row: 3, reason: 'x' }], existing: 2, unknownUnits: [{ unit: 'Farsta', rows: 2, existing: 1 }] } as unknown as ImportResult;
    expect(importPlan(preview, { onExisting: 'skip', unknownUnits: 'add' })).toEqual({ imported: 6, updated: 0, skipped: 3 });
    expect(importPlan(preview, { onExisting: 'skip', unknownUnits: 'skip' })).toEqual({ imported: 5, updated: 0, skipped: 4 });
    expect(importPlan(preview, { onExisting: 'update', unknownUnits: 'skip' })).toEqual({ imported: 5, updated: 1, skipped: 3 });
    expect(importButtonLabel({ imported: 6, updated: 0, skipped: 1 })).toBe('Importera 6 akter, 1 hoppas över');
    expect(importButtonLabel({ imported: 1, updated: 2, skipped: 0 })).toBe('Importera 1 akt, 2 uppdateras');
    expect([akter(1), akter(2), rader(1), rader(1234)]).toEqual(['1 akt', '2 akter', '1 rad', '1\u00a0234 rader']);
  });
});

describe('the one wording of missing required answers', () => {
  it('is singular for one, plural with sv-SE digits otherwise (core refusal, scoring screen and review page share it)', () => {
    expect([missingRequiredText(1), missingRequiredText(3), missingRequiredText(1234)]).toEqual([
      '1 obligatorisk fråga saknar svar',
      '3 obligatoriska frågor saknar svar',
      '1\u00a0234 obligatoriska frågor saknar svar',
    ]);
  });
});
