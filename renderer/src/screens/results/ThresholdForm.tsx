import { useId, useState } from 'react';
import { MAX_PUBLISH_THRESHOLD, MIN_PUBLISH_THRESHOLD } from '../../../../shared/contract/results';
import { formatNumber } from '../../../../shared/util/format-sv';

const THRESHOLDS = Array.from({ length: MAX_PUBLISH_THRESHOLD - MIN_PUBLISH_THRESHOLD + 1 }, (_, i) => MIN_PUBLISH_THRESHOLD + i);
const MIN_REASON = 10;

interface Props {
  threshold: number;
  onChange(threshold: number, reason: string): Promise<boolean>;
}

/**
 * The review's threshold, changed only with a reason (docs/disclosure.md §4): it belongs to the
 * review, not to one export, and the change is logged; everything published is recomputed with it.
 */
export function ThresholdForm({ threshold, onChange }: Props) {
  const [value, setValue] = useState(threshold);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const reasonId = useId();
  const tooShort = reason.trim().length < MIN_REASON;
  return (
    <details className="results-threshold">
      <summary>Ändra gränsen för små grupper…</summary>
      <form
        aria-label="Ändra gränsen för små grupper"
        onSubmit={async (event) => {
          event.preventDefault();
          if (tooShort || saving) return;
          setSaving(true);
          if (await onChange(value, reason.trim())) setReason('');
          setSaving(false);
        }}
      >
        <p className="hint">Gränsen gäller hela granskningens publiceringsunderlag: tjänsteutlåtandet, bilaga 1 och alla publicerade exporter räknas om. Ändringen och skälet loggas.</p>
        <label>
          Ny gräns (akter){' '}
          <select value={value} onChange={(e) => setValue(Number(e.target.value))}>
            {THRESHOLDS.map((t) => (
              <option key={t} value={t}>
                {formatNumber(t)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={reasonId}>Skäl</label>
        <textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={2000} aria-describedby={`${reasonId}-hint`} />
        <p id={`${reasonId}-hint`} className="hint">
          Minst {MIN_REASON} tecken, till exempel vem som beslutade och varför.
        </p>
        <button type="submit" disabled={tooShort || saving || value === threshold}>
          {saving ? 'Sparar…' : 'Ändra gränsen'}
        </button>
      </form>
    </details>
  );
}
