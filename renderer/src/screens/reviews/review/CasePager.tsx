import { formatNumber } from '../../../../../shared/util/format-sv';
import { CASE_PAGE_SIZE, useReview } from '../../../state/review-store';
import { range } from './counts';

/** "Visar 1–50 av 120 000" and the buttons to the pages before and after. */
export function CasePager() {
  const { query, offset, cases, total, loading } = useReview((s) => s.caseList);
  const { showCasePage } = useReview.getState();
  const shown =
    total === 0
      ? query
        ? `Inga akter matchar ”${query}”.`
        : 'Inga akter.'
      : `Visar ${range(offset + 1, offset + cases.length)} av ${formatNumber(total)}${query ? ` som matchar ”${query}”` : ''}`;
  return (
    <div className="case-pager">
      <p className="case-pager-status" aria-live="polite" aria-busy={loading || undefined}>
        {shown}
      </p>
      {total > CASE_PAGE_SIZE && (
        <nav className="button-row" aria-label="Sidor i akt-listan">
          <button type="button" disabled={loading || offset === 0} onClick={() => void showCasePage(offset - CASE_PAGE_SIZE)}>
            Föregående sida
          </button>
          <button type="button" disabled={loading || offset + CASE_PAGE_SIZE >= total} onClick={() => void showCasePage(offset + CASE_PAGE_SIZE)}>
            Nästa sida
          </button>
        </nav>
      )}
    </div>
  );
}
