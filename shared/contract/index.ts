import type { z } from 'zod';
import type { MethodSpec } from './define';
import { appMethods } from './app';
import { templateMethods } from './templates';
import { reviewMethods } from './reviews';
import { caseMethods } from './cases';
import { samplingMethods } from './sampling';
import { scoringMethods } from './scoring';
import { answerTransferMethods } from './answers-transfer';
import { auditMethods } from './audit';
import { profileMethods } from './profile';
import { resultMethods } from './results';
import { resultExportMethods } from './results-export';
import { reportMethods } from './report';
import { publicationMethods } from './publication';
import { findingMethods } from './findings';
import { importMethods } from './imports';

/**
 * The whole API: every operation the UI, the HTTP face and the CLI can call. Later features add
 * their own `…Methods` map here; a name may be declared only once (checked in `assertUniqueNames`).
 */
const parts = [appMethods, templateMethods, reviewMethods, caseMethods, samplingMethods, scoringMethods, answerTransferMethods, auditMethods, profileMethods, resultMethods, resultExportMethods, reportMethods, publicationMethods, findingMethods, importMethods] as const;

export const contract = { ...appMethods, ...templateMethods, ...reviewMethods, ...caseMethods, ...samplingMethods, ...scoringMethods, ...answerTransferMethods, ...auditMethods, ...profileMethods, ...resultMethods, ...resultExportMethods, ...reportMethods, ...publicationMethods, ...findingMethods, ...importMethods };

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends MethodName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends MethodName> = z.output<Contract[K]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Throws at load time if two feature maps declare the same method name. */
export function assertUniqueNames(maps: ReadonlyArray<Record<string, MethodSpec>> = parts): void {
  const seen = new Set<string>();
  for (const map of maps) {
    for (const name of Object.keys(map)) {
      if (seen.has(name)) throw new Error(`Method declared twice in the contract: ${name}`);
      seen.add(name);
    }
  }
}
assertUniqueNames();
