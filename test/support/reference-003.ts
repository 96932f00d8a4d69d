import fs from 'node:fs';
import path from 'node:path';
import { prngFromSeed, randomBelow, type Prng } from '../../shared/sampling/prng';
import type { Question, Template } from '../../shared/templates/schema';

/**
 * A review shaped like reference 003 (DOMAIN.md §1): the bundled template "Öppenvård barn 0–12 år",
 * 3 units × 12 drawn files, 10 girls, 21 boys and 5 of unknown sex, every question answered with a
 * realistic spread (about half ja, some delvis, nej and framgår ej, ej tillämpligt where a question
 * may not apply). Seeded, so every run builds the same review; a different seed gives another
 * review of the same shape (the property tests use many).
 */

export const REFERENCE_003_UNITS = ['Stadsdel Norr', 'Stadsdel Söder', 'Stadsdel Väster'] as const;
export const REFERENCE_003_TEMPLATE = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../templates/oppenvard-barn-0-12.json'), 'utf8')) as Template;

export interface ReviewShape {
  /** Files per unit, in unit order. */
  perUnit: readonly number[];
  /** How many files of each sex, in all. */
  sexes: { F: number; M: number; U: number };
  /** Share of answers that are ej tillämpligt, per question that may not apply. */
  notApplicable: number;
}

export const REFERENCE_003_SHAPE: ReviewShape = { perUnit: [12, 12, 12], sexes: { F: 10, M: 21, U: 5 }, notApplicable: 0.12 };

/** Questions that plainly apply to every file (a decision, a plan, continuous notes): never ej tillämpligt. */
const ALWAYS_APPLIES = new Set(['T1', 'T2', 'T3', 'S1', 'H1', 'K2', 'E3']);

export interface GeneratedReview {
  casesCsv: string;
  answersCsv: string;
  files: { ref: string; unit: string; sex: 'F' | 'M' | 'U' }[];
}

export function generateReview(seed: string, shape: ReviewShape = REFERENCE_003_SHAPE, template: Template = REFERENCE_003_TEMPLATE): GeneratedReview {
  const next = prngFromSeed(seed);
  const total = shape.perUnit.reduce((a, b) => a + b, 0);
  const sexes = shuffle(next, [...Array<'F'>(shape.sexes.F).fill('F'), ...Array<'M'>(shape.sexes.M).fill('M'), ...Array<'U'>(shape.sexes.U).fill('U')]);
  if (sexes.length !== total) throw new Error('generateReview: the sexes must add up to the files');
  const files: GeneratedReview['files'] = [];
  const cases = ['akt;enhet;kön;ålder'];
  const answers = ['akt;fråga;svar;anteckning'];
  let i = 0;
  shape.perUnit.forEach((count, u) => {
    const unit = REFERENCE_003_UNITS[u] ?? `Enhet ${u + 1}`;
    for (let k = 0; k < count; k++, i++) {
      const ref = `${String.fromCharCode(65 + u)}${String(k + 1).padStart(2, '0')}`;
      const sex = sexes[i];
      files.push({ ref, unit, sex });
      cases.push(`${ref};${unit};${sex === 'F' ? 'flicka' : sex === 'M' ? 'pojke' : ''};${randomBelow(next, 13)}`);
      for (const question of template.questions) answers.push(`${ref};${question.id};${answerFor(next, template, question, shape)};`);
    }
  });
  return { casesCsv: `${cases.join('\n')}\n`, answersCsv: `${answers.join('\n')}\n`, files };
}

/** A uniform number in [0, 1) from the generator's 32-bit output. */
const uniform = (next: Prng) => next() / 4294967296;

function answerFor(next: Prng, template: Template, question: Question, shape: ReviewShape): string {
  const roll = uniform(next);
  switch (question.type) {
    case 'scale': {
      if (!ALWAYS_APPLIES.has(question.id) && roll < shape.notApplicable) return 'ej_tillampligt';
      const r = uniform(next);
      return r < 0.55 ? 'ja' : r < 0.68 ? 'delvis' : r < 0.88 ? 'nej' : 'framgar_ej';
    }
    case 'choice': {
      const options = question.options.map((o) => o.id);
      if (options.includes('ja')) return roll < 0.6 ? 'ja' : options[1 + randomBelow(next, options.length - 1)];
      if (question.multiple) return [...new Set([options[randomBelow(next, options.length - 1)], options[randomBelow(next, options.length - 1)]])].join('|');
      return options[randomBelow(next, options.length)];
    }
    case 'date':
      return `2024-${String(1 + randomBelow(next, 6)).padStart(2, '0')}-${String(1 + randomBelow(next, 28)).padStart(2, '0')}`;
    case 'number':
      return String(4 + randomBelow(next, 12));
    case 'text':
      return 'Enligt akten.';
  }
}

function shuffle<T>(next: Prng, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = randomBelow(next, i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}
