import { formatDateTime } from '../../../../shared/util/format-sv';
import type { ReportMeta } from '../../state/report-store';
import { eventName } from './labels';

/** Historik: every step of the report, oldest first, with who and when (the log is append-only in the core). */
export function EventLog({ events }: { events: ReportMeta['events'] }) {
  return (
    <section className="panel report-history" aria-labelledby="report-history-heading">
      <h2 id="report-history-heading">Historik</h2>
      {events.length === 0 ? (
        <p className="hint">Inga händelser ännu.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Händelser i tjänsteutlåtandet</caption>
            <thead>
              <tr>
                <th scope="col">Tid</th>
                <th scope="col">Händelse</th>
                <th scope="col">Av</th>
                <th scope="col">Anteckning</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event, i) => (
                <tr key={i}>
                  <td className="report-nowrap">{formatDateTime(event.at)}</td>
                  <td>{eventName(event.action)}</td>
                  <td>{event.actor}</td>
                  <td>{event.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Attesterat av: the approvals in force only; a report not approved says so (nothing is made up). */
export function ApprovalsPanel({ approvals }: { approvals: ReportMeta['approvals'] }) {
  return (
    <section className="panel report-approvals" aria-labelledby="report-approvals-heading">
      <h2 id="report-approvals-heading">Attesterat av</h2>
      {approvals.length === 0 ? (
        <p className="hint">Inte godkänt ännu: tabellen fylls i när en avdelningschef godkänner utlåtandet.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Godkännanden</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Titel</th>
              <th scope="col">Datum</th>
            </tr>
          </thead>
          <tbody>
            {approvals.map((a, i) => (
              <tr key={i}>
                <td>{a.name}</td>
                <td>{a.title}</td>
                <td>{a.date}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
