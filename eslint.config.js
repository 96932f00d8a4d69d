import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Runtime boundaries are checked here, not remembered:
 * - shared/   pure TypeScript: no Node built-ins, no DOM frameworks, no Electron, nothing from main/ or renderer/
 * - main/core, main/server, main/cli: never Electron
 * - main/core/db: no feature (the store stands alone)
 * - a feature of main/core never imports another feature's handlers
 * - renderer/ no Node built-ins, no Electron, no native modules, nothing from main/
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';

// Bare built-in names are matched exactly (a folder called util/ is fine); `node:` by pattern.
const nodeBuiltins = ['node:*', ...builtinModules.filter((m) => !m.includes('/'))];
/** One no-restricted-imports rule from [names, message] pairs (a file gets one such rule: the last block matching it wins). */
const restrictEach = (...rules) => {
  const paths = [];
  const patterns = [];
  for (const [names, message] of rules) {
    const group = names.filter((n) => n.includes('*') || n.includes('/'));
    paths.push(...names.filter((n) => !group.includes(n)).map((name) => ({ name, message })));
    if (group.length > 0) patterns.push({ group, message });
  }
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
};
const restrict = (names, message) => restrictEach([names, message]);

const ELECTRON_FREE = [['electron', '**/electron/**', '**/preload/**', '**/renderer/**'], 'The core and its server/CLI faces are Electron-free.'];
// The core's features are its folders, db/ aside: a new feature is covered without editing this file.
const FEATURES = fs
  .readdirSync(new URL('./main/core', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'db')
  .map((entry) => entry.name);
const NO_FEATURE_IN_DB = [
  FEATURES.flatMap((feature) => [`../${feature}/*`, `../../${feature}/*`, `../../../${feature}/*`]),
  'db/ is the store (schema, migrations, the audit chains, checks): it imports no feature, so any feature, a merge or a central archive can build on it.',
];
const NO_FOREIGN_HANDLERS = [
  ['../*/handlers', '../*/*-handlers', '../../*/handlers', '../../*/*-handlers'],
  "A feature reaches another through its repository or service module, never through its handlers: handlers are the contract's face, and what they do besides is not another feature's to rely on.",
];

export default tseslint.config(
  { ignores: ['.*', 'build/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.lo-profile/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,mts,js,mjs}'],
    ignores: ['renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([...nodeBuiltins, 'electron', 'better-sqlite3', 'react', 'react-dom', '**/main/**', '**/renderer/**'], 'shared/ is pure: it runs in main, renderer and CLI alike.'),
  },
  {
    files: ['main/core/**/*.ts', 'main/server/**/*.ts', 'main/cli/**/*.ts'],
    rules: restrictEach(ELECTRON_FREE),
  },
  {
    files: ['main/core/*/**/*.ts'],
    ignores: ['main/core/db/**'],
    rules: restrictEach(ELECTRON_FREE, NO_FOREIGN_HANDLERS),
  },
  {
    files: ['main/core/db/**/*.ts'],
    rules: restrictEach(ELECTRON_FREE, NO_FEATURE_IN_DB),
  },
  {
    files: ['main/preload/**/*.ts'],
    rules: restrict([...nodeBuiltins, 'better-sqlite3', '**/core/**', '**/renderer/**'], 'The sandboxed preload only bridges IPC.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([...nodeBuiltins, 'electron', 'better-sqlite3', '**/main/**'], 'The renderer runs without Node; reach the core through the API client.'),
    },
  },
);
