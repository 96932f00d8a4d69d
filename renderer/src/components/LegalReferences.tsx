import { useId } from 'react';
import type { LegalRef } from '../../../shared/templates/schema';
import { formatLegalRef, legalRefsInPeriod, NO_PERIOD, validityNoteInPeriod, type LegalPeriod } from '../../../shared/templates/legal-in-period';

interface Props {
  refs: readonly LegalRef[] | undefined;
  /** The review's period; without one every reference is listed, the current ones first. */
  period?: LegalPeriod;
  /** The heading level that fits where the list sits (below a question heading: one level deeper). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

/**
 * A question's legal references in force during the review's period, under a small "Lagrum" heading.
 * A reference that applies to only part of the period says when it applies ("gäller från den 1 juli
 * 2025"), since files decided on both sides of a change of law meet different provisions.
 */
export function LegalReferences({ refs, period = NO_PERIOD, headingLevel = 4 }: Props) {
  const headingId = useId();
  const shown = legalRefsInPeriod(refs, period);
  if (shown.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    // Not a landmark: a page of questions would fill the landmark list with regions named "Lagrum".
    <div className="legal">
      <Heading className="legal-title" id={headingId}>
        Lagrum
      </Heading>
      <ul aria-labelledby={headingId}>
        {shown.map((ref, i) => {
          const note = validityNoteInPeriod(ref, period);
          return (
            <li key={i}>
              {formatLegalRef(ref)}
              {note && <span className="muted"> ({note})</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
