import { hrefFor } from '../../routing/routes';
import { useScoring } from '../../state/scoring-store';

/** Why this file cannot be scored ("Ej i urvalet", "Bortfall – ersatt av akt …"), with the way to the replacement. */
export function ReadOnlyBanner({ reviewId }: { reviewId: string }) {
  const readOnly = useScoring((s) => s.readOnly);
  const access = useScoring((s) => s.view?.access);
  if (!readOnly || !access) return null;
  return (
    <div className="banner banner-warning scoring-readonly" role="note" aria-label="Akten kan inte granskas">
      <p>
        <strong>{access.reason ?? 'Akten ingår inte i urvalet.'}</strong> Akten visas men kan inte granskas: svar, anteckningar och Klar är avstängda.
      </p>
      {access.replacedBy && (
        <p>
          <a href={hrefFor({ name: 'scoring', reviewId, caseId: access.replacedBy.caseId })}>Granska ersättaren, akt {access.replacedBy.ref}</a>
        </p>
      )}
    </div>
  );
}
