import type { Issue } from '../../../../shared/result';
import { useReport } from '../../state/report-store';

const NONE: readonly Issue[] = [];

/** The problems shown next to fields: the last refused save's and the last refused step's (not ready, an export stopped). */
export function useReportIssues(): readonly Issue[] {
  const saveIssues = useReport((s) => (s.saveState === 'error' ? s.saveError?.issues : undefined));
  const problemIssues = useReport((s) => s.problem?.error.issues);
  if (!saveIssues?.length && !problemIssues?.length) return NONE;
  return [...(saveIssues ?? []), ...(problemIssues ?? [])];
}
