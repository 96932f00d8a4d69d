import type { Block } from '../../contract/report-model';
import { listSv } from '../../util/list-sv';
import type { DialogueMaterial, FindingMaterial } from '../material';
import type { AreaFacts } from './figures';
import { asSentence, bullets, countWords, dateWords, lead, para, pick, quoted, sentences } from './words';

/**
 * What the inspectors gathered besides the answers, per quality area: the notes marked as findings
 * while reading the files, and what the dialogue meetings with the units said about the area.
 * The memo summarises (how many, one or two quoted); Bilaga 1 lists them all. Only the note's own
 * text is ever written: never the file's reference or the pointer into the file, since both
 * documents are public and a reference would identify a case.
 */

export interface AreaDialogue {
  unit: string;
  heldOn: string;
  participants: string;
  note: string;
}

export interface AreaNotes {
  findings: FindingMaterial[];
  dialogue: AreaDialogue[];
  /** Dialogue meetings held at all (for any area). */
  meetings: number;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

export function notesFor(areaId: string, findings: readonly FindingMaterial[] = [], dialogue: readonly DialogueMaterial[] = []): AreaNotes {
  return {
    findings: findings.filter((f) => f.areaId === areaId && clean(f.note) !== ''),
    dialogue: dialogue
      .filter((m) => clean(m.notes[areaId] ?? '') !== '')
      .map((m) => ({ unit: m.unit, heldOn: m.heldOn, participants: clean(m.participants), note: clean(m.notes[areaId]) }))
      .sort((a, b) => a.unit.localeCompare(b.unit, 'sv') || a.heldOn.localeCompare(b.heldOn)),
    meetings: dialogue.length,
  };
}

/** Short enough to quote in the memo's running text. */
const QUOTABLE = 220;

/** One or two findings to quote: the first short one, then a short one from another unit or question where there is one. */
function quotable(findings: readonly FindingMaterial[]): FindingMaterial[] {
  const short = findings.filter((f) => clean(f.note).length <= QUOTABLE);
  if (short.length === 0) return [];
  const first = short[0];
  const second = short.find((f) => f !== first && f.unit !== first.unit && clean(f.note) !== clean(first.note)) ?? short.find((f) => f !== first && f.questionId !== first.questionId && clean(f.note) !== clean(first.note));
  return second ? [first, second] : [first];
}

/** The memo's summary of the area's findings (a count and one or two quoted), or the sentence that none are marked yet. */
export function findingsSentence(area: AreaFacts, notes: AreaNotes): string {
  const n = notes.findings.length;
  const key = area.index;
  if (n === 0) {
    return pick(
      [
        'Inga iakttagelser från aktgranskningen har ännu markerats för området; inspektörernas egna iakttagelser kan med fördel föras in här.',
        'För området har ännu inga anteckningar från aktgranskningen markerats som iakttagelser, och den kvalitativa bilden av området återstår därför att beskriva.',
        'Några iakttagelser från akterna har ännu inte förts in för området; det som inspektörerna särskilt vill lyfta fram om området hör hemma här.',
        'Iakttagelser från aktgranskningen saknas ännu för området, så analysen vilar här enbart på de redovisade resultaten.',
        'Inom området har inga anteckningar ännu markerats som iakttagelser; vad granskningen i övrigt visade inom området kan beskrivas här.',
        'Ännu har inga iakttagelser från läsningen av akterna markerats inom området, och resultatet behöver därför kompletteras med inspektörernas bedömning.',
      ],
      key,
    );
  }
  const quotes = quotable(notes.findings).map((f) => quoted(f.note));
  const many = countWords(n, 'iakttagelse', 'iakttagelser');
  if (n === 1) {
    return quotes.length > 0
      ? pick([`Vid aktgranskningen gjordes en iakttagelse inom området: ${quotes[0]}.`, `En iakttagelse från akterna rör området: ${quotes[0]}.`, `Inspektörerna noterade en iakttagelse inom området, nämligen ${quotes[0]}.`], key)
      : 'Vid aktgranskningen gjordes en iakttagelse inom området.';
  }
  if (quotes.length === 0) return `Vid aktgranskningen gjordes ${many} inom området.`;
  const both = listSv(quotes);
  return pick(
    [
      `Vid aktgranskningen markerade inspektörerna ${many} inom området, bland annat ${both}.`,
      `I akterna gjordes ${many} som rör området. Bland dem märks ${both}.`,
      `Inspektörerna noterade ${many} i de granskade akterna, till exempel ${quotes[0]}.`,
      `Av de ${many} som gjordes inom området kan nämnas ${both}.`,
      `Granskningen av akterna gav ${many} inom området, exempelvis ${quotes[0]}.`,
      `Inom området antecknades ${many} under aktgranskningen, däribland ${both}.`,
    ],
    key,
  );
}

/** The memo's sentence on the dialogue meetings' notes for the area; null where none touched it. */
export function dialogueSentence(area: AreaFacts, notes: AreaNotes): string | null {
  const held = notes.dialogue;
  if (held.length === 0) return null;
  const units = [...new Set(held.map((d) => d.unit))];
  const first = held.find((d) => d.note.length <= QUOTABLE);
  const one = units.length === 1;
  const meetings = one ? `dialogmötet med ${units[0]}` : `dialogmötena med ${listSv(units)}`;
  if (!first) return `Området togs upp vid ${meetings}.`;
  const note = quoted(first.note);
  const others = listSv(units.filter((u) => u !== first.unit));
  return pick(
    [
      one ? `Området togs upp vid ${meetings}, där det bland annat antecknades: ${note}.` : `Området togs upp vid ${meetings}. Från mötet med ${first.unit} antecknades bland annat: ${note}.`,
      one ? `Vid ${meetings} diskuterades området. Av anteckningarna från mötet framgår bland annat: ${note}.` : `Vid ${meetings} diskuterades området. Av anteckningarna från mötet med ${first.unit} framgår bland annat: ${note}.`,
      `Dialogmötena gav en kompletterande bild; vid mötet med ${first.unit} framkom ${note}.${one ? '' : ` Området berördes även vid mötena med ${others}.`}`,
      `Vid dialogmötet med ${first.unit} ${dateWords(first.heldOn)} lyftes ${note}.${one ? '' : ` Området berördes även vid mötena med ${others}.`}`,
      one ? `Vid ${meetings} framkom bland annat ${note}.` : `Vid ${meetings} framkom bland annat ${note} (${first.unit}).`,
    ],
    area.index + 1,
  );
}

/** Bilaga 1: every finding of the area, note text only. */
export function findingsDetail(notes: AreaNotes): Block[] {
  if (notes.findings.length === 0) {
    return [
      lead('Iakttagelser från aktgranskningen'),
      ...para('Inga anteckningar har markerats som iakttagelser för området. Anteckningar som markeras som iakttagelser vid aktgranskningen tas med här när utkastet skrivs om från granskningen.'),
    ];
  }
  return [
    lead('Iakttagelser från aktgranskningen'),
    ...para(`Vid aktgranskningen gjordes ${countWords(notes.findings.length, 'iakttagelse', 'iakttagelser')} inom området:`),
    ...bullets(notes.findings.map((f) => asSentence(f.note))),
  ];
}

/** Bilaga 1: the dialogue notes on the area per unit, with the meeting's date and who took part. */
export function dialogueDetail(notes: AreaNotes): Block[] {
  if (notes.dialogue.length === 0) {
    if (notes.meetings === 0) return [];
    return [lead('Dialogmöten'), ...para('Området berördes inte särskilt i anteckningarna från dialogmötena med enheterna.')];
  }
  return [
    lead('Dialogmöten'),
    ...bullets(notes.dialogue.map((d) => sentences(`${d.unit}, dialogmöte ${dateWords(d.heldOn)}${d.participants ? ` (${d.participants})` : ''}:`, asSentence(d.note)))),
  ];
}
