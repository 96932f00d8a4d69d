import { useScoring } from '../../state/scoring-store';

/** Bedömningsstöd: shown and hidden with "?" or G on the question, or with the button. */
export function GuidancePanel({ questionId, guidance }: { questionId: string; guidance: string }) {
  const open = useScoring((s) => !!s.guidanceOpen[questionId]);
  const panelId = `guidance-${questionId}`;
  return (
    <div className="scoring-guidance">
      <button type="button" className="link-button" aria-expanded={open} aria-controls={panelId} aria-keyshortcuts="G ?" onClick={() => useScoring.getState().toggleGuidance(questionId)}>
        {open ? 'Dölj bedömningsstöd' : 'Visa bedömningsstöd'} <kbd aria-hidden="true">G</kbd>
      </button>
      <div id={panelId} className="guidance-text" hidden={!open}>
        {guidance}
      </div>
    </div>
  );
}
