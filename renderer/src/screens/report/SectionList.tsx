import { useEffect, useRef, useState } from 'react';
import type { Section } from '../../../../shared/contract/report-model';
import { FieldIssues } from '../../components/FieldIssues';
import { TextField } from '../../components/TextField';
import { addCustomSection, moveSection, removeSection, updateSection, type Direction } from '../../state/report-edits';
import { useReport } from '../../state/report-store';
import { announce } from '../../state/status-store';
import { messagesAt, sectionEditorId, sectionEnabledId, sectionTitleId } from './report-issues';
import { figuresOf, hasUnitTable, isTextBlock, sectionBlocks, withText, withUnitTable, type AreaFigures } from './rich-text';
import { RichTextEditor } from './RichTextEditor';
import { AreaTexts, BlockPlaceholders } from './SectionText';
import { useReportIssues } from './useReportIssues';

const KIND_NOTES: Partial<Record<Section['kind'], string>> = {
  area: 'Kvalitetsområde under Ärendet. Texten står i tjänsteutlåtandet och i Bilaga 1; fördjupningen nedan bara i Bilaga 1.',
  likstallighet: 'Jämförelsen mellan de granskade enheterna. Med en enda enhet finns inget att jämföra och avsnittet är avstängt.',
  slutsatser: 'Slutsatser och rekommendationer ur granskningen.',
  signatures: 'Här placeras underskrifterna (se Underskrifter nedan).',
  custom: 'Eget avsnitt.',
  barnratt: 'Valfritt avsnitt.',
};

/**
 * The memo's sections in order: each can be switched on or off, moved with buttons (no dragging
 * needed), and written in; an area section can include the published table and chart, and a
 * section of one's own can be renamed or removed.
 */
export function SectionList({ editable }: { editable: boolean }) {
  const sections = useReport((s) => s.draft!.sections);
  const generation = useReport((s) => s.generation);
  /** The control to focus once the moved or added section is rendered. */
  const focusAfterMove = useRef<string | null>(null);
  const [newTitle, setNewTitle] = useState('');
  const [newTitleError, setNewTitleError] = useState<string | null>(null);

  useEffect(() => {
    if (!focusAfterMove.current) return;
    document.getElementById(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  }, [sections]);

  const edit = useReport.getState().edit;

  const move = (section: Section, direction: Direction) => {
    const index = sections.findIndex((s) => s.id === section.id);
    const to = index + direction;
    if (to < 0 || to >= sections.length) return;
    edit((d) => moveSection(d, section.id, direction));
    announce(`${section.title} flyttades ${direction < 0 ? 'upp' : 'ned'}: nu avsnitt ${to + 1} av ${sections.length}.`);
    // Keep focus on the same button, or on the other one when this one is now at the end.
    const atEnd = (direction < 0 && to === 0) || (direction > 0 && to === sections.length - 1);
    focusAfterMove.current = `${section.id}-move-${atEnd ? (direction < 0 ? 'down' : 'up') : direction < 0 ? 'up' : 'down'}`;
  };

  const add = () => {
    const title = newTitle.trim();
    if (title === '') {
      setNewTitleError('Skriv en rubrik för avsnittet.');
      document.getElementById('report-new-section')?.focus();
      return;
    }
    let created = '';
    edit((d) => {
      const result = addCustomSection(d, title);
      created = result.id;
      return result.draft;
    });
    setNewTitle('');
    setNewTitleError(null);
    announce(`Avsnittet ${title} lades till.`);
    if (created) focusAfterMove.current = sectionTitleId(created);
  };

  return (
    <section className="panel report-sections" aria-labelledby="report-sections-heading">
      <h2 id="report-sections-heading">Avsnitt</h2>
      <p className="hint">I den ordning de står i tjänsteutlåtandet. Avsnitt som är avstängda tas inte med men finns kvar. Bilagor och Attesterat av avslutar alltid utlåtandet.</p>
      <ol className="report-section-list">
        {sections.map((section, index) => (
          <SectionCard
            key={`${generation}-${section.id}`}
            section={section}
            index={index}
            count={sections.length}
            editable={editable}
            onMove={(direction) => move(section, direction)}
          />
        ))}
      </ol>
      {editable && (
        <div className="inline-form report-add-section">
          <TextField
            id="report-new-section"
            label="Nytt avsnitt, rubrik"
            value={newTitle}
            onChange={(v) => {
              setNewTitle(v);
              setNewTitleError(null);
            }}
            issues={newTitleError ? [newTitleError] : []}
          />
          <button type="button" onClick={add}>
            Lägg till avsnitt
          </button>
        </div>
      )}
    </section>
  );
}

function SectionCard({ section, index, count, editable, onMove }: { section: Section; index: number; count: number; editable: boolean; onMove(direction: Direction): void }) {
  const issues = useReportIssues();
  const path = `$.draft.sections[${index}]`;
  const titleIssues = messagesAt(issues, `${path}.title`);
  const textIssues = messagesAt(issues, path).filter((m) => !titleIssues.includes(m));
  const edit = useReport.getState().edit;
  const flush = () => void useReport.getState().flush();
  const figures = figuresOf(section.blocks);
  const headingId = `report-section-${section.id}-heading`;
  const hasText = section.kind !== 'signatures';

  const setFigures = (next: AreaFigures) => {
    edit((d) => updateSection(d, section.id, (s) => ({ ...s, blocks: sectionBlocks(s.blocks.filter(isTextBlock), next, s.areaId) })));
    flush();
  };
  const isArea = section.kind === 'area' && section.areaId !== undefined;

  return (
    <li className={`report-section${section.enabled ? '' : ' report-section-off'}`} aria-labelledby={headingId}>
      <div className="report-section-head">
        <h3 id={headingId}>
          <span className="report-section-number">{index + 1}.</span> {section.title || 'Namnlöst avsnitt'}
          {!section.enabled && <span className="report-section-off-mark"> (avstängt)</span>}
        </h3>
        {editable && (
          <div className="button-row" role="group" aria-label={`Flytta ${section.title}`}>
            <button type="button" className="small" id={`${section.id}-move-up`} disabled={index === 0} aria-label={`Flytta upp ${section.title}`} onClick={() => onMove(-1)}>
              ↑ Upp
            </button>
            <button type="button" className="small" id={`${section.id}-move-down`} disabled={index === count - 1} aria-label={`Flytta ned ${section.title}`} onClick={() => onMove(1)}>
              ↓ Ned
            </button>
          </div>
        )}
      </div>
      {KIND_NOTES[section.kind] && <p className="hint">{KIND_NOTES[section.kind]}</p>}
      <div className="report-section-options">
        <label className="report-check">
          <input
            type="checkbox"
            id={sectionEnabledId(section.id)}
            checked={section.enabled}
            disabled={!editable}
            onChange={(e) => {
              edit((d) => updateSection(d, section.id, (s) => ({ ...s, enabled: e.target.checked })));
              flush();
            }}
          />{' '}
          Ta med {section.title || 'avsnittet'}
        </label>
        {section.kind === 'area' && section.areaId && (
          <>
            <label className="report-check">
              <input type="checkbox" checked={figures.table} disabled={!editable} onChange={(e) => setFigures({ ...figures, table: e.target.checked })} /> Publicerad tabell
            </label>
            <label className="report-check">
              <input type="checkbox" checked={figures.chart} disabled={!editable} onChange={(e) => setFigures({ ...figures, chart: e.target.checked })} /> Publicerat diagram
            </label>
          </>
        )}
        {section.kind === 'likstallighet' && <UnitTableCheck section={section} editable={editable} onChange={(on) => edit((d) => updateSection(d, section.id, (s) => ({ ...s, blocks: withUnitTable(s.blocks, on) })))} />}
      </div>
      {section.kind === 'custom' && (
        <TextField
          id={sectionTitleId(section.id)}
          label="Rubrik"
          value={section.title}
          onChange={(title) => edit((d) => updateSection(d, section.id, (s) => ({ ...s, title })))}
          onBlur={flush}
          issues={titleIssues}
        />
      )}
      {hasText && section.enabled && isArea && <AreaTexts section={section} index={index} editable={editable} />}
      {hasText && section.enabled && !isArea && (
        <RichTextEditor
          id={sectionEditorId(section.id)}
          label={section.title}
          blocks={section.blocks}
          editable={editable}
          issues={textIssues}
          onChange={(text) => edit((d) => updateSection(d, section.id, (s) => ({ ...s, blocks: withText(s.blocks, text) })))}
          onBlur={flush}
        />
      )}
      {section.enabled && <BlockPlaceholders blocks={section.blocks} />}
      {(!hasText || !section.enabled) && <FieldIssues id={`${sectionEditorId(section.id)}-issues`} messages={textIssues} />}
      {section.kind === 'area' && (figures.table || figures.chart) && (
        <p className="hint report-figures-note">
          {figures.table && figures.chart ? 'Tabellen och diagrammet hämtas' : figures.table ? 'Tabellen hämtas' : 'Diagrammet hämtas'} ur de publicerade resultaten när utlåtandet exporteras och står efter texten i tjänsteutlåtandet.
        </p>
      )}
      {section.kind === 'custom' && editable && (
        <button
          type="button"
          className="small danger-outline"
          onClick={() => {
            edit((d) => removeSection(d, section.id));
            announce(`Avsnittet ${section.title} togs bort.`);
            flush();
          }}
        >
          Ta bort avsnittet {section.title}
        </button>
      )}
    </li>
  );
}

/** Whether a likställighet section includes the table comparing the units (drawn at export). */
export function UnitTableCheck({ section, editable, onChange }: { section: Section; editable: boolean; onChange(on: boolean): void }) {
  return (
    <label className="report-check">
      <input
        type="checkbox"
        checked={hasUnitTable(section.blocks)}
        disabled={!editable}
        onChange={(e) => {
          onChange(e.target.checked);
          void useReport.getState().flush();
        }}
      />{' '}
      Tabell som jämför enheterna
    </label>
  );
}
