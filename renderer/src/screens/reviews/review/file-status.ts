import type { SampleRecord } from '../../../../../shared/contract/sampling';
import { missingRequiredText } from '../../../../../shared/util/plural-sv';
import type { Overview } from '../../../state/review-store';

type OverviewCase = Overview['cases'][number];
type SampledCase = SampleRecord['cases'][number];

/** Where one file of the sample stands, as the review page says it. */
export function progressStatus(file: OverviewCase | undefined): string {
  if (!file) return '–';
  if (file.done) return 'Klar';
  const { answered, total, requiredMissing } = file.progress;
  // A mark from before "done means complete": it does not count until the questions are answered.
  if (file.markedDone) return `Markerad klar – ${missingRequiredText(requiredMissing)}`;
  if (answered === 0) return 'Ej påbörjad';
  return `Påbörjad ${answered} av ${total}`;
}

/**
 * The replacement drawn for a dropped file, or the dropped file a replacement stands in for: the
 * core records both with the same time in the same unit.
 */
export function counterpart(sample: SampleRecord, file: SampledCase): SampledCase | undefined {
  const wanted = file.status === 'dropped' ? 'replacement' : 'dropped';
  return sample.cases.find((c) => c.status === wanted && c.unit === file.unit && c.changedAt !== null && c.changedAt === file.changedAt);
}

export function dropoutStatus(replacement: SampledCase | undefined): string {
  return replacement ? `Bortfall – ersatt av ${replacement.ref}` : 'Bortfall – ingen ersättare kvar i enheten';
}
