/**
 * Recognises the columns of a case list (the sampling frame) from their headers, so the column
 * mapping step starts filled in. Anything not recognised is kept as a case attribute under its
 * original header (e.g. "insats", "beslutsdatum"), usable later for splits.
 */

export type CaseField = 'akt' | 'personnummer' | 'kon' | 'alder' | 'fodelsedatum' | 'enhet';

/** Swedish names for messages and the mapping step. */
export const CASE_FIELD_LABELS: Record<CaseField, string> = {
  akt: 'akt',
  personnummer: 'personnummer',
  kon: 'kön',
  alder: 'ålder',
  fodelsedatum: 'födelsedatum',
  enhet: 'enhet',
};

/** Without a case reference and a unit there is no frame to sample from. */
export const REQUIRED_CASE_FIELDS: readonly CaseField[] = ['akt', 'enhet'];

/** Accepted headers, in normalised form (see normalizeHeader). */
const SYNONYMS: Record<CaseField, readonly string[]> = {
  akt: ['akt', 'aktnr', 'aktnummer', 'aktid', 'aktreferens', 'arende', 'arendenr', 'arendenummer', 'arendeid'],
  personnummer: ['personnummer', 'pnr', 'personnr', 'persnr', 'samordningsnummer', 'samordningsnr', 'samnr', 'personnummersamordningsnummer'],
  kon: ['kon'],
  alder: ['alder'],
  fodelsedatum: ['fodelsedatum', 'fodd'],
  enhet: ['enhet', 'stadsdel', 'sdf', 'sdn', 'stadsdelsforvaltning', 'stadsdelsnamnd'],
};

const FIELD_BY_NAME = new Map<string, CaseField>(
  (Object.entries(SYNONYMS) as [CaseField, readonly string[]][]).flatMap(([field, names]) => names.map((name) => [name, field] as const)),
);

/**
 * The comparable form of a header: a parenthesised hint dropped ("Personnummer (ÅÅÅÅMMDD-NNNN)"),
 * diacritics removed (Å→a, Ö→o), lower case, and everything but letters and digits removed
 * ("Akt nr", "akt-nr" and "AktNr" all become "aktnr").
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/\([^)]*\)/g, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The case field a header names, or undefined for an attribute column. */
export function recognizeHeader(header: string): CaseField | undefined {
  return FIELD_BY_NAME.get(normalizeHeader(header));
}

export interface HeaderMapping {
  /** Column index (0-based) of each recognised field. */
  fields: Partial<Record<CaseField, number>>;
  /** Every other column, kept under its header (trimmed; "Kolumn N" when the header is empty). */
  attributes: { index: number; name: string }[];
  /** Required fields with no column. */
  missing: CaseField[];
  /** Swedish descriptions of what is wrong with the header row; empty when it can be imported. */
  problems: string[];
}

export function recognizeHeaders(header: readonly string[]): HeaderMapping {
  const fields: Partial<Record<CaseField, number>> = {};
  const attributes: { index: number; name: string }[] = [];
  const problems: string[] = [];
  const attributeIndexByName = new Map<string, number>();

  header.forEach((raw, index) => {
    const field = recognizeHeader(raw);
    if (field) {
      const earlier = fields[field];
      if (earlier === undefined) fields[field] = index;
      else problems.push(`Både kolumnen "${header[earlier].trim()}" och kolumnen "${raw.trim()}" tolkas som ${CASE_FIELD_LABELS[field]}. Byt namn på eller ta bort den ena.`);
      return;
    }
    const name = raw.trim() || `Kolumn ${index + 1}`;
    const key = name.toLowerCase();
    const earlier = attributeIndexByName.get(key);
    if (earlier !== undefined) problems.push(`Två kolumner heter "${name}" (kolumn ${earlier + 1} och ${index + 1}). Byt namn på den ena.`);
    else attributeIndexByName.set(key, index);
    attributes.push({ index, name });
  });

  const missing = REQUIRED_CASE_FIELDS.filter((f) => fields[f] === undefined);
  for (const f of missing) problems.push(missingMessage(f));
  return { fields, attributes, missing, problems };
}

function missingMessage(field: CaseField): string {
  return field === 'akt'
    ? 'Kolumnen för akt saknas. Rubriken ska heta till exempel "akt", "aktnummer" eller "ärendenummer".'
    : 'Kolumnen för enhet saknas. Rubriken ska heta till exempel "enhet", "stadsdel" eller "SDF".';
}
