import { useEffect, useState } from 'react';
import { useReview } from '../../../state/review-store';

/** How long typing pauses before the search runs: one request per word, not per key. */
const DEBOUNCE_MS = 300;

/** "Sök akt eller enhet": searches the case list on the core, from its first page. */
export function CaseListSearch() {
  const current = useReview((s) => s.caseList.query);
  const [text, setText] = useState(current);

  useEffect(() => {
    if (text.trim() === useReview.getState().caseList.query) return;
    const timer = setTimeout(() => void useReview.getState().searchCases(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="field case-search" role="search" aria-label="Akt-listan">
      <label htmlFor="case-search">Sök akt eller enhet</label>
      <input
        id="case-search"
        type="search"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Enter searches at once, without waiting for the pause.
          if (e.key === 'Enter') {
            e.preventDefault();
            void useReview.getState().searchCases(text);
          }
        }}
      />
    </div>
  );
}
