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
