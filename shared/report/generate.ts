import type { Block, ReportDraft, Section } from '../contract/report-model';
import type { PublishedResults } from '../contract/results';
import type { Review } from '../contract/reviews';
import type { SampleRecord } from '../contract/sampling';
import type { Template } from '../templates/schema';
import { midSentence } from '../util/list-sv';
import { stamped } from './fingerprint';
import type { DialogueMaterial, FindingMaterial, ScoringProgressMaterial } from './material';
import type { ReportSettings } from './settings';
import { areaText } from './writing/area';
import { backgroundBlocks } from './writing/background';
import { inledningBlocks, jamstalldhetBlocks, metodBlocks, resultatBlocks, slutordBlocks } from './writing/bilaga';
import { recommendationBlocks, recommendations } from './writing/conclusions';
import { allAreaFacts } from './writing/figures';
import { genderBlocks } from './writing/gender';
import { notesFor, type AreaNotes } from './writing/notes';
import { fullSummaryBlocks, summaryBlocks, type SummaryMaterial } from './writing/summary';
import { compareUnits, likstallighetFullBlocks, likstallighetMemoText } from './writing/units';
import { para } from './writing/words';

/**
 * The first draft of a review's tjänsteutlåtande and of Bilaga 1, written from its own data in the
 * order and wording of reference 003 (DOMAIN.md §3) and, for Bilaga 1, the form of reference 000.
 * Every figure comes from the PUBLISHED results, so the draft can say nothing the published tables
 * hide. The writer edits everything afterwards; the generated text is a first draft worth editing,
 * not a conclusion (the verdicts' sentences are the statistics' own). Each section is written by
 * one file under writing/, and stamped with the fingerprint of its text (`generated`), so that
 * rewriting the draft later (regenerate.ts) can tell untouched text from a person's.
 */

export interface EarlierReport {
  title: string;
  subtitle: string | null;
  /** The year it was published, "2024". */
  year: string;
}

export interface DraftInput {
  review: Review;
  template: Template;
  results: PublishedResults;
  sample: SampleRecord | null;
  settings: ReportSettings;
  officers: readonly { name: string; phone?: string }[];
  /** Earlier reviews to cite in Bakgrund's footnote (reference 003 cites two). */
  earlier?: readonly EarlierReport[];
  /** Notes marked as findings while reading, in template order then unit and file. */
  findings?: readonly FindingMaterial[];
  /** Dialogue meetings with the units, by unit then date. */
  dialogue?: readonly DialogueMaterial[];
  progress?: ScoringProgressMaterial;
}

export const DEFAULT_SUBTITLE = 'Socialtjänstinspektörernas kvalitetsgranskning';

const section = (id: string, kind: Section['kind'], title: string, blocks: Block[], extra: Partial<Section> = {}): Section => stamped({ id, kind, title, enabled: true, blocks, ...extra });

/** "omrade-trygghet": a section id from an area id. */
export const areaSectionId = (areaId: string): string => `omrade-${areaId}`.toLowerCase().replace(/[^a-z0-9_-]/g, '-');

export function defaultDraft(input: DraftInput): ReportDraft {
  const { review, template, settings, results } = input;
  const board = settings.board;
  const facts = allAreaFacts(results, template);
  const notes: ReadonlyMap<string, AreaNotes> = new Map(facts.map((f) => [f.areaId, notesFor(f.areaId, input.findings, input.dialogue)]));
  const comparison = compareUnits(results, facts);
  const severalUnits = comparison.units.length > 1;
  const advice = recommendations(facts, comparison, notes);
  const material: SummaryMaterial = { input, facts, comparison, notes, recommendations: advice };
  const likstallighetTitle = 'Likställighet mellan enheterna';
  const conclusionsTitle = 'Slutsatser och rekommendationer';
  return {
    header: {
      officers: input.officers.map((o) => ({ name: o.name, ...(o.phone ? { phone: o.phone } : {}) })),
      to: board,
      date: '',
      dnr: review.dnr ?? '',
      title: review.title,
      subtitle: review.subtitle ?? DEFAULT_SUBTITLE,
      administration: settings.administration,
      department: settings.department,
      font: settings.font,
    },
    proposals: [
      `${board} godkänner socialtjänstinspektörernas rapport.`,
      `${board} överlämnar rapporten till berörda stadsdelsnämnder.`,
      `${board} överlämnar rapporten till övriga stadsdelsnämnder för kännedom.`,
    ],
    sections: [
      section('sammanfattning', 'sammanfattning', 'Sammanfattning', summaryBlocks(material)),
      section('bakgrund', 'bakgrund', 'Bakgrund', backgroundBlocks(input)),
      section(
        'arendet',
        'arendet',
        'Ärendet',
        para(
          severalUnits
            ? 'Nedan följer en analys av granskningsresultatet, först utifrån ett likställighetsperspektiv mellan de granskade enheterna och därefter utifrån de kvalitetsområden SKR och Socialstyrelsen tagit fram, samt en jämställdhetsanalys.'
            : 'Nedan följer en analys av granskningsresultatet utifrån de kvalitetsområden SKR och Socialstyrelsen tagit fram samt en jämställdhetsanalys.',
        ),
      ),
      section('likstallighet', 'likstallighet', likstallighetTitle, [...para(likstallighetMemoText(comparison)), ...(severalUnits ? [{ type: 'unitTable' } as const] : [])], { enabled: severalUnits }),
      ...facts.map((area) => {
        const text = areaText(area, facts, notes.get(area.areaId)!);
        return section(areaSectionId(area.areaId), 'area', area.name, text.blocks, { areaId: area.areaId, detail: text.detail });
      }),
      section('jamstalldhet', 'jamstalldhet', 'Jämställdhetsanalys', genderBlocks(input)),
      section('slutsatser', 'slutsatser', conclusionsTitle, recommendationBlocks(advice)),
      section('barnratt', 'barnratt', 'Barnrättsperspektiv', [], { enabled: false }),
      section('beredning', 'beredning', 'Ärendets beredning', [
        ...para(`Ärendet har beretts inom ${midSentence(settings.department)}. Förvaltningsgruppen har behandlat ärendet den … . Funktionshinderrådet har haft möjlighet att behandla ärendet den … .`),
      ]),
      section('synpunkter', 'synpunkter', 'Förvaltningens synpunkter och förslag', [
        ...para(`Förvaltningen föreslår att ${midSentence(board)} godkänner socialtjänstinspektörernas rapport och överlämnar den till berörda stadsdelsnämnder samt till övriga stadsdelsnämnder för kännedom.`),
      ]),
      section('underskrifter', 'signatures', 'Underskrifter', []),
    ],
    signatures: [],
    bilaga1: {
      sections: [
        section('bilaga-sammanfattning', 'sammanfattning', 'Sammanfattning', fullSummaryBlocks(material)),
        section('bilaga-inledning', 'inledning', 'Inledning', inledningBlocks(input, comparison)),
        section('bilaga-metod', 'metod', 'Metod', metodBlocks(input)),
        section('bilaga-resultat', 'resultat', 'Resultat', resultatBlocks(input)),
        section('bilaga-likstallighet', 'likstallighet', likstallighetTitle, [...likstallighetFullBlocks(comparison), ...(severalUnits ? [{ type: 'unitTable' } as const] : [])], { enabled: severalUnits }),
        section('bilaga-jamstalldhet', 'jamstalldhet', 'Jämställdhetsanalys', jamstalldhetBlocks(input)),
        section('bilaga-slutsatser', 'slutsatser', conclusionsTitle, recommendationBlocks(advice)),
        section('bilaga-slutord', 'slutord', 'Slutord', slutordBlocks(input, facts)),
      ],
    },
  };
}
