import { useEffect, useRef, useState } from 'react';
import { useReport, type RegeneratePreview } from '../../state/report-store';

export type RegenerateMode = 'rewrite' | 'create';

type SectionRef = RegeneratePreview['kept'][number];

/** A section's name as the writer knows it: Bilaga 1's chapters are named as such (both documents have a Sammanfattning). */
function useSectionName(): (ref: SectionRef) => string {
  const chapterIds = useReport((s) => s.draft?.bilaga1?.sections.map((c) => c.id).join('\u0000') ?? '');
  const chapters = new Set(chapterIds.split('\u0000'));
  return (ref) => (chapters.has(ref.id) || ref.id.startsWith('bilaga-') ? `Bilaga 1: ${ref.title}` : ref.title);
}

/**
 * "Skriv om från granskningen" (and "Skapa Bilaga 1:s kapitel", the same call for a draft from
 * before Bilaga 1 had chapters): first asks the core what would happen (dryRun), then shows which
 * sections are rewritten and which are kept because someone edited them — each of those may be
 * overwritten anyway, by choice. Nothing changes until it is confirmed.
 */
export function RegenerateButton({ mode, disabled }: { mode: RegenerateMode; disabled?: boolean }) {
  const busy = useReport((s) => s.busy);
  const [preview, setPreview] = useState<RegeneratePreview | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const label = mode === 'create' ? 'Skapa Bilaga 1:s kapitel' : 'Skriv om från granskningen';

  const open = async () => {
    const answer = await useReport.getState().previewRegenerate();
    if (answer) setPreview(answer);
  };
  const close = (returnFocus: boolean) => {
    setPreview(null);
    // The button is gone once Bilaga 1's chapters exist: then the tab's heading takes focus.
    if (returnFocus) requestAnimationFrame(() => (buttonRef.current ?? document.getElementById('report-bilaga1-heading'))?.focus());
  };

  return (
    <>
      <button type="button" ref={buttonRef} disabled={disabled || busy !== null} aria-haspopup="dialog" onClick={() => void open()}>
        {busy === 'regenerate' && !preview ? 'Läser granskningen…' : `${label}…`}
      </button>
      {preview && <RegenerateDialog mode={mode} preview={preview} onClose={close} />}
    </>
  );
}

function RegenerateDialog({ mode, preview, onClose }: { mode: RegenerateMode; preview: RegeneratePreview; onClose(returnFocus: boolean): void }) {
  const busy = useReport((s) => s.busy);
  const name = useSectionName();
  const [overwrite, setOverwrite] = useState<ReadonlySet<string>>(new Set());
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Modal where the platform has it (the page behind is inert, Escape cancels); open in place otherwise.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
    headingRef.current?.focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
    };
  }, []);
  const title = mode === 'create' ? 'Skapa Bilaga 1:s kapitel' : 'Skriv om från granskningen';
  const nothing = preview.replaced.length === 0 && overwrite.size === 0;

  const confirm = async () => {
    const done = await useReport.getState().regenerate([...overwrite]);
    // After a rewrite the draft is read in again; focus goes back to where the writer started.
    if (done) onClose(true);
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(overwrite);
    if (on) next.add(id);
    else next.delete(id);
    setOverwrite(next);
  };

  return (
    <dialog
      ref={dialogRef}
      className="report-dialog"
      aria-labelledby="report-regenerate-heading"
      aria-describedby="report-regenerate-intro"
      onCancel={(e) => {
        e.preventDefault();
        onClose(true);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose(true);
        }
      }}
    >
      <h2 id="report-regenerate-heading" tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      <p id="report-regenerate-intro">
        {mode === 'create'
          ? 'Bilaga 1:s kapitel skrivs från granskningens svar, fynd och dialogmöten och kan sedan ändras under fliken Bilaga 1. '
          : 'Texten skrivs om från granskningens nuvarande svar, fynd och dialogmöten. '}
        Rubriker, ordning och vilka avsnitt som tas med ändras inte. Text som någon har ändrat behålls, om du inte väljer att skriva över den.
      </p>
      <h3>Skrivs om ({preview.replaced.length})</h3>
      {preview.replaced.length === 0 ? (
        <p className="hint">Inget avsnitt behöver skrivas om: det som skrevs från granskningen stämmer redan.</p>
      ) : (
        <ul className="report-regenerate-list" aria-label="Avsnitt som skrivs om">
          {preview.replaced.map((ref) => (
            <li key={ref.id}>{name(ref)}</li>
          ))}
        </ul>
      )}
      <h3>Behålls, eftersom någon har ändrat texten ({preview.kept.length})</h3>
      {preview.kept.length === 0 ? (
        <p className="hint">Inga ändrade avsnitt skulle skrivas över.</p>
      ) : (
        <ul className="report-regenerate-list" aria-label="Avsnitt som behålls">
          {preview.kept.map((ref) => (
            <li key={ref.id}>
              <span>{name(ref)}</span>{' '}
              <label className="report-check">
                <input type="checkbox" checked={overwrite.has(ref.id)} onChange={(e) => toggle(ref.id, e.target.checked)} /> Skriv över ändå
                <span className="visually-hidden">: {name(ref)}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {overwrite.size > 0 && <p className="hint report-overwrite-warning">Det som har skrivits i {overwrite.size === 1 ? 'det valda avsnittet' : `de ${overwrite.size} valda avsnitten`} ersätts och kan inte tas tillbaka här.</p>}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy !== null || nothing} onClick={() => void confirm()}>
          {busy === 'regenerate' ? 'Skriver om…' : mode === 'create' ? 'Skapa kapitlen' : 'Skriv om'}
        </button>
        <button type="button" onClick={() => onClose(true)}>
          Avbryt
        </button>
      </div>
    </dialog>
  );
}
