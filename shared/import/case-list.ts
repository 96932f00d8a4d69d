import { ageAt, ageBand, type TargetGroup } from '../identity/age';
import { parseIdentityNumber } from '../identity/personnummer';
import { findIdentityNumbers } from '../identity/pii-guard';
import { containsIdentityNumber, redactIdentityNumbers } from '../identity/redact';
import { isValidIsoDate } from '../util/iso-date';
import { readCsv, type CsvSeparator } from './csv';
import { CASE_FIELD_LABELS, recognizeHeaders, type CaseField } from './headers';
import { parseSex, type SexCode } from './sex';

/** One usable case from a case list. The personal identity number is already gone. */
export interface ParsedCase {
  row: number;
  ref: string;
  unit: string;
  sex: SexCode;
  age: number | null;
  ageBand: string | null;
  attributes: Record<string, string>;
}

export interface RejectedRow {
  row: number;
  column?: string;
  /** The row's case reference, when it has one that may be shown (never one that looks like a personnummer). */
  ref?: string;
  reason: string;
}

export type CaseListParse =
  | {
      ok: true;
      encoding: string;
      separator: CsvSeparator;
      /** Which column each recognised field came from (header text). */
      columns: Partial<Record<CaseField, string>>;
      attributeColumns: string[];
      /** Every header of the file, in order, for the mapping step. */
      header: string[];
      cases: ParsedCase[];
      rejected: RejectedRow[];
    }
  | {
      ok: false;
      message: string;
      /** Set when the file was read but required columns are not mapped: the mapping step can fix it. */
      header?: string[];
      missing?: CaseField[];
    };

export interface CaseListOptions {
  referenceDate: string;
  targetGroup: TargetGroup;
  /** Header text chosen by the user for a field, overriding recognition (the mapping step). */
  mapping?: Partial<Record<CaseField, string>>;
  /** Called before each row is checked, with its index and the number of rows (an import's progress). */
  onRow?: (index: number, total: number) => void;
}

/**
 * Reads a case list (the sampling frame) from CSV bytes: detects encoding and separator,
 * recognises the columns, and turns each row into a case. A personal identity number is used
 * only here, to derive sex and age at the reference date, and never leaves this function.
 */
export function parseCaseList(bytes: Uint8Array, options: CaseListOptions): CaseListParse {
  const csv = readCsv(bytes);
  if (!csv.ok) return { ok: false, message: csv.message };
  return parseCaseTable(csv, options);
}

/** A table read from CSV or a spreadsheet: header, data rows with their row numbers, row problems. */
export interface CaseTable {
  encoding: string;
  separator: CsvSeparator;
  header: string[];
  rows: { row: number; cells: string[] }[];
  problems: { row: number; message: string }[];
}

export function parseCaseTable(csv: CaseTable, options: CaseListOptions): CaseListParse {
  if (csv.rows.length === 0 && csv.problems.length === 0) return { ok: false, message: 'Filen innehåller bara en rubrikrad och inga rader med data.' };
  if (csv.header.some(containsIdentityNumber)) {
    return { ok: false, message: 'Rubrikraden innehåller ett personnummer. Saknar filen rubrikrad? Första raden ska vara rubriker som akt;enhet;kön.' };
  }

  const mapping = recognizeHeaders(csv.header);
  const fields = { ...mapping.fields };
  for (const [field, header] of Object.entries(options.mapping ?? {}) as [CaseField, string][]) {
    if (header.trim() === '') {
      delete fields[field]; // "no column": the user says the recognised one is something else
      continue;
    }
    const index = csv.header.findIndex((h) => h.trim() === header.trim());
    if (index === -1) return { ok: false, message: `Kolumnen "${header}" som valts för ${CASE_FIELD_LABELS[field]} finns inte i filen.` };
    fields[field] = index;
  }
  const missing = (['akt', 'enhet'] as const).filter((f) => fields[f] === undefined);
  if (missing.length > 0) {
    return {
      ok: false,
      message: `Kolumnen ${missing.map((f) => `"${CASE_FIELD_LABELS[f]}"`).join(' och ')} saknas. Rubrikraden har: ${csv.header.map((h) => `"${redactIdentityNumbers(h.trim())}"`).join(', ')}.`,
      header: csv.header.map((h) => h.trim()),
      missing: [...missing],
    };
  }
  if (!options.mapping && mapping.problems.length > 0) return { ok: false, message: mapping.problems.join(' ') };

  const usedIndexes = new Set(Object.values(fields));
  const attributeColumns = csv.header.map((h, i) => ({ name: h.trim() || `Kolumn ${i + 1}`, index: i })).filter((c) => !usedIndexes.has(c.index));
  const columns = Object.fromEntries(Object.entries(fields).map(([f, i]) => [f, csv.header[i as number].trim()])) as Partial<Record<CaseField, string>>;

  const rejected: RejectedRow[] = csv.problems.map((p) => ({ row: p.row, reason: redactIdentityNumbers(p.message) }));
  const cases: ParsedCase[] = [];
  const seenRefs = new Map<string, number>();
  const cell = (cells: string[], field: CaseField) => (fields[field] === undefined ? '' : (cells[fields[field]!] ?? '').trim());

  const total = csv.rows.length;
  let index = 0;
  for (const { row, cells } of csv.rows) {
    options.onRow?.(index++, total);
    const ref = cell(cells, 'akt');
    // The reference helps find the row in the file; one that looks like a personnummer is never repeated.
    const shownRef = ref && findIdentityNumbers(ref).length === 0 ? { ref } : {};
    const reject = (field: CaseField, reason: string) => rejected.push({ row, column: columns[field], ...shownRef, reason: redactIdentityNumbers(reason) });
    const unit = cell(cells, 'enhet');
    if (!ref) {
      reject('akt', 'Aktreferensen saknas.');
      continue;
    }
    if (!unit) {
      reject('enhet', 'Enheten saknas.');
      continue;
    }
    if (containsIdentityNumber(unit)) {
      reject('enhet', 'Enheten ser ut att vara ett personnummer, som inte får sparas. Kontrollera kolumnerna.');
      continue;
    }
    if (findIdentityNumbers(ref).length > 0) {
      reject('akt', 'Aktreferensen ser ut att vara ett personnummer, som inte får sparas. Använd ett aktnummer eller pseudonymisera.');
      continue;
    }
    const earlier = seenRefs.get(ref);
    if (earlier !== undefined) {
      reject('akt', `Aktreferensen "${ref}" finns redan på rad ${earlier}.`);
      continue;
    }

    let sex: SexCode = 'U';
    let birthDate: string | undefined;
    const identity = cell(cells, 'personnummer');
    if (identity) {
      // The century of a 10-digit number is read relative to today (Skatteverket's rule), not to
      // the review's reference date; that date only sets the age below.
      const parsed = parseIdentityNumber(identity);
      if (!parsed.ok) {
        reject('personnummer', parsed.reason);
        continue;
      }
      sex = parsed.sex;
      birthDate = parsed.birthDate;
    }
    const sexText = cell(cells, 'kon');
    if (!identity && sexText) {
      const parsedSex = parseSex(sexText);
      if (!parsedSex.ok) {
        reject('kon', parsedSex.reason);
        continue;
      }
      sex = parsedSex.sex;
    }
    const birthText = cell(cells, 'fodelsedatum');
    if (!birthDate && birthText) {
      if (!isValidIsoDate(birthText)) {
        reject('fodelsedatum', `Födelsedatumet "${redactIdentityNumbers(birthText)}" är inte ett verkligt datum i formen ÅÅÅÅ-MM-DD.`);
        continue;
      }
      birthDate = birthText;
    }

    let age: number | null = null;
    if (birthDate) {
      if (birthDate > options.referenceDate) {
        reject(identity ? 'personnummer' : 'fodelsedatum', `Födelsedatumet ligger efter granskningens referensdatum ${options.referenceDate}.`);
        continue;
      }
      age = ageAt(birthDate, options.referenceDate);
    } else {
      const ageText = cell(cells, 'alder');
      if (ageText) {
        if (!/^\d{1,3}$/.test(ageText) || Number(ageText) > 120) {
          reject('alder', `Åldern "${redactIdentityNumbers(ageText)}" ska vara ett heltal mellan 0 och 120.`);
          continue;
        }
        age = Number(ageText);
      }
    }

    const leaking = attributeColumns.find((column) => findIdentityNumbers(cells[column.index] ?? '').length > 0);
    if (leaking) {
      rejected.push({ row, column: leaking.name, ...shownRef, reason: `Kolumnen "${leaking.name}" innehåller ett personnummer, som inte får sparas. Ta bort det ur filen.` });
      continue;
    }
    const attributes = attributeRecord(attributeColumns.map((column) => [column.name, (cells[column.index] ?? '').trim()] as const).filter(([, value]) => value !== ''));
    seenRefs.set(ref, row);
    cases.push({ row, ref, unit, sex, age, ageBand: age === null ? null : ageBand(age, options.targetGroup), attributes });
  }
  rejected.sort((a, b) => a.row - b.row);
  return { ok: true, encoding: csv.encoding, separator: csv.separator, columns, attributeColumns: attributeColumns.map((c) => c.name), header: csv.header.map((h) => h.trim()), cases, rejected };
}

/**
 * Attribute columns keyed by their header, which is user text: a column may be called
 * "__proto__" or "constructor". Object.fromEntries defines each key as an own property, where
 * assignment (`record[name] = value`) would set the object's prototype instead and lose the column.
 */
export function attributeRecord(entries: Iterable<readonly [string, string]>): Record<string, string> {
  return Object.fromEntries(entries) as Record<string, string>;
}
