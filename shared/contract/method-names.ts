/**
 * The contract's method names as plain data, for the sandboxed preload: it must stay one small
 * bundle without zod. A unit test keeps this list equal to the contract's keys.
 */
export const METHOD_NAMES: readonly string[] = [
  'app.info',
  'templates.list',
  'templates.get',
  'templates.create',
  'templates.save',
  'templates.import',
  'templates.export',
  'templates.delete',
  'reviews.create',
  'reviews.list',
  'reviews.get',
  'reviews.update',
  'reviews.archive',
  'cases.import',
  'cases.list',
  'sampling.draw',
  'sampling.get',
  'sampling.dropout',
  'scoring.caseView',
  'scoring.overview',
  'answers.save',
  'answers.history',
  'cases.setDone',
  'answers.import',
  'answers.export',
  'audit.verify',
  'profile.get',
  'profile.save',
  'reviews.createExample',
  'reviews.delete',
  'results.get',
  'results.cases',
  'results.export',
  'report.get',
  'report.save',
  'report.submit',
  'report.approve',
  'report.reopen',
  'report.export',
  'report.settings.get',
  'report.settings.save',
  'appendix.add',
  'appendix.update',
  'appendix.remove',
  'package.export'
];

const known = new Set(METHOD_NAMES);
export const isKnownMethodName = (name: unknown): name is string => typeof name === 'string' && known.has(name);
