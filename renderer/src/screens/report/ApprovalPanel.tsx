import { ROLE_LABELS } from '../../../../shared/contract/profile';
import { formatDateTime } from '../../../../shared/util/format-sv';
import { useReport, type ReportMeta } from '../../state/report-store';
import { announce } from '../../state/status-store';
import { IssueList } from './IssueList';
import { shortChecksum } from './labels';

type Approval = ReportMeta['approvals'][number];

const person = (a: Approval) => (a.title ? `${a.name}, ${a.title}` : a.name);

/** Copies a checksum whole; the screen shows it short. */
async function copy(what: string, value: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(value);
    announce(`Kontrollsumman för ${what} kopierades.`, 'success');
  } catch {
    announce(`Kontrollsumman kunde inte kopieras. Markera den och kopiera: ${value}`, 'error');
  }
}

function Checksum({ label, what, value }: { label: string; what: string; value: string }) {
  return (
    <div className="report-checksum">
      <dt>{label}</dt>
      <dd>
        <code title={value}>{shortChecksum(value)}…</code>{' '}
        <button type="button" className="small" aria-label={`Kopiera kontrollsumman för ${what}`} onClick={() => void copy(what, value)}>
          Kopiera
        </button>
      </dd>
    </div>
  );
}

/**
 * Godkännande: each role that must approve (the settings), in any order, with who approved and
 * when, or "Väntar"; once all have, the approved version's date and the SHA-256 of its two
 * documents (every later copy is these bytes). While the draft is not approved, "Detta saknas"
 * lists what is incomplete, each a link to its place.
 */
export function ApprovalPanel() {
  const meta = useReport((s) => s.meta!);
  const { approvers, approvals, frozen, readiness, status } = meta;
  // An approval not matching a role that must approve (one recorded before roles were kept) is shown too: nothing in force is hidden.
  const others = approvals.filter((a) => !approvers.some((r) => r.role === a.role));
  const pending = approvers.filter((r) => r.approval === null).map((r) => r.label.toLocaleLowerCase('sv-SE'));

  return (
    <section className="panel report-approval" aria-labelledby="report-approval-heading">
      <h2 id="report-approval-heading">Godkännande</h2>
      {frozen && (
        <div className="report-frozen" role="note" aria-label="Fastställd version">
          <p>
            <strong>Fastställd {formatDateTime(frozen.frozenAt)}.</strong> Tjänsteutlåtandet och Bilaga 1 skrevs när det sista godkännandet gavs; varje export och nämndpaketet är exakt de filerna.
          </p>
          <dl className="report-checksums">
            <Checksum label="Tjänsteutlåtande, SHA-256" what="tjänsteutlåtandet" value={frozen.memoSha256} />
            <Checksum label="Bilaga 1, SHA-256" what="Bilaga 1" value={frozen.bilaga1Sha256} />
          </dl>
        </div>
      )}
      <div className="table-wrap">
        <table className="data-table report-approval-table">
          <caption className="visually-hidden">Godkännanden</caption>
          <thead>
            <tr>
              <th scope="col">Roll</th>
              <th scope="col">Godkänt av</th>
              <th scope="col">Datum</th>
              <th scope="col">Undantag</th>
            </tr>
          </thead>
          <tbody>
            {approvers.map(({ role, label, approval }) => (
              <tr key={role} data-role={role}>
                <th scope="row">{label}</th>
                {approval ? (
                  <>
                    <td>{person(approval)}</td>
                    <td className="report-nowrap">{approval.date}</td>
                    <td>{approval.override ?? ''}</td>
                  </>
                ) : (
                  <>
                    <td className="report-pending">Väntar</td>
                    <td />
                    <td />
                  </>
                )}
              </tr>
            ))}
            {others.map((a, i) => (
              <tr key={`other-${i}`}>
                <th scope="row">{a.role ? ROLE_LABELS[a.role] : 'Okänd roll'}</th>
                <td>{person(a)}</td>
                <td className="report-nowrap">{a.date}</td>
                <td>{a.override ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        {status === 'godkand'
          ? 'Namn, titel och datum fyller Attesterat av.'
          : pending.length > 0 && status === 'for_godkannande'
            ? `Godkänns i valfri ordning. Väntar på ${pending.join(' och ')}.`
            : 'Godkänns i valfri ordning när utkastet har skickats för godkännande. Rollen är vad profilen anger, inte en inloggning.'}
      </p>
      {status !== 'godkand' && readiness.length > 0 && (
        <div className="report-readiness" aria-labelledby="report-readiness-heading" role="group">
          <h3 id="report-readiness-heading" tabIndex={-1}>
            Detta saknas ({readiness.length})
          </h3>
          <IssueList issues={readiness} />
          <p className="hint">Utkastet kan inte skickas eller godkännas förrän det är åtgärdat. En avdelningschef eller socialdirektör kan gå vidare ändå med ett skäl, som loggas.</p>
        </div>
      )}
    </section>
  );
}
