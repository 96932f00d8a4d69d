import type { Migration } from '../migration';
import { migration001 } from './001-templates';
import { migration002 } from './002-reviews';
import { migration003 } from './003-audit-chain';
import { migration004 } from './004-pending-keys';
import { migration005 } from './005-workspace';
import { migration006 } from './006-report';
import { migration007 } from './007-publication';
import { migration008 } from './008-writing';
import { migration009 } from './009-record-chain';

/** Every schema step in order. Append only: a released migration is never edited. */
export const migrations: Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;
