import type { Table } from 'docx';
import type { Question, Template } from '../../../../shared/templates/schema';
import { docxTable } from './tables';

/**
 * Bilaga 1's annex "Granskningsfrågor": every question of the review's frozen template with its
 * number, id, text and answer options, so a reader can see exactly what was asked.
 */

function answerOptions(template: Template, question: Question): string {
  switch (question.type) {
    case 'scale':
      return (template.scales[question.scale] ?? []).map((s) => s.label).join(', ');
    case 'choice':
      return `${question.options.map((o) => o.label).join(', ')}${question.multiple ? ' (flerval)' : ''}`;
    case 'date':
      return 'Datum';
    case 'number':
      return question.unit ? `Tal (${question.unit.trim()})` : 'Tal';
    case 'text':
      return 'Fritext (redovisas inte)';
  }
}

export function questionAnnex(template: Template): Table {
  const areaNames = new Map(template.areas.map((a) => [a.id, a.name]));
  return docxTable({
    headers: ['Nr', 'Id', 'Fråga', 'Svarsalternativ'],
    widths: [6, 8, 56, 30],
    rows: template.questions.map((q, i) => [String(i + 1), q.id, `${q.text}\nOmråde: ${areaNames.get(q.area) ?? q.area}`, answerOptions(template, q)]),
    empty: 'Mallen har inga frågor.',
  });
}
