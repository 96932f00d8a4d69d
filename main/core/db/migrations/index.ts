import type { Migration } from '../migration';
import { migration001 } from './001-templates';

/** Every schema step in order. Append only: a released migration is never edited. */
export const migrations: Migration[] = [migration001];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;
