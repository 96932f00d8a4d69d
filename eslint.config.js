import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Runtime boundaries are checked here, not remembered:
 * - shared/   pure TypeScript: no Node built-ins, no DOM frameworks, no Electron, nothing from main/ or renderer/
 * - main/core, main/server, main/cli: never Electron
 * - renderer/ no Node built-ins, no Electron, no native modules, nothing from main/
 */
import { builtinModules } from 'node:module';

// Bare built-in names are matched exactly (a folder called util/ is fine); `node:` by pattern.
const nodeBuiltins = ['node:*', ...builtinModules.filter((m) => !m.includes('/'))];
const restrict = (names, message) => {
  const patterns = names.filter((n) => n.includes('*') || n.includes('/'));
  const paths = names.filter((n) => !patterns.includes(n)).map((name) => ({ name, message }));
  return { 'no-restricted-imports': ['error', { paths, patterns: [{ group: patterns, message }] }] };
};

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
    rules: restrict(['electron', '**/electron/**', '**/preload/**', '**/renderer/**'], 'The core and its server/CLI faces are Electron-free.'),
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
