import { useState } from 'react';
import { APPENDIX_KINDS, CONFIRMED_NO_PERSONAL_DATA_PATH, type Appendix } from '../../../../shared/contract/report';
import type { ApiError } from '../../../../shared/result';
import type { PickedFile } from '../../api/files';
import { CheckboxField } from '../../components/CheckboxField';
import { FieldIssues } from '../../components/FieldIssues';
import { TextField } from '../../components/TextField';
import { services } from '../../services';
import { useReport } from '../../state/report-store';
import { announce } from '../../state/status-store';
import { formatBytes, shortChecksum } from './labels';
import { appendixFileId, appendixTitleId, messagesAt } from './report-issues';
import { useReportIssues } from './useReportIssues';

/** A title from a file name: without the extension and the characters a title may not hold (it names the file in the package). */
export const titleFromFileName = (name: string): string =>
  name
    .replace(/\.[^.]+$/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);

/** Asks for an appendix file (pdf, docx or xlsx); null when none was chosen or it could not be read (said in the status line). */
async function pickAppendixFile(): Promise<PickedFile | null> {
  try {
    return await services().pickFile([{ name: 'Bilaga (PDF, Word eller Excel)', extensions: [...APPENDIX_KINDS] }]);
  } catch (error) {
    announce(`Filen kunde inte öppnas: ${error instanceof Error ? error.message : String(error)}`, 'error');
    return null;
  }
}

/** A refusal the board secretary may confirm past: a PDF that could not be read through for personal numbers. */
export const needsConfirmation = (error: ApiError | undefined): boolean => (error?.issues ?? []).some((i) => i.path === CONFIRMED_NO_PERSONAL_DATA_PATH);

/** What the board secretary confirms for a PDF that could not be read through; logged with the profile's name. */
function ConfirmNoPersonalData({ id, checked, onChange }: { id: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <CheckboxField
      id={id}
      label="Jag har gått igenom filen och den innehåller inga personuppgifter"
      hint="Bekräftelsen sparas med ditt namn i utlåtandets historik."
      checked={checked}
      onChange={onChange}
    />
  );
}

const messagesOf = (error: ApiError | undefined): string[] => (error ? (error.issues?.length ? error.issues.map((i) => i.message) : [error.message]) : []);

/**
 * Bilagor: Bilaga 1 is the review report itself, then the memo's list of appendices in order. Any
 * role may list an appendix by its title while nobody has approved (the list is part of what is
 * approved); its file may come later. The board secretary attaches the files (pdf, docx, xlsx) —
 * also after approval — and creates the board package once every listed appendix has its file.
 */
export function AppendixPanel() {
  const meta = useReport((s) => s.meta!);
  const busy = useReport((s) => s.busy);
  const title = useReport((s) => s.draft!.header.title);
  const { attach, listAppendices, exportPackage } = meta.permissions;
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [newTitle, setNewTitle] = useState('');
  const [addError, setAddError] = useState<ApiError | undefined>();
  /** Once the core says the picked PDF could not be read through, the secretary may confirm it holds no personal data (sent with the next try). */
  const [confirmAsked, setConfirmAsked] = useState(false);
  const [addConfirmed, setAddConfirmed] = useState(false);
  const [planTitle, setPlanTitle] = useState('');
  const [planError, setPlanError] = useState<string[]>([]);
  const store = useReport.getState();
  const missing = meta.appendices.filter((a) => !a.attached);

  const choose = async () => {
    setAddError(undefined);
    setConfirmAsked(false);
    setAddConfirmed(false);
    const file = await pickAppendixFile();
    if (!file) return;
    setPicked(file);
    setNewTitle(titleFromFileName(file.name));
    requestAnimationFrame(() => document.getElementById('report-appendix-new-title')?.focus());
  };

  const add = async () => {
    if (!picked) return;
    const error = await store.addAppendix(picked, newTitle.trim(), confirmAsked && addConfirmed);
    setAddError(error);
    if (!error) {
      setPicked(null);
      setNewTitle('');
      setConfirmAsked(false);
      setAddConfirmed(false);
    } else if (needsConfirmation(error)) {
      // The same file stays picked; the confirmation appears beside the reason.
      if (!confirmAsked) requestAnimationFrame(() => document.getElementById('report-appendix-new-confirm')?.focus());
      setConfirmAsked(true);
    } else if (messagesAt(error.issues ?? [], '$.title').length > 0) document.getElementById('report-appendix-new-title')?.focus();
  };

  const plan = async () => {
    const text = planTitle.trim();
    if (text === '') {
      setPlanError(['Skriv bilagans titel.']);
      document.getElementById('report-appendix-plan-title')?.focus();
      return;
    }
    const error = await store.planAppendix(text);
    if (error) {
      setPlanError(messagesOf(error));
      document.getElementById('report-appendix-plan-title')?.focus();
    } else {
      setPlanTitle('');
      setPlanError([]);
    }
  };

  const addTitleIssues = addError ? messagesAt(addError.issues ?? [], '$.title') : [];
  const addNeedsConfirmation = confirmAsked;
  // Anything not about the title is about the file (its type, its size, the count of appendices).
  const addFileIssues = addError && addTitleIssues.length === 0 ? [addError.message] : [];

  return (
    <section className="panel report-appendices" aria-labelledby="report-appendices-heading">
      <h2 id="report-appendices-heading">Bilagor</h2>
      {!listAppendices.allowed && listAppendices.reason && <p className="hint">{listAppendices.reason}</p>}
      {!attach.allowed && attach.reason && <p className="hint">{attach.reason}</p>}
      <div className="table-wrap">
        <table className="data-table report-appendix-table">
          <caption className="visually-hidden">Bilagor till tjänsteutlåtandet</caption>
          <thead>
            <tr>
              <th scope="col">Bilaga</th>
              <th scope="col">Titel</th>
              <th scope="col">Fil</th>
              <th scope="col" className="num">
                Storlek
              </th>
              <th scope="col">Kontrollsumma (SHA-256)</th>
              {listAppendices.allowed && <th scope="col">Åtgärder</th>}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Bilaga 1</th>
              <td>{title || 'Granskningsrapporten'}</td>
              <td>Skapas vid export (.docx)</td>
              <td className="num">–</td>
              <td>–</td>
              {listAppendices.allowed && <td />}
            </tr>
            {meta.appendices.map((appendix, i) => (
              <AppendixRow
                key={`${appendix.id}\u0000${appendix.title}`}
                appendix={appendix}
                index={i}
                count={meta.appendices.length}
                canList={listAppendices.allowed}
                canAttach={attach.allowed}
                busy={busy !== null}
              />
            ))}
          </tbody>
        </table>
      </div>
      {listAppendices.allowed && (
        <div className="inline-form report-appendix-plan">
          <TextField
            id="report-appendix-plan-title"
            label="Bilaga som bifogas senare, titel"
            hint="Står i tjänsteutlåtandets bilageförteckning. Nämndsekreteraren bifogar filen, även efter godkännandet."
            value={planTitle}
            onChange={(v) => {
              setPlanTitle(v);
              setPlanError([]);
            }}
            issues={planError}
          />
          <button type="button" disabled={busy !== null} onClick={() => void plan()}>
            Lägg till i förteckningen
          </button>
        </div>
      )}
      {attach.allowed && listAppendices.allowed && !picked && (
        <button type="button" disabled={busy !== null} onClick={() => void choose()}>
          Bifoga bilaga…
        </button>
      )}
      {attach.allowed && listAppendices.allowed && picked && (
        <div className="report-appendix-new">
          <h3>Ny bilaga</h3>
          <p>
            Fil: <strong>{picked.name}</strong> ({formatBytes(picked.bytes.length)})
          </p>
          <p className="hint">Filen läses igenom innan den bifogas: en bilaga som innehåller ett personnummer eller samordningsnummer tas inte emot.</p>
          {addFileIssues.length > 0 && (
            <ul className="field-issues" role="alert">
              {addFileIssues.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          {addNeedsConfirmation && <ConfirmNoPersonalData id="report-appendix-new-confirm" checked={addConfirmed} onChange={setAddConfirmed} />}
          <div className="inline-form">
            <TextField
              id="report-appendix-new-title"
              label="Bilagans titel"
              hint="Titeln blir filens namn i nämndpaketet."
              value={newTitle}
              onChange={(v) => {
                setNewTitle(v);
                setAddError(undefined);
              }}
              issues={addTitleIssues}
            />
            <div className="button-row">
              <button type="button" className="primary" disabled={busy !== null || (addNeedsConfirmation && !addConfirmed)} onClick={() => void add()}>
                {busy === 'attach' ? 'Bifogar…' : addNeedsConfirmation ? 'Bifoga ändå' : 'Bifoga'}
              </button>
              <button
                type="button"
                onClick={() => {
                  setPicked(null);
                  setAddError(undefined);
                  setConfirmAsked(false);
                  setAddConfirmed(false);
                }}
              >
                Avbryt
              </button>
            </div>
          </div>
        </div>
      )}
      <div className="report-package">
        {exportPackage.allowed ? (
          <>
            {missing.length > 0 && (
              <p className="hint" id="report-package-waits">
                Nämndpaketet väntar på {missing.length === 1 ? 'filen' : 'filerna'} till {missing.map((a) => `bilaga ${a.number} (${a.title})`).join(', ')}.
              </p>
            )}
            <button type="button" className="primary" disabled={busy !== null || missing.length > 0} aria-describedby={missing.length > 0 ? 'report-package-waits' : undefined} onClick={() => void store.exportPackage()}>
              {busy === 'package' ? 'Skapar…' : 'Skapa nämndpaket (.zip)'}
            </button>
          </>
        ) : (
          meta.role === 'namndsekreterare' && exportPackage.reason && <p className="hint">{exportPackage.reason}</p>
        )}
      </div>
    </section>
  );
}

function AppendixRow({ appendix, index, count, canList, canAttach, busy }: { appendix: Appendix; index: number; count: number; canList: boolean; canAttach: boolean; busy: boolean }) {
  const [title, setTitle] = useState(appendix.title);
  const [error, setError] = useState<ApiError | undefined>();
  const [fileError, setFileError] = useState<ApiError | undefined>();
  /** A PDF refused because it could not be read through, kept to attach on the secretary's confirmation. */
  const [unread, setUnread] = useState<PickedFile | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const issues = useReportIssues();
  const store = useReport.getState();

  const saveTitle = async () => {
    const next = title.trim();
    if (next === appendix.title) return;
    setError(await store.updateAppendix(appendix.id, { title: next }));
  };
  const move = async (direction: -1 | 1) => {
    // position: 1 is the first attached file (Bilaga 2).
    await store.updateAppendix(appendix.id, { position: index + 1 + direction });
    requestAnimationFrame(() => {
      const same = document.getElementById(`report-appendix-${appendix.id}-${direction < 0 ? 'up' : 'down'}`) as HTMLButtonElement | null;
      const other = document.getElementById(`report-appendix-${appendix.id}-${direction < 0 ? 'down' : 'up'}`);
      (same && !same.disabled ? same : other)?.focus();
    });
  };
  const attachFile = async () => {
    setFileError(undefined);
    setUnread(null);
    setConfirmed(false);
    const file = await pickAppendixFile();
    if (!file) return;
    const refused = await store.attachAppendix(appendix.id, file);
    setFileError(refused);
    if (needsConfirmation(refused)) {
      setUnread(file);
      requestAnimationFrame(() => document.getElementById(`${appendixFileId(index)}-confirm`)?.focus());
    } else requestAnimationFrame(() => document.getElementById(appendixFileId(index))?.focus());
  };
  const attachConfirmed = async () => {
    if (!unread) return;
    const refused = await store.attachAppendix(appendix.id, unread, true);
    setFileError(refused);
    if (!needsConfirmation(refused)) {
      setUnread(null);
      setConfirmed(false);
    }
    requestAnimationFrame(() => document.getElementById(appendixFileId(index))?.focus());
  };
  const titleIssues = [...messagesOf(error), ...messagesAt(issues, `$.appendices[${index}].title`)];
  // A refusal that may be confirmed says why in its message; its issue only points at the confirmation.
  const fileIssues = [...(needsConfirmation(fileError) ? [fileError!.message] : messagesOf(fileError)), ...messagesAt(issues, `$.appendices[${index}]`).filter((m) => !titleIssues.includes(m))];
  const fileIssuesId = `${appendixFileId(index)}-issues`;

  return (
    <tr>
      <th scope="row">Bilaga {appendix.number}</th>
      <td>
        {canList ? (
          <TextField
            id={appendixTitleId(index)}
            label={<span className="visually-hidden">Titel, bilaga {appendix.number}</span>}
            value={title}
            onChange={(v) => {
              setTitle(v);
              setError(undefined);
            }}
            onBlur={() => void saveTitle()}
            issues={titleIssues}
          />
        ) : (
          <>
            {appendix.title}
            {titleIssues.length > 0 && (
              <ul className="field-issues">
                {titleIssues.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </td>
      <td>
        {/* Without the button, the file's text is where a problem about the file leads. */}
        {appendix.attached ? (
          <span className="report-appendix-file" id={canAttach ? undefined : appendixFileId(index)} tabIndex={canAttach ? undefined : -1}>
            {appendix.fileName}
          </span>
        ) : (
          <strong className="report-appendix-missing" id={canAttach ? undefined : appendixFileId(index)} tabIndex={canAttach ? undefined : -1}>
            Filen saknas
          </strong>
        )}
        {canAttach ? (
          <>
            {' '}
            <button
              type="button"
              className="small"
              id={appendixFileId(index)}
              disabled={busy}
              aria-label={`${appendix.attached ? 'Byt fil' : 'Bifoga fil'}, bilaga ${appendix.number}`}
              aria-describedby={fileIssues.length > 0 ? fileIssuesId : undefined}
              onClick={() => void attachFile()}
            >
              {appendix.attached ? 'Byt fil…' : 'Bifoga fil…'}
            </button>
          </>
        ) : null}
        <FieldIssues id={fileIssuesId} messages={fileIssues} />
        {canAttach && unread && (
          <div className="report-appendix-confirm">
            <ConfirmNoPersonalData id={`${appendixFileId(index)}-confirm`} checked={confirmed} onChange={setConfirmed} />
            <div className="button-row">
              <button type="button" className="small primary" disabled={busy || !confirmed} onClick={() => void attachConfirmed()}>
                Bifoga {unread.name} ändå
              </button>
              <button
                type="button"
                className="small"
                onClick={() => {
                  setUnread(null);
                  setConfirmed(false);
                  setFileError(undefined);
                }}
              >
                Avbryt
              </button>
            </div>
          </div>
        )}
      </td>
      <td className="num">{appendix.bytes !== null ? formatBytes(appendix.bytes) : '–'}</td>
      <td>{appendix.sha256 ? <code title={appendix.sha256}>{shortChecksum(appendix.sha256)}…</code> : '–'}</td>
      {canList && (
        <td>
          <div className="button-row">
            <button type="button" className="small" id={`report-appendix-${appendix.id}-up`} disabled={busy || index === 0} aria-label={`Flytta upp bilaga ${appendix.number}`} onClick={() => void move(-1)}>
              ↑ Upp
            </button>
            <button type="button" className="small" id={`report-appendix-${appendix.id}-down`} disabled={busy || index === count - 1} aria-label={`Flytta ned bilaga ${appendix.number}`} onClick={() => void move(1)}>
              ↓ Ned
            </button>
            <button type="button" className="small danger-outline" disabled={busy} aria-label={`Ta bort bilaga ${appendix.number}`} onClick={() => void store.removeAppendix(appendix.id)}>
              Ta bort
            </button>
          </div>
        </td>
      )}
    </tr>
  );
}
