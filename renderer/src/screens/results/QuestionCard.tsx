import { useRef } from 'react';
import type { PublishedQuestionResult, QuestionResult } from '../../../../shared/contract/results';
import type { Template } from '../../../../shared/templates/schema';
import { verdictDetail } from '../../../../shared/results/verdicts';
import { formatNumber } from '../../../../shared/util/format-sv';
import { useResults } from '../../state/results-store';
import { answerChoices, answerRows } from './answer-rows';
import { AnswerTable } from './AnswerTable';
import { CasesPanel } from './CasesPanel';
import { DistributionTable } from './DistributionTable';
import { sexGroupLabel, SUPPRESSED_TEXT, type SexColumn, type SexKey } from './format';
import { GroupTable } from './GroupTable';
import { HiddenFigure } from './HiddenFigure';
import { shareFigure } from './share-figure';
import { ShareChart } from './ShareChart';
import { ShareSummary } from './ShareSummary';

interface Props {
  reviewId: string;
  result: QuestionResult | PublishedQuestionResult;
  template: Template;
  /** Counted files: "28 av 36 besvarade". Null where the published view hides it. */
  files: number | null;
  /** The sexes shown: F and M always, U where any file has no known sex. */
  sexes: readonly SexKey[];
  published: boolean;
  /** The split's name ("Enhet"), or null. */
  splitLabel: string | null;
  /** Questions of the review whose groups were tested: the m of the Holm adjustment. */
  tested: number;
}

const NO_TABLE_TEXT: Partial<Record<QuestionResult['type'], string>> = {
  date: 'Datum redovisas som tider mellan två frågor, under ”Tider och kvoter”.',
  text: 'Fritextsvar redovisas inte i resultaten.',
};

/** One question's results: how many answered, answers × sex, the share `ja` by sex with chart and verdict, the split. */
export function QuestionCard({ reviewId, result, template, files, sexes, published, splitLabel, tested }: Props) {
  const drill = useResults((s) => (s.drill?.questionId === result.questionId ? s.drill : null));
  const returnFocus = useRef<HTMLElement | null>(null);
  const question = template.questions.find((q) => q.id === result.questionId);
  const columns: SexColumn[] = [...sexes, 'total'];
  const headingId = `results-q-${result.questionId}`;
  const choices = answerChoices(template, question);
  const answerLabel = (answer: string | null) => (answer === null ? '–' : (choices.find((c) => c.id === answer)?.label ?? answer));

  const openCases = (cell: { answer: string; sex?: SexKey; label: string; count: number }) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    void useResults.getState().openCases({ questionId: result.questionId, ...cell });
  };
  const closeCases = () => {
    useResults.getState().closeCases();
    returnFocus.current?.focus();
  };

  const answered = result.answered;
  const hasTable = result.type === 'scale' || result.type === 'choice';
  return (
    <article className="results-question" aria-labelledby={headingId} data-question-id={result.questionId}>
      <h3 id={headingId}>
        <span className="q-number">{result.number}.</span> {question?.text ?? result.questionId}
      </h3>
      <p className="results-answered">
        {answered === null ? <HiddenFigure reason={SUPPRESSED_TEXT} /> : formatNumber(answered)} av {files === null ? <HiddenFigure reason={SUPPRESSED_TEXT} /> : formatNumber(files)} besvarade
      </p>
      {answered === 0 ? (
        <p className="muted">Inga svar ännu.</p>
      ) : (
        <>
          {hasTable && (
            <div className="results-question-body">
              <AnswerTable
                caption={published ? `Svar, fråga ${result.number}` : `Svar per kön, fråga ${result.number}`}
                rows={answerRows(template, result)}
                columns={published ? ['total'] : columns}
                targetGroup={template.targetGroup}
                onDrill={published ? undefined : openCases}
              />
              {result.share && (
                <div className="results-share">
                  <ShareChart bars={sexes.map((sex) => ({ key: sex, label: sexGroupLabel(sex, template.targetGroup), figure: shareFigure(result.share![sex]) }))} />
                  <ShareSummary figures={columns.map((sex) => ({ sex, figure: shareFigure(result.share![sex]) }))} targetGroup={template.targetGroup} />
                </div>
              )}
            </div>
          )}
          {hasTable && !result.share && <p className="muted small-text">Frågan har inget svar ”Ja”, så ingen andel ja räknas.</p>}
          {result.verdict && <p className="results-verdict">{result.verdict.text}</p>}
          {result.verdict && verdictDetail(result.verdict, template.targetGroup, tested) && <p className="results-verdict-detail small-text">{verdictDetail(result.verdict, template.targetGroup, tested)}</p>}
          {result.distribution && (
            <DistributionTable
              caption={`Svar per kön, fråga ${result.number}`}
              rows={columns.map((sex) => ({ key: sex, label: sexGroupLabel(sex, template.targetGroup), distribution: result.distribution![sex] }))}
              rowHeader="Kön"
              unit={question?.type === 'number' ? question.unit : null}
              published={published}
            />
          )}
          {NO_TABLE_TEXT[result.type] && <p className="muted small-text">{NO_TABLE_TEXT[result.type]}</p>}
          {splitLabel && result.groups && result.share && (
            <GroupTable
              caption={`Andel ja uppdelat efter: ${splitLabel}`}
              groupLabel={splitLabel}
              groups={result.groups}
              columns={columns}
              targetGroup={template.targetGroup}
            />
          )}
        </>
      )}
      {drill && !published && <CasesPanel reviewId={reviewId} drill={drill} answerLabel={answerLabel} targetGroup={template.targetGroup} onClose={closeCases} />}
    </article>
  );
}
