import type { Database } from 'better-sqlite3';
import { redactIdentityNumbers } from '../../../shared/identity/redact';
import { readProfile } from './repository';

/**
 * Who changes are recorded as, decided in one place for every record the workbench keeps
 * (answers and their trail, "Skapad av", the sample, dropouts, files marked done or reopened):
 * an explicit override (CLI `--actor`) wins, then the profile's name, then the operating-system
 * account. The profile is read when the store opens and again after it is saved; the value is
 * kept in memory because the SQL function granska_actor, called inside triggers, cannot query the
 * connection it runs on.
 */
export interface ActorResolver {
  /** The name to record right now. */
  readonly current: string;
  /** Re-reads the profile (after opening the store, and after profile.save). */
  reload(db: Database): void;
}

export function createActorResolver(options: { override?: string; accountName: () => string }): ActorResolver {
  // An override and an account name are not typed through the contract's guarded fields, so they are redacted here.
  const override = options.override === undefined ? undefined : redactIdentityNumbers(options.override);
  let account: string | undefined;
  let profileName: string | undefined;
  return {
    get current() {
      return override ?? profileName ?? (account ??= redactIdentityNumbers(options.accountName()));
    },
    reload(db) {
      profileName = readProfile(db)?.name;
    },
  };
}
