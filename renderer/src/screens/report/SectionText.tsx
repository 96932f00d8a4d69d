import type { Block, Section } from '../../../../shared/contract/report-model';
import { updateSection } from '../../state/report-edits';
import { useReport } from '../../state/report-store';
import { messagesAt, sectionDetailId, sectionEditorId } from './report-issues';
import { withText } from './rich-text';
import { RichTextEditor } from './RichTextEditor';
import { useReportIssues } from './useReportIssues';

/** The comparison of the units as it stands in the text: drawn from the published results at export, not written here. */
export function UnitTablePlaceholder() {
  return (
    <div className="report-block-placeholder" role="note" aria-label="Jämförelse mellan enheterna">
      <strong>Tabell: jämförelse mellan enheterna</strong> (andel ja per kvalitetsområde och enhet). Hämtas ur de publicerade resultaten när dokumentet exporteras och kan inte ändras här.
    </div>
  );
}

/** Placeholders for the blocks the editor does not hold (today only the unit comparison; the area figures have their own note). */
export function BlockPlaceholders({ blocks }: { blocks: readonly Block[] }) {
  return blocks.some((b) => b.type === 'unitTable') ? <UnitTablePlaceholder /> : null;
}

/**
 * The two texts of a quality area, one text for two documents: the memo's short text (`blocks`),
 * which Bilaga 1 also prints, and the fuller text after it that only Bilaga 1 carries (`detail`).
 * Shown under the area in the memo and under Resultat in Bilaga 1; editing either place edits the same text.
 */
export function AreaTexts({ section, index, editable, headingLevel = 4 }: { section: Section; index: number; editable: boolean; headingLevel?: 4 | 5 }) {
  const issues = useReportIssues();
  const path = `$.draft.sections[${index}]`;
  const detailIssues = messagesAt(issues, `${path}.detail`);
  const titleIssues = messagesAt(issues, `${path}.title`);
  // The section as a whole ("… är tomt") and its short text are shown at the first editor.
  const textIssues = messagesAt(issues, path).filter((m) => !detailIssues.includes(m) && !titleIssues.includes(m));
  const { edit } = useReport.getState();
  const flush = () => void useReport.getState().flush();
  const detailHeading = `${sectionDetailId(section.id)}-heading`;
  const Heading = headingLevel === 4 ? 'h4' : 'h5';
  return (
    <>
      <RichTextEditor
        id={sectionEditorId(section.id)}
        label={section.title}
        blocks={section.blocks}
        editable={editable}
        issues={textIssues}
        onChange={(text) => edit((d) => updateSection(d, section.id, (s) => ({ ...s, blocks: withText(s.blocks, text) })))}
        onBlur={flush}
      />
      <div className="report-detail" role="group" aria-labelledby={detailHeading}>
        <Heading id={detailHeading}>Text i Bilaga 1 (fördjupning)</Heading>
        <p className="hint">Står bara i Bilaga 1, efter texten ovan: fynden i detalj och vad som framkom vid dialogmötena.</p>
        <RichTextEditor
          id={sectionDetailId(section.id)}
          label={`${section.title}, Bilaga 1`}
          name={`Text i Bilaga 1 (fördjupning): ${section.title}`}
          blocks={section.detail ?? []}
          editable={editable}
          issues={detailIssues}
          onChange={(text) => edit((d) => updateSection(d, section.id, (s) => ({ ...s, detail: withText(s.detail ?? [], text) })))}
          onBlur={flush}
        />
        <BlockPlaceholders blocks={section.detail ?? []} />
      </div>
    </>
  );
}
