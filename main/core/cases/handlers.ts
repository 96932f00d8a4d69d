import { MAX_CASE_LIST_BYTES } from '../../../shared/contract/cases';
import { parseCaseList, parseCaseTable, type ParsedCase } from '../../../shared/import/case-list';
import { matchUnits, type UnitMatch } from '../../../shared/import/unit-match';
import { looksLikeXlsx, readXlsxTable } from './xlsx';
import { formatNumber } from '../../../shared/util/format-sv';
import type { HandlerMap } from '../dispatch';
import { DomainError, invalid } from '../errors';
import { addUnits, requireReview } from '../reviews/repository';
import { existingRefs, insertCase, listCasesPage, updateCase } from './repository';
import { keyTarget, writePendingKey, type KeyLine, type PendingKey } from './key-file';
import { confirmKeyIntent, forgetKeyIntent, recordKeyIntent, resolveKeyIntent } from './key-intent';
import { reportProgress, reportRow } from '../jobs/progress';

const PREVIEW_ROWS = 20;

export const caseHandlers: HandlerMap = {
  'cases.import': async (input, { db, now, newId, dbPath, progress }) => {
    const review = requireReview(db, input.reviewId);
    if (input.keyFile !== undefined && !input.pseudonymise) {
      throw invalid('En fil för kodnyckeln anges bara när akterna pseudonymiseras.', [{ path: '$.keyFile', message: 'Används bara med pseudonymise.' }]);
    }
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > MAX_CASE_LIST_BYTES) {
      throw invalid(`Filen är för stor (${formatNumber(Math.ceil(bytes.length / 1024 / 1024))} MB). En akt-lista får vara högst ${formatNumber(MAX_CASE_LIST_BYTES / 1024 / 1024)} MB.`);
    }
    const where = input.fileName ? `${input.fileName}: ` : '';
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const options = {
      referenceDate: review.referenceDate,
      targetGroup: review.targetGroup,
      mapping: input.mapping,
      onRow: progress && ((i: number, n: number) => reportRow({ progress }, 'checking', i, n)),
    };
    reportProgress({ progress }, 'reading', 0, 0);
    let parsed;
    if (looksLikeXlsx(view)) {
      const sheet = await readXlsxTable(view);
      if (!sheet.ok) throw invalid(`${where}${sheet.message}`);
      parsed = parseCaseTable(sheet.table, options);
    } else parsed = parseCaseList(view, options);
    if (!parsed.ok && input.dryRun && parsed.missing && parsed.header) {
      // The preview still opens, so the user can point out the missing columns in the mapping step.
      return {
        dryRun: true, encoding: '', separator: '', columns: {}, attributeColumns: [], headers: parsed.header, missingFields: parsed.missing,
        rows: 0, imported: 0, updated: 0, skipped: 0, existing: 0, rejected: [], units: [], unknownUnits: [], skippedUnknown: 0, preview: [],
      };
    }
    if (!parsed.ok) throw invalid(`${where}${parsed.message}`);

    // "skarpnäck" is the review's "Skarpnäck"; a unit the review lacks is added or its rows skipped, as asked.
    const match = matchUnits(review.units, parsed.cases.map((c) => c.unit));
    const all = parsed.cases.map((c) => ({ ...c, unit: match.canonical(c.unit) }));
    const known = existingRefs(db, review.id);
    const unknownUnits = unknownUnitCounts(all, match, input.pseudonymise ? new Map() : known);
    let cases: ParsedCase[] = input.unknownUnits === 'skip' ? all.filter((c) => !match.isUnknown(c.unit)) : all;
    const skippedUnknown = all.length - cases.length;
    let key: KeyLine[] | undefined;
    if (input.pseudonymise) {
      // Only the rows that will be imported get a code: a key line without its case would be a stray.
      key = cases.map((c) => ({ code: newId('A').toUpperCase(), ref: c.ref }));
      cases = cases.map((c, i) => ({ ...c, ref: key![i].code }));
    }
    const existing = cases.filter((c) => known.has(c.ref)).length;
    const units = [...new Set(cases.map((c) => c.unit))];
    const summary = {
      encoding: parsed.encoding,
      separator: parsed.separator,
      columns: parsed.columns as Record<string, string>,
      attributeColumns: parsed.attributeColumns,
      headers: parsed.header,
      missingFields: [] as string[],
      rows: parsed.cases.length + parsed.rejected.length,
      existing,
      rejected: parsed.rejected,
      units,
      unknownUnits,
      skippedUnknown,
      preview: cases.slice(0, PREVIEW_ROWS).map(({ row: _row, ...c }) => c),
    };
    if (input.dryRun) return { ...summary, dryRun: true, imported: 0, updated: 0, skipped: 0 };

    if (parsed.rejected.length > 0 && !input.validRowsOnly) {
      throw new DomainError(
        'VALIDATION',
        `${where}${parsed.rejected.length === 1 ? 'En rad' : `${formatNumber(parsed.rejected.length)} rader`} kunde inte läsas, så inget importerades. ` +
          'Rätta filen, eller välj att importera bara de giltiga raderna.',
        parsed.rejected.map((r) => ({ path: `rad ${r.row}${r.column ? `, kolumn "${r.column}"` : ''}`, message: r.reason })),
      );
    }
    if (existing > 0 && !input.onExisting) {
      throw new DomainError('CONFLICT', `${formatNumber(existing)} av akterna finns redan i granskningen. Välj om de ska hoppas över eller uppdateras.`);
    }

    const nowIso = now().toISOString();
    // The database records the key before it exists, so a kill cannot leave it without its cases (key-intent.ts).
    const intent = key ? recordKeyIntent(db, newId('import'), keyTarget(input.keyFile, dbPath, review.id, now()), key, now()) : undefined;
    let imported = 0;
    let updated = 0;
    let skipped = 0;
    let pendingKey: PendingKey | undefined;
    try {
      // IMMEDIATE: the write lock is held from before the key is written until the cases commit.
      pendingKey = db.transaction(() => {
        let written: PendingKey | undefined;
        if (intent && key) {
          confirmKeyIntent(db, intent);
          // The key is on disk, complete and durable, before a single case is written under its code.
          written = writePendingKey(db, dbPath, intent.file, key, intent.importId);
        }
        for (const [i, c] of cases.entries()) {
          reportRow({ progress }, 'writing', i, cases.length);
          const id = known.get(c.ref);
          if (id === undefined) {
            insertCase(db, review.id, newId('c'), c, nowIso);
            imported++;
          } else if (input.onExisting === 'update') {
            updateCase(db, id, c, nowIso);
            updated++;
          } else skipped++;
        }
        addUnits(db, review.id, units);
        if (intent) forgetKeyIntent(db, intent);
        return written;
      }).immediate();
    } catch (error) {
      // The key must not outlive the cases it was made for; what cannot be decided now is decided on the next opening.
      if (intent) resolveKeyIntent(db, intent);
      throw error;
    }
    pendingKey?.settle();
    return { ...summary, dryRun: false, imported, updated, skipped, ...(key && pendingKey ? { key, keyFile: pendingKey.file } : {}) };
  },

  'cases.list': ({ reviewId, query, unit, offset, limit }, { db }) => {
    // Paging calls this often: only a missing review pays for reading it in full (for the message).
    if (db.prepare('SELECT 1 FROM review WHERE id = ?').get(reviewId) === undefined) requireReview(db, reviewId);
    return listCasesPage(db, reviewId, { query, unit, offset, limit });
  },
};

/** Per unit the review lacks: how many valid rows name it, and how many of those are already in the review. */
function unknownUnitCounts(cases: readonly ParsedCase[], match: UnitMatch, known: ReadonlyMap<string, unknown>): { unit: string; rows: number; existing: number }[] {
  const counts = new Map<string, { unit: string; rows: number; existing: number }>();
  for (const c of cases) {
    if (!match.isUnknown(c.unit)) continue;
    const entry = counts.get(c.unit) ?? { unit: c.unit, rows: 0, existing: 0 };
    entry.rows++;
    if (known.has(c.ref)) entry.existing++;
    counts.set(c.unit, entry);
  }
  return [...counts.values()];
}
