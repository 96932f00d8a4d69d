import type { Block } from '../../contract/report-model';
import { listSv, midSentence } from '../../util/list-sv';
import { countOf } from '../../util/plural-sv';
import type { DraftInput } from '../generate';
import { rankedAreas, writtenAreas, type AreaFacts } from './figures';
import { GROUP_WORDS, genderBlocks } from './gender';
import { countWords, dateWords, lower, numberWord, para, quoted, sentences } from './words';
import type { UnitComparison } from './units';

/**
 * Bilaga 1's own chapters in the form of reference 000: Inledning (why and what), the lead-ins of
 * Metod, Resultat and Jämställdhetsanalys (what follows them is drawn at export), and Slutord.
 * Sammanfattning, Likställighet and Slutsatser are written with the memo's material.
 */

/** "Socialförvaltningens", "Stadsledningskontorets"; a name ending in s, x or z takes no extra s. */
const genitive = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);

function dialoguePeriod(input: DraftInput): { units: string[]; from: string; to: string } | null {
  const meetings = (input.dialogue ?? []).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.heldOn));
  if (meetings.length === 0) return null;
  const dates = meetings.map((d) => d.heldOn).sort();
  return { units: [...new Set(meetings.map((d) => d.unit))], from: dates[0], to: dates[dates.length - 1] };
}

export function inledningBlocks(input: DraftInput, comparison: UnitComparison): Block[] {
  const { review, template, results, settings } = input;
  const units = review.units.length > 0 ? ` vid ${listSv(review.units)}` : '';
  const questions = template.questions.length;
  const areas = writtenAreas(template).length;
  const period = review.periodFrom && review.periodTo ? ` De granskade akterna avser perioden från och med ${dateWords(review.periodFrom)} till och med ${dateWords(review.periodTo)}.` : '';
  const sizes = new Set(comparison.files.map((f) => f.files));
  const perUnit =
    comparison.files.length < 2 ? '' : sizes.size === 1 ? `, ${numberWord(comparison.files[0].files)} från var och en av enheterna` : `: ${listSv(comparison.files.map((f) => `${numberWord(f.files)} från ${f.unit}`))}`;
  const files = results.basis.files === null ? null : `Sammanlagt granskades ${countOf(results.basis.files, 'akt', 'akter')}${perUnit}.`;
  const dialogue = dialoguePeriod(input);
  return [
    ...para(
      `${genitive(settings.administration)} socialtjänstinspektörer granskar återkommande kvaliteten i socialtjänstens arbete genom att läsa akter och pröva dem mot lagstiftningens krav och mot de kvalitetsområden som Socialstyrelsen och Sveriges Kommuner och Regioner (SKR) har formulerat.`,
    ),
    ...para(sentences(`Denna granskning avser ${midSentence(template.name)}${units}.${period}`, review.theme ? review.theme.trim().replace(/([^.!?])$/, '$1.') : null)),
    ...para(
      sentences(
        `Granskningen har gjorts med granskningsmallen ${quoted(template.name)} (version ${template.version}), som omfattar ${countWords(questions, 'fråga', 'frågor')} fördelade på ${countWords(areas, 'kvalitetsområde', 'kvalitetsområden', true)}.`,
        files,
      ),
    ),
    ...para(
      sentences(
        'Rapporten redovisar först resultaten per kvalitetsområde, därefter en jämförelse mellan enheterna utifrån ett likställighetsperspektiv och en jämställdhetsanalys, och avslutas med inspektörernas slutsatser och rekommendationer.',
        dialogue ? `Utöver aktgranskningen har inspektörerna hållit dialogmöten med ${listSv(dialogue.units)}; det som framkom där redovisas under respektive kvalitetsområde.` : null,
      ),
    ),
  ];
}

export function metodBlocks(input: DraftInput): Block[] {
  const dialogue = dialoguePeriod(input);
  const meetings = (input.dialogue ?? []).length;
  const when = dialogue ? (dialogue.from === dialogue.to ? ` ${dateWords(dialogue.from)}` : ` mellan ${dateWords(dialogue.from)} och ${dateWords(dialogue.to)}`) : '';
  return para(
    sentences(
      'Granskningen har genomförts som en aktgranskning. Varje akt i urvalet har lästs mot granskningsmallens frågor, och för varje fråga har ett svar registrerats, i förekommande fall med en kort anteckning om vad i akten som ligger till grund för bedömningen.',
      meetings > 0 ? `Aktgranskningen kompletterades med ${countWords(meetings, 'dialogmöte', 'dialogmöten', true)} med de granskade enheterna, som hölls${when}.` : null,
      'Nedan beskrivs hur akterna valdes ut, vilket bortfall som uppstod och hur resultaten redovisas.',
    ),
  );
}

export function resultatBlocks(input: DraftInput): Block[] {
  const areas = writtenAreas(input.template).length;
  return [
    ...para(
      `I detta kapitel redovisas resultaten för vart och ett av de ${countWords(areas, 'kvalitetsområde', 'kvalitetsområden', true)} som granskningen omfattar. För varje område redovisas först en sammanfattande analys, därefter inspektörernas iakttagelser från akterna och det som framkom vid dialogmötena, och sist andelen ja per fråga i tabell och diagram, uppdelat på kön.`,
    ),
    ...para(sentences(...input.results.publication.notes)),
  ];
}

const POSSESSIVE = { barn: 'flickors respektive pojkars', vuxna: 'kvinnors respektive mäns' } as const;

export function jamstalldhetBlocks(input: DraftInput): Block[] {
  const words = GROUP_WORDS[input.results.targetGroup];
  return [
    ...para(
      `I detta kapitel redovisas resultatet för varje granskningsfråga uppdelat på kön, för att på så sätt kunna hitta eventuella omotiverade skillnader mellan handläggningen av ${POSSESSIVE[input.results.targetGroup]} ärenden. En skillnad mellan ${words.F} och ${words.M} behöver inte vara omotiverad; den kan förklaras av skillnader i behov.`,
    ),
    ...genderBlocks(input, 'bilaga'),
  ];
}

export function slutordBlocks(input: DraftInput, facts: readonly AreaFacts[]): Block[] {
  const { review, template } = input;
  const ranked = rankedAreas(facts);
  const units = review.units.length > 0 ? ` vid ${listSv(review.units)}` : '';
  const where =
    ranked.length >= 2
      ? `Resultaten var starkast inom ${lower(ranked[0].name)} och svagast inom ${lower(ranked[ranked.length - 1].name)}, och det är där det fortsatta utvecklingsarbetet i första hand bör ta sin utgångspunkt.`
      : null;
  return [
    ...para(sentences(`Granskningen har gett en bild av hur arbetet med ${midSentence(template.name)} dokumenteras och genomförs${units}.`, where)),
    ...para(
      'Resultaten återkopplas till de granskade enheterna, och den kunskap granskningen ger bör spridas till samtliga enheter som arbetar med målgruppen. Socialtjänstinspektörerna tackar de granskade enheterna för ett gott samarbete under granskningen.',
    ),
  ];
}
