import { describe, expect, it } from 'vitest';
import { parseTemplate, parseTemplateText } from '../../shared/templates/validate';
import { miniTemplate } from '../support/template-fixtures';

const issuesOf = (data: unknown) => {
  const result = parseTemplate(data);
  if (result.ok) throw new Error('expected the template to be rejected');
  return result.issues;
};

describe('parseTemplate', () => {
  it('accepts a valid template with every question type and keeps it unchanged', () => {
    const t = miniTemplate();
    const result = parseTemplate(structuredClone(t));
    expect(result).toEqual({ ok: true, template: t });
  });

  it('reports every problem of a broken file with its JSON path, in Swedish', () => {
    const t = miniTemplate() as unknown as { questions: Record<string, unknown>[]; scales: Record<string, unknown> };
    t.questions.push({ id: 'T1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Dubblett' });
    t.questions.push({ id: 'X1', area: 'okant', type: 'scale', scale: 'saknas', text: 'Fel område och skala' });
    t.questions.push({ id: 'C1', area: 'helhetssyn', type: 'choice', text: 'Dubbla alternativ', options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'A igen' }] });
    const issues = issuesOf(t);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: '$.questions[5].id', message: expect.stringContaining('"T1" finns redan') },
        { path: '$.questions[6].area', message: expect.stringContaining('Okänt kvalitetsområde "okant"') },
        { path: '$.questions[6].scale', message: expect.stringContaining('Skalan "saknas" saknas') },
        { path: '$.questions[7].options[1].id', message: expect.stringContaining('Alternativet "a" finns redan') },
      ]),
    );
    expect(issues).toHaveLength(4);
  });

  it('names an unknown question type and the allowed ones', () => {
    const t = miniTemplate() as unknown as { questions: Record<string, unknown>[] };
    t.questions[2] = { id: 'A1', area: 'tillganglighet', type: 'datum', text: 'Beslutsdatum' };
    expect(issuesOf(t)).toEqual([{ path: '$.questions[2].type', message: expect.stringMatching(/Okänd frågetyp "datum".*scale, choice, date, number, text/) }]);
  });

  it('reports missing fields, misspelt keys, wrong types and impossible dates', () => {
    const t = miniTemplate() as unknown as Record<string, unknown> & { questions: Record<string, unknown>[] };
    delete t.name;
    t.questions[0] = { ...t.questions[0], guidence: 'stavfel', legal: [{ act: 'SoL (2001:453)', validTo: '2025-02-30' }] };
    t.questions[3] = { ...t.questions[3], min: 'noll' };
    const issues = issuesOf(t);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: '$.name', message: 'Värdet saknas men krävs.' },
        { path: '$.questions[0].guidence', message: 'Okänd nyckel "guidence" (stavfel?).' },
        { path: '$.questions[0].legal[0].validTo', message: expect.stringContaining('verkligt datum') },
        { path: '$.questions[3].min', message: 'Ska vara ett tal men är en text.' },
      ]),
    );
  });

  it('requires a scale to have at least one step that counts and unique step ids', () => {
    const t = miniTemplate({ scales: { standard: [{ id: 'ej', label: 'Ej tillämpligt', applicable: false }, { id: 'ej', label: 'Igen', applicable: false }] } });
    const messages = issuesOf(t).map((i) => `${i.path} ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringContaining('$.scales.standard[1].id'), expect.stringContaining('minst ett svarsalternativ som räknas')]),
    );
  });

  it('rejects validTo before validFrom, min above max and duplicate areas', () => {
    const t = miniTemplate();
    t.areas.push({ ...t.areas[0] });
    t.questions[0] = { ...t.questions[0], legal: [{ act: 'SoL (2025:400)', validFrom: '2025-07-01', validTo: '2025-01-01' }] };
    t.questions[3] = { id: 'E1', area: 'effektivitet', type: 'number', text: 'Träffar', min: 10, max: 2 };
    const paths = issuesOf(t).map((i) => i.path);
    expect(paths).toEqual(['$.areas[6].id', '$.questions[0].legal[0].validTo', '$.questions[3].min']);
  });

  it('explains files that are not templates at all', () => {
    expect(parseTemplateText('{ inte json')).toEqual({ ok: false, issues: [{ path: '$', message: expect.stringContaining('inte giltig JSON') }] });
    expect(issuesOf([])).toEqual([{ path: '$', message: expect.stringContaining('JSON-objekt') }]);
    expect(issuesOf({ id: 'x' })).toEqual([{ path: '$.format', message: expect.stringContaining('"format" saknas') }]);
    expect(issuesOf({ format: 'granskningsmall/9' })).toEqual([{ path: '$.format', message: expect.stringContaining('stöds inte') }]);
  });

  it('checks that a measure pairs two existing questions of the right type', () => {
    const ok = miniTemplate({ questions: [...miniTemplate().questions, { id: 'A2', area: 'tillganglighet', type: 'date', text: 'Startdatum' }], measures: [{ id: 'ledtid', kind: 'interval', label: 'Ledtid', from: 'A1', to: 'A2' }] });
    expect(parseTemplate(structuredClone(ok)).ok).toBe(true);
    const bad = miniTemplate({
      measures: [
        { id: 'm1', kind: 'interval', label: 'Fel typ', from: 'A1', to: 'E1' },
        { id: 'm1', kind: 'ratio', label: 'Saknas', from: 'E1', to: 'E9' },
        { id: 'm3', kind: 'ratio', label: 'Samma', from: 'E1', to: 'E1' },
      ],
    });
    expect(issuesOf(bad)).toEqual([
      { path: '$.measures[0].to', message: 'Måttet "m1": frågan "E1" måste vara en datumfråga.' },
      { path: '$.measures[1].id', message: 'Måttet "m1" finns redan; id måste vara unika.' },
      { path: '$.measures[1].to', message: 'Måttet "m1" hänvisar till frågan "E9", som inte finns.' },
      { path: '$.measures[2].to', message: 'Måttet "m3" måste jämföra två olika frågor.' },
    ]);
  });

  it('accepts a UTF-8 byte-order mark before the JSON', () => {
    expect(parseTemplateText(`\uFEFF${JSON.stringify(miniTemplate())}`).ok).toBe(true);
  });
});
