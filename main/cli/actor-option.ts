import { ActorNameSchema } from '../../shared/contract/profile';
import { issuesFromZod } from '../../shared/validation/zod-issues';
import { UsageError } from './args';

/**
 * The global `--actor "Namn"`: who this command's changes are recorded as, instead of the
 * profile's name or the account. Checked like the profile's name (length, no personal identity
 * number), because it is stored on every change the command makes.
 */
export function actorOption(value: string | true | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === true) throw new UsageError('Flaggan --actor behöver ett namn, till exempel --actor "Karin Lind".');
  const parsed = ActorNameSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--actor: ${issuesFromZod(parsed.error)[0]?.message ?? 'ogiltigt namn.'}`);
  return parsed.data;
}
