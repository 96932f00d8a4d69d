import type { CaseFile } from '../../../../shared/contract/cases';
import type { SampleRecord } from '../../../../shared/contract/sampling';
import { DROPOUT_LABELS } from '../../../../shared/contract/sampling';
import type { TargetGroup } from '../../../../shared/templates/schema';

/** Children are flicka/pojke, adults kvinna/man; no number and no stated sex is "okänt" (DOMAIN.md §5). */
export function sexLabel(sex: CaseFile['sex'], targetGroup: TargetGroup): string {
  if (sex === 'U') return 'okänt';
  if (targetGroup === 'vuxna') return sex === 'F' ? 'kvinna' : 'man';
  return sex === 'F' ? 'flicka' : 'pojke';
}

/** An age band as people read it: the core's codes use a hyphen ("6-12"), labels an en dash ("6–12"). */
export function ageBandLabel(band: string | null): string {
  return band === null ? 'okänd' : band.replace(/(\d)-(\d)/g, '$1–$2');
}

export function methodLabel(method: SampleRecord['method']): string {
  switch (method.kind) {
    case 'per-unit':
      return `${method.n} per enhet`;
    case 'total':
      return `${method.n} totalt, fördelat efter enheternas storlek`;
    case 'all':
      return 'Alla akter (totalundersökning)';
  }
}

export const SAMPLE_STATUS_LABELS: Record<SampleRecord['cases'][number]['status'], string> = {
  selected: 'Vald',
  replacement: 'Ersättare',
  dropped: 'Bortfall',
  reserve: 'Reserv',
};

export { DROPOUT_LABELS };

/** Field names of the import (as the server reports them) in Swedish. */
export const CASE_FIELD_NAMES: Record<string, string> = {
  akt: 'Akt',
  personnummer: 'Personnummer',
  kon: 'Kön',
  alder: 'Ålder',
  fodelsedatum: 'Födelsedatum',
  enhet: 'Enhet',
};

export const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 med BOM',
  'windows-1252': 'Windows-1252 (Excel)',
};
