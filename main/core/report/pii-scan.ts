import type { Block, Inline, ReportDraft, Section } from '../../../shared/contract/report-model';
import { findIdentityNumbers, type IdentityNumberHit } from '../../../shared/identity/pii-guard';
import { redactIdentityNumbers } from '../../../shared/identity/redact';
import type { Issue } from '../../../shared/result';
import { DomainError } from '../errors';
import { toJsonPath } from '../../../shared/util/json-path';

/**
 * The last check before anything of a report leaves the workbench: every text of the draft —
 * header fields, proposals, section titles, every run and footnote, signatures — and the titles of
 * the appendices are searched for personal and coordination numbers. The draft's fields are
 * guarded when saved, but a draft stored before a rule changed, or text that reached it some other
 * way, must still never be exported. One issue per place, named as a writer finds it ("Avsnittet
 * Bakgrund, stycke 2"); the number itself is never repeated.
 */

export interface TextPlace {
  /** JSON path in the draft, e.g. `$.sections[1].blocks[1].content[0].text`. */
  path: string;
  /** Where a person finds it, in Swedish: "Avsnittet Bakgrund, stycke 2". */
  place: string;
  text: string;
}

/** Every text of the draft with its place, in document order. */
export function draftTexts(draft: ReportDraft): TextPlace[] {
  const out: TextPlace[] = [];
  const add = (path: (string | number)[], place: string, text: string | undefined) => {
    if (text !== undefined && text !== '') out.push({ path: toJsonPath(path), place, text });
  };
  const h = draft.header;
  h.officers.forEach((o, i) => {
    add(['header', 'officers', i, 'name'], `Handläggare ${i + 1}, namn`, o.name);
    add(['header', 'officers', i, 'phone'], `Handläggare ${i + 1}, telefon`, o.phone);
  });
  add(['header', 'to'], 'Sidhuvudet, Till', h.to);
  add(['header', 'date'], 'Sidhuvudet, datum', h.date);
  add(['header', 'dnr'], 'Sidhuvudet, Dnr', h.dnr);
  add(['header', 'title'], 'Titeln', h.title);
  add(['header', 'subtitle'], 'Undertiteln', h.subtitle);
  add(['header', 'administration'], 'Sidhuvudet, förvaltning', h.administration);
  add(['header', 'department'], 'Sidhuvudet, avdelning', h.department);
  draft.proposals.forEach((p, i) => add(['proposals', i], `Förslag till beslut, punkt ${i + 1}`, p));
  const sectionTexts = (sections: readonly Section[], prefix: (string | number)[], what: string) =>
    sections.forEach((section, s) => {
      // The heading names the place, so a number in the heading itself is hidden there too.
      const name = `${what} ${redactIdentityNumbers(section.title.trim()) || `nr ${s + 1}`}`;
      add([...prefix, s, 'title'], `${name}, rubriken`, section.title);
      section.blocks.forEach((block, b) => blockTexts(block, [...prefix, s, 'blocks', b], `${name}, ${blockName(block, b)}`, add));
      (section.detail ?? []).forEach((block, b) => blockTexts(block, [...prefix, s, 'detail', b], `${name}, Bilaga 1:s text, ${blockName(block, b)}`, add));
    });
  sectionTexts(draft.sections, ['sections'], 'Avsnittet');
  sectionTexts(draft.bilaga1?.sections ?? [], ['bilaga1', 'sections'], 'Bilaga 1, kapitlet');
  draft.signatures.forEach((sig, i) => {
    add(['signatures', i, 'name'], `Underskrift ${i + 1}, namn`, sig.name);
    add(['signatures', i, 'title'], `Underskrift ${i + 1}, titel`, sig.title);
    add(['signatures', i, 'administration'], `Underskrift ${i + 1}, förvaltning`, sig.administration);
  });
  return out;
}

type Add = (path: (string | number)[], place: string, text: string | undefined) => void;

/** "stycke 2", "punktlista 3": blocks are counted from 1 as they stand in the section. */
function blockName(block: Block, index: number): string {
  const n = index + 1;
  switch (block.type) {
    case 'paragraph':
      return `stycke ${n}`;
    case 'bullets':
      return `punktlista (stycke ${n})`;
    case 'numbered':
      return `numrerad lista (stycke ${n})`;
    case 'resultTable':
      return `resultattabell (stycke ${n})`;
    case 'resultChart':
      return `diagram (stycke ${n})`;
    case 'unitTable':
      return `jämförelse av enheterna (stycke ${n})`;
  }
}

function blockTexts(block: Block, path: (string | number)[], place: string, add: Add): void {
  if (block.type === 'paragraph') inlineTexts(block.content, [...path, 'content'], place, add);
  else if (block.type === 'bullets' || block.type === 'numbered') {
    block.items.forEach((item, i) => inlineTexts(item, [...path, 'items', i], `${place}, punkt ${i + 1}`, add));
  }
  // Tables and charts are drawn from the published results at export: they carry no text of their own.
}

function inlineTexts(content: readonly Inline[], path: (string | number)[], place: string, add: Add): void {
  let footnote = 0;
  content.forEach((inline, i) => {
    if (inline.type === 'footnote') add([...path, i, 'text'], `${place}, fotnot ${++footnote}`, inline.text);
    else add([...path, i, 'text'], place, inline.text);
  });
}

/** What was found, in words, without the number. */
function foundWords(hits: readonly IdentityNumberHit[]): string {
  if (hits.length > 1) return `${hits.length} uppgifter som ser ut som personnummer eller samordningsnummer`;
  return hits[0].kind === 'samordningsnummer' ? 'ett samordningsnummer' : 'ett personnummer';
}

/** What the person is told to do: before the memo leaves (export), or before the draft is kept (save). */
const ADVICE = {
  export: 'Ta bort det innan utlåtandet lämnar granskningsbänken.',
  save: 'Ta bort det innan du sparar. Personnummer och samordningsnummer får inte sparas i granskningen.',
} as const;

/**
 * One issue per place holding a personal or coordination number, in document order; empty when
 * the texts may leave. Texts in the same place (the runs of one paragraph) are also read joined,
 * so a number split over a bold and a plain run is found too.
 */
export function scanForIdentityNumbers(texts: readonly TextPlace[], pathPrefix = '$', when: keyof typeof ADVICE = 'export'): Issue[] {
  const issues: Issue[] = [];
  const byPlace = new Map<string, TextPlace[]>();
  for (const t of texts) byPlace.set(t.place, [...(byPlace.get(t.place) ?? []), t]);
  for (const [place, parts] of byPlace) {
    const own = parts.map((p) => ({ part: p, hits: findIdentityNumbers(p.text) })).filter((x) => x.hits.length > 0);
    const joined = own.length === 0 && parts.length > 1 ? findIdentityNumbers(parts.map((p) => p.text).join('')) : [];
    const hits = own.length > 0 ? own.flatMap((x) => x.hits) : joined;
    if (hits.length === 0) continue;
    const path = (own[0]?.part ?? parts[0]).path.replace(/^\$/, pathPrefix);
    issues.push({ path, message: `${place}: texten innehåller ${foundWords(hits)}. ${ADVICE[when]}` });
  }
  return issues;
}

/** The Swedish summary of a blocked export. */
export function blockedExportMessage(issues: readonly Issue[]): string {
  const where = issues.length === 1 ? 'ett ställe' : `${issues.length} ställen`;
  return `Exporten stoppades: texten innehåller något som ser ut som ett personnummer eller samordningsnummer på ${where}. Inget har skrivits. ${issues
    .slice(0, 5)
    .map((i) => i.message)
    .join(' ')}`;
}

/**
 * The check on `report.save`. Each text of the draft is guarded by its schema, run by run; what
 * the schema cannot see is a number split over two runs of one paragraph ("1701" plain, "01-2393"
 * bold), which reads as one number on the page. So the draft is read as the export reads it —
 * each paragraph, list item and footnote as its joined text — and refused with the place named
 * before anything is stored.
 */
export function requireDraftWithoutIdentityNumbers(draft: ReportDraft): void {
  const issues = scanForIdentityNumbers(draftTexts(draft), '$.draft', 'save');
  if (issues.length === 0) return;
  const where = issues.length === 1 ? 'ett ställe' : `${issues.length} ställen`;
  const message = `Utkastet sparades inte: texten innehåller något som ser ut som ett personnummer eller samordningsnummer på ${where}. ${issues
    .slice(0, 5)
    .map((i) => i.message.slice(0, i.message.indexOf(': texten')))
    .join('; ')}.`;
  throw new DomainError('VALIDATION', message, issues);
}
