import { describe, expect, it } from 'vitest';
import { describePath, fieldDomId, fromSavePath, localIssues } from '../../renderer/src/state/template-issues';
import { sampleTemplate } from './fake-api';

describe('template issues', () => {
  it('marks every question that shares a duplicated id', () => {
    const t = sampleTemplate();
    t.questions[2] = { ...t.questions[2], id: 'T1' };
    const issues = localIssues(t);
    expect(issues.map((i) => i.path).sort()).toEqual(['$.questions[0].id', '$.questions[2].id']);
    expect(issues[0].message).toMatch(/Fråge-id "T1" finns redan/);
  });

  it('reads paths for people and maps them to field ids', () => {
    const t = sampleTemplate();
    expect(describePath(t, '$.questions[3].min')).toBe('Fråga A1 › Minsta värde');
    expect(describePath(t, '$.areas[1].name')).toBe('Kvalitetsområde Tillgänglighet › Namn');
    expect(fromSavePath('$.template.questions[0].id')).toBe('$.questions[0].id');
    expect(fieldDomId('$.questions[0].options[2].label')).toBe('f-questions-0-options-2-label');
  });
});
