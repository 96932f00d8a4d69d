import { useCallback, useEffect } from 'react';
import { LoadErrorScreen } from '../../frame/LoadErrorScreen';
import { ScreenHeading } from '../../frame/ScreenHeading';
import { hrefFor } from '../../routing/routes';
import { testedCount } from '../../../../shared/results/verdicts';
import { useResults } from '../../state/results-store';
import { AreaSection } from './AreaSection';
import { BasisLine } from './BasisLine';
import { DerivedSection } from './DerivedSection';
import { ExportMenu } from './ExportMenu';
import { FilterBar } from './FilterBar';
import type { SexColumn, SexKey } from './format';
import { QuestionCard } from './QuestionCard';
import { ThresholdForm } from './ThresholdForm';
import { ViewModeBar } from './ViewModeBar';
import { useReloadOnReturn } from './useReloadOnReturn';

/**
 * Resultat: the review's figures split by sex, per quality area and question, internal or as
 * published, filtered and split by unit, age band, attribute or answer, with the files behind any
 * count (internal only) and the export.
 */
export function ResultsScreen({ reviewId }: { reviewId: string }) {
  const s = useResults();
  const reload = useCallback(() => void useResults.getState().reload(), []);

  useEffect(() => {
    void useResults.getState().open(reviewId);
  }, [reviewId]);
  useReloadOnReturn(reload);

  const reviewHref = hrefFor({ name: 'review', id: reviewId });
  if (s.loadState === 'error') {
    return <LoadErrorScreen title="Resultaten kunde inte hämtas" message={s.loadError} backHref={reviewHref} backLabel="Tillbaka till granskningen" />;
  }
  if (s.loadState !== 'ready' || !s.review || !s.template || !s.results) {
    return (
      <div className="screen">
        <ScreenHeading title="Resultat">Hämtar resultaten…</ScreenHeading>
      </div>
    );
  }

  const { review, template, results } = s;
  const published = results.view === 'published';
  // Okänt kön gets a column only where a counted file has no known sex, and never in the published view: the
  // publication set reports those files in the basis only (docs/disclosure.md).
  const sexes: SexKey[] = results.basis.bySex.U === 0 || published ? ['F', 'M'] : ['F', 'M', 'U'];
  // The files the per-question figures count: every counted file, or in the published view those its totals cover.
  const questionFiles = results.view === 'published' ? results.publication.totalCovers.reduce((sum, sex) => sum + (results.basis.bySex[sex] ?? 0), 0) : results.basis.files;
  const columns: SexColumn[] = [...sexes, 'total'];
  const splitLabel = results.split.by?.label ?? null;
  const noAnswers = results.questions.every((q) => q.answered === 0);
  const tested = testedCount(results.questions);

  return (
    <div className="screen screen-results">
      <p className="breadcrumb">
        <a href={hrefFor({ name: 'reviews' })}>Granskningar</a> <span aria-hidden="true">›</span> <a href={reviewHref}>{review.title}</a>{' '}
        <span aria-hidden="true">›</span> Resultat
      </p>
      <ScreenHeading title={`Resultat – ${review.title}`}>Resultat – {review.title}</ScreenHeading>
      <ViewModeBar published={published} requested={s.published} threshold={review.publishThreshold} onPublished={(p) => void s.setPublished(p)} />
      <div className="results-toolbar">
        <BasisLine results={results} sexes={results.basis.bySex.U === 0 ? ['F', 'M'] : ['F', 'M', 'U']} />
        <div className="results-actions">
          {/* While scoring goes on the figures change: this fetches them again at once (so does coming back to the window). */}
          <button type="button" onClick={reload} aria-busy={s.refreshing || undefined}>
            {s.refreshing ? 'Uppdaterar…' : 'Uppdatera'}
          </button>
          <ExportMenu published={published} exporting={s.exporting} onExport={(format) => void s.exportFile(format)} />
        </div>
      </div>
      {results.view === 'published' ? (
        <>
          <ul className="results-publication-notes" data-testid="publication-notes">
            {results.publication.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
          <ThresholdForm key={review.publishThreshold} threshold={review.publishThreshold} onChange={(t, reason) => s.changeThreshold(t, reason)} />
        </>
      ) : (
        <FilterBar
          dimensions={s.dimensions}
          filters={s.filters}
          by={s.by}
          onFilter={(field, value) => void s.setFilter(field, value)}
          onClear={() => void s.clearFilters()}
          onBy={(field) => void s.setBy(field)}
        />
      )}
      {results.split.filters.length > 0 && (
        <p className="results-active-filters" data-testid="results-filters">
          <strong>Filtrerat:</strong> {results.split.filters.map((f) => f.label).join(' · ')}
        </p>
      )}
      {results.basis.files === 0 ? (
        <div className="empty-state">
          <h2>Inga akter att redovisa</h2>
          <p>
            {s.filters.length > 0 ? 'Inga akter matchar filtret.' : 'Granskningen har inga akter att räkna ännu: importera en akt-lista och dra ett urval.'}{' '}
            <a href={reviewHref}>Till granskningen</a>
          </p>
        </div>
      ) : (
        <>
          {noAnswers && (
            <div className="banner banner-info">
              <p>Inga svar ännu – resultaten fylls i allt eftersom akterna granskas.</p>
            </div>
          )}
          {results.areas.map((area) => (
            <AreaSection key={area.areaId} areaId={area.areaId} name={area.name} share={area.share} columns={columns} template={template}>
              {results.questions
                .filter((q) => q.areaId === area.areaId)
                .map((q) => (
                  <QuestionCard
                    key={q.questionId}
                    reviewId={reviewId}
                    result={q}
                    template={template}
                    files={questionFiles}
                    sexes={sexes}
                    published={published}
                    splitLabel={splitLabel}
                    tested={tested}
                  />
                ))}
            </AreaSection>
          ))}
          <DerivedSection measures={results.derived} columns={columns} template={template} published={published} splitLabel={splitLabel} />
        </>
      )}
    </div>
  );
}
