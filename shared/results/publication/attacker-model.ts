import type { CellSum, LinearSystem } from '../../disclosure/linear-system';
import { LinearSystemBuilder } from '../../disclosure/linear-system';
import type { Question, Template } from '../../templates/schema';
import { answerOrder, isCategorical, NOT_APPLICABLE_ID, YES_ID, type Sex } from '../shape';

/**
 * The attacker's model of a publication set (docs/disclosure.md §5), built alongside the figures:
 * every figure the set prints goes through `print`, which adds its equation, so no printed figure
 * can be missing from the audit.
 *
 * The unknowns are counts of files, the finest the printed figures combine:
 * - per stratum sex × unit × age band, its number of files;
 * - per question and sex × unit, the files per answer and those without an answer (they add up to
 *   the stratum's files); a multiple choice has a count per option (each at most the files) and a
 *   partition of the files into ja / other applicable / not applicable / unanswered;
 * - per number question and derived measure and sex × unit, the files with a value (and, for a
 *   measure, those whose value cannot be computed).
 */

export type ShareKind = 'yes' | 'applicable' | 'other' | 'notApplicable' | 'answered';

const SHARE_CLASSES = ['yes', 'other', 'notApplicable', 'unanswered'] as const;

export class AttackerModel {
  private readonly system = new LinearSystemBuilder();
  private printedCount = 0;

  constructor(
    private readonly template: Template,
    private readonly sexes: readonly Sex[],
    private readonly units: readonly string[],
    private readonly bands: readonly (string | null)[],
  ) {
    for (const sex of sexes) for (const unit of units) for (const band of bands) this.system.variable(strat(sex, unit, band));
    for (const question of template.questions) {
      for (const sex of sexes) {
        for (const unit of units) {
          const size = this.size([sex], [unit]);
          const where = `fråga ${question.id}, ${sex}, ${unit}`;
          if (isCategorical(question) && !(question.type === 'choice' && question.multiple)) {
            const parts = [...answerOrder(this.template, question).map((answer) => this.system.variable(key('a', question.id, answer, sex, unit))), this.system.variable(key('m', question.id, sex, unit))];
            this.system.same(parts, size, `svaren på ${where} är aktens svar`);
          } else if (question.type === 'choice' && question.multiple) {
            this.system.same(SHARE_CLASSES.map((c) => this.system.variable(key('c', question.id, c, sex, unit))), size, `${where}: varje akt i en klass`);
            for (const option of question.options) this.system.atMost([this.system.variable(key('o', question.id, option.id, sex, unit))], size, `${where}: ett alternativ högst en gång per akt`);
            if (question.options.some((o) => o.id === YES_ID)) this.system.same([this.system.variable(key('o', question.id, YES_ID, sex, unit))], [this.system.variable(key('c', question.id, 'yes', sex, unit))], `${where}: ja`);
          } else {
            this.system.atMost([this.system.variable(key('h', question.id, sex, unit))], size, `${where}: högst en uppgift per akt`);
          }
        }
      }
    }
    for (const measure of template.measures ?? []) {
      for (const sex of sexes) {
        for (const unit of units) {
          this.system.atMost([this.system.variable(key('v', measure.id, sex, unit)), this.system.variable(key('x', measure.id, sex, unit))], this.size([sex], [unit]), `mått ${measure.id}, ${sex}, ${unit}`);
        }
      }
    }
  }

  /** The files of the given sexes, units and (all, or the given) age bands. */
  size(sexes: readonly Sex[], units: readonly string[], bands: readonly (string | null)[] = this.bands): CellSum {
    return sexes.flatMap((sex) => units.flatMap((unit) => bands.map((band) => this.system.variable(strat(sex, unit, band)))));
  }

  /** A share figure of one question over the given sexes and units. */
  share(question: Question, kind: ShareKind, sexes: readonly Sex[], units: readonly string[]): CellSum {
    if (question.type === 'choice' && question.multiple) {
      const classes: readonly string[] = kind === 'applicable' ? ['yes', 'other'] : kind === 'answered' ? ['yes', 'other', 'notApplicable'] : [kind];
      return this.each(sexes, units, (sex, unit) => classes.map((c) => this.system.variable(key('c', question.id, c, sex, unit))));
    }
    const notApplicable = new Set(this.notApplicableAnswers(question));
    const answers = answerOrder(this.template, question).filter((answer) => {
      if (kind === 'answered') return true;
      if (kind === 'yes') return answer === YES_ID;
      if (kind === 'notApplicable') return notApplicable.has(answer);
      if (kind === 'other') return answer !== YES_ID && !notApplicable.has(answer);
      return !notApplicable.has(answer);
    });
    return answers.flatMap((answer) => this.answer(question, answer, sexes, units));
  }

  /** The files that gave one answer (a chosen option, for a multiple choice). */
  answer(question: Question, answer: string, sexes: readonly Sex[], units: readonly string[]): CellSum {
    const kind = question.type === 'choice' && question.multiple ? 'o' : 'a';
    return this.each(sexes, units, (sex, unit) => [this.system.variable(`${kind}|${question.id}|${answer}|${sex}|${unit}`)]);
  }

  /** The files with a value: of a number question (`h`), or of a measure (`v`, computed; `x`, cannot be computed). */
  valued(kind: 'h' | 'v' | 'x', id: string, sexes: readonly Sex[], units: readonly string[]): CellSum {
    return this.each(sexes, units, (sex, unit) => [this.system.variable(`${kind}|${id}|${sex}|${unit}`)]);
  }

  /** Records a printed count; returns it, so figures are written through here. */
  print(value: number, cells: CellSum, source: string): number {
    this.system.equal(cells, value, source);
    this.printedCount++;
    return value;
  }

  /** Records a printed percentage (whole percent, as the documents print it) of numerator/denominator. */
  printPercent(percent: number, numerator: CellSum, denominator: CellSum, source: string): number {
    this.system.percent(numerator, denominator, Math.round(percent), 0, source);
    this.printedCount++;
    return percent;
  }

  get printed(): number {
    return this.printedCount;
  }

  build(): LinearSystem {
    return this.system.build();
  }

  private notApplicableAnswers(question: Question): string[] {
    if (question.type === 'scale') return (this.template.scales[question.scale] ?? []).filter((s) => s.applicable === false).map((s) => s.id);
    if (question.type === 'choice') return question.options.filter((o) => o.id === NOT_APPLICABLE_ID).map((o) => o.id);
    return [];
  }

  private each(sexes: readonly Sex[], units: readonly string[], cells: (sex: Sex, unit: string) => number[]): number[] {
    return sexes.flatMap((sex) => units.flatMap((unit) => cells(sex, unit)));
  }
}


/** An unknown's name: its parts as JSON, so no unit name can make two names the same. */
const key = (...parts: (string | null)[]) => JSON.stringify(parts);
const strat = (sex: Sex, unit: string, band: string | null) => key('s', sex, unit, band);
