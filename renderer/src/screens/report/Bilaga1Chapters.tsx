import { useEffect, useRef } from 'react';
import type { Section } from '../../../../shared/contract/report-model';
import { FieldIssues } from '../../components/FieldIssues';
import { TextField } from '../../components/TextField';
import { moveChapter, updateChapter, type Direction } from '../../state/report-edits';
import { useReport } from '../../state/report-store';
import { announce } from '../../state/status-store';
import { chapterEditorId, chapterEnabledId, chapterTitleId, messagesAt } from './report-issues';
import { RegenerateButton } from './RegenerateDialog';
import { withText, withUnitTable } from './rich-text';
import { RichTextEditor } from './RichTextEditor';
import { AreaTexts, BlockPlaceholders } from './SectionText';
import { UnitTableCheck } from './SectionList';
import { useReportIssues } from './useReportIssues';

/** What the export adds to a chapter after its text, by kind. */
const CHAPTER_NOTES: Partial<Record<Section['kind'], string>> = {
  sammanfattning: 'Innehållsförteckningen följer efter Sammanfattning.',
  metod: 'Efter texten följer metodkapitlet, som skrivs från urvalet när Bilaga 1 exporteras.',
  resultat: 'Efter texten följer varje kvalitetsområde: utlåtandets text om området och fördjupningen (nedan – samma text som under fliken Tjänsteutlåtande), därefter områdets tabeller och diagram.',
  likstallighet: 'Jämförelsen mellan de granskade enheterna.',
  jamstalldhet: 'Efter texten följer tabellerna per kön, som läggs till när Bilaga 1 exporteras.',
  slutord: 'Bilaga 1:s avslutning.',
};

/**
 * Bilaga 1, the review report, chapter by chapter from the draft's own chapters: each can be
 * renamed, switched on or off, moved and written in. Under Resultat stand the memo's area texts —
 * one text for both documents. A draft written before Bilaga 1 had chapters offers to create them.
 */
export function Bilaga1Chapters({ editable }: { editable: boolean }) {
  const chapters = useReport((s) => s.draft!.bilaga1?.sections);
  const generation = useReport((s) => s.generation);
  const focusAfterMove = useRef<string | null>(null);

  useEffect(() => {
    if (!focusAfterMove.current) return;
    document.getElementById(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  }, [chapters]);

  if (!chapters) {
    return (
      <section className="panel report-bilaga1" aria-labelledby="report-bilaga1-heading">
        <h2 id="report-bilaga1-heading" tabIndex={-1}>
          Bilaga 1 – granskningsrapporten
        </h2>
        <p>
          Utkastet skrevs innan Bilaga 1 fick egna kapitel. Bilaga 1 skapas då som förut vid exporten: Sammanfattning och Ärendets beredning hämtas från tjänsteutlåtandet, resten skrivs från
          granskningen.
        </p>
        <p className="hint">Skapa kapitlen för att kunna skriva och ändra dem här. Tjänsteutlåtandets avsnitt som någon har ändrat behålls, om du inte väljer annat.</p>
        {editable && <RegenerateButton mode="create" />}
      </section>
    );
  }

  const move = (chapter: Section, direction: Direction) => {
    const index = chapters.findIndex((s) => s.id === chapter.id);
    const to = index + direction;
    if (to < 0 || to >= chapters.length) return;
    useReport.getState().edit((d) => moveChapter(d, chapter.id, direction));
    void useReport.getState().flush();
    announce(`${chapter.title} flyttades ${direction < 0 ? 'upp' : 'ned'}: nu kapitel ${to + 1} av ${chapters.length}.`);
    const atEnd = (direction < 0 && to === 0) || (direction > 0 && to === chapters.length - 1);
    focusAfterMove.current = `${chapter.id}-move-${atEnd ? (direction < 0 ? 'down' : 'up') : direction < 0 ? 'up' : 'down'}`;
  };

  return (
    <section className="panel report-bilaga1" aria-labelledby="report-bilaga1-heading">
      <h2 id="report-bilaga1-heading" tabIndex={-1}>
        Bilaga 1 – kapitel
      </h2>
      <p className="hint">
        I den ordning de står i Bilaga 1, efter försättsbladet. Kapitel som är avstängda tas inte med men finns kvar. Bilagan Granskningsfrågor avslutar alltid Bilaga 1.
      </p>
      <ol className="report-section-list">
        {chapters.map((chapter, index) => (
          <ChapterCard key={`${generation}-${chapter.id}`} chapter={chapter} index={index} count={chapters.length} editable={editable} onMove={(d) => move(chapter, d)} />
        ))}
      </ol>
    </section>
  );
}

function ChapterCard({ chapter, index, count, editable, onMove }: { chapter: Section; index: number; count: number; editable: boolean; onMove(direction: Direction): void }) {
  const issues = useReportIssues();
  const path = `$.draft.bilaga1.sections[${index}]`;
  const titleIssues = messagesAt(issues, `${path}.title`);
  const textIssues = messagesAt(issues, path).filter((m) => !titleIssues.includes(m));
  const { edit } = useReport.getState();
  const flush = () => void useReport.getState().flush();
  const headingId = `report-chapter-${chapter.id}-heading`;
  const name = chapter.title || 'Namnlöst kapitel';

  return (
    <li className={`report-section${chapter.enabled ? '' : ' report-section-off'}`} aria-labelledby={headingId}>
      <div className="report-section-head">
        <h3 id={headingId}>
          <span className="report-section-number">{index + 1}.</span> {name}
          {!chapter.enabled && <span className="report-section-off-mark"> (avstängt)</span>}
        </h3>
        {editable && (
          <div className="button-row" role="group" aria-label={`Flytta ${name}`}>
            <button type="button" className="small" id={`${chapter.id}-move-up`} disabled={index === 0} aria-label={`Flytta upp ${name}`} onClick={() => onMove(-1)}>
              ↑ Upp
            </button>
            <button type="button" className="small" id={`${chapter.id}-move-down`} disabled={index === count - 1} aria-label={`Flytta ned ${name}`} onClick={() => onMove(1)}>
              ↓ Ned
            </button>
          </div>
        )}
      </div>
      {CHAPTER_NOTES[chapter.kind] && <p className="hint">{CHAPTER_NOTES[chapter.kind]}</p>}
      <div className="report-section-options">
        <label className="report-check">
          <input
            type="checkbox"
            id={chapterEnabledId(chapter.id)}
            checked={chapter.enabled}
            disabled={!editable}
            onChange={(e) => {
              edit((d) => updateChapter(d, chapter.id, (s) => ({ ...s, enabled: e.target.checked })));
              flush();
            }}
          />{' '}
          Ta med {name}
        </label>
        {chapter.kind === 'likstallighet' && <UnitTableCheck section={chapter} editable={editable} onChange={(on) => edit((d) => updateChapter(d, chapter.id, (s) => ({ ...s, blocks: withUnitTable(s.blocks, on) })))} />}
      </div>
      <TextField
        id={chapterTitleId(chapter.id)}
        label={`Rubrik för kapitel ${index + 1}`}
        value={chapter.title}
        onChange={(title) => edit((d) => updateChapter(d, chapter.id, (s) => ({ ...s, title })))}
        onBlur={flush}
        issues={titleIssues}
      />
      {chapter.enabled ? (
        <>
          <RichTextEditor
            id={chapterEditorId(chapter.id)}
            label={`${name}, Bilaga 1`}
            name={`Text i Bilaga 1: ${name}`}
            blocks={chapter.blocks}
            editable={editable}
            issues={textIssues}
            onChange={(text) => edit((d) => updateChapter(d, chapter.id, (s) => ({ ...s, blocks: withText(s.blocks, text) })))}
            onBlur={flush}
          />
          <BlockPlaceholders blocks={chapter.blocks} />
        </>
      ) : (
        <FieldIssues id={`${chapterEditorId(chapter.id)}-issues`} messages={textIssues} />
      )}
      {chapter.kind === 'resultat' && chapter.enabled && <ResultAreas editable={editable} />}
    </li>
  );
}

/** The memo's quality areas under Resultat: the same text as in the memo, edited in either place. */
function ResultAreas({ editable }: { editable: boolean }) {
  const sections = useReport((s) => s.draft!.sections);
  const areas = sections.map((section, index) => ({ section, index })).filter(({ section }) => section.kind === 'area');
  if (areas.length === 0) return null;
  return (
    <div className="report-result-areas">
      <p className="hint report-figures-note">Tabeller och diagram för varje område läggs till ur de publicerade resultaten när Bilaga 1 exporteras.</p>
      <ol className="report-area-list">
        {areas.map(({ section, index }) => (
          <li key={section.id} className="report-area" aria-labelledby={`report-area-${section.id}-heading`}>
            <h4 id={`report-area-${section.id}-heading`}>{section.title}</h4>
            {section.enabled ? (
              <AreaTexts section={section} index={index} editable={editable} headingLevel={5} />
            ) : (
              <p className="hint">Avstängt i tjänsteutlåtandet: området tas inte med. Slå på det under fliken Tjänsteutlåtande.</p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
