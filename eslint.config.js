// Lint: type-aware rules, no escape hatches from the type system, and the folder
// boundaries of DESIGN.md §2 (view → core ← adapters; only app.ts wires all three).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noEscapeHatches = {
  '@typescript-eslint/no-explicit-any': 'error',
  '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
  '@typescript-eslint/no-non-null-assertion': 'error',
  '@typescript-eslint/ban-ts-comment': [
    'error',
    { 'ts-ignore': true, 'ts-expect-error': true, 'ts-nocheck': true, 'ts-check': false },
  ],
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/switch-exhaustiveness-check': 'error',
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
};

const outsideCore = ['blessed', 'node-pty', '@anthropic-ai/sdk', 'lowdb', 'lowdb/*', '@xterm/headless'];
const nodeIo = [
  'fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'http2', 'dgram', 'dns', 'tls', 'os',
  'worker_threads', 'cluster', 'readline', 'tty', 'process', 'vm', 'v8', 'inspector', 'module',
].flatMap((name) => [name, `node:${name}`]);

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'sessions/**', '.bench-tmp/**', 'demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: noEscapeHatches,
  },
  {
    // `import { z } from 'zod'` takes zod's whole namespace (740 KiB with every locale) into the
    // bundle's first chunk; `import * as z` lets esbuild keep only what is used (cold start, §6).
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier", message: "import * as z from 'zod' (a named import bundles all of zod)" },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Workflow scripts (DESIGN.md §9): the dialect's globals; top-level await and return.
    files: ['workflows/**/*.js', 'test/fixtures/workflows/**/*.js'],
    languageOptions: {
      globals: { agent: 'readonly', parallel: 'readonly', pipeline: 'readonly', workflow: 'readonly', phase: 'readonly', log: 'readonly', args: 'readonly', budget: 'readonly' },
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core is pure: the app passes in what it needs' },
        { name: 'fetch', message: 'core is pure: network calls belong in adapters/' },
        { name: 'require', message: 'core is pure ESM' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: nodeIo.map((name) => ({ name, message: 'core is pure: do I/O in adapters/' })),
          patterns: [
            { group: outsideCore, message: 'core is pure: no blessed, node-pty, SDK or lowdb' },
            { group: ['**/adapters/**', '**/view/**', '**/app/**', '**/app.js', '**/cli.js'], message: 'core depends on nothing outside core' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['blessed', '**/view/**', '**/app/**', '**/app.js', '**/cli.js'], message: 'adapters implement core; they never see the view or the app' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/view/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node-pty', '@anthropic-ai/sdk', 'lowdb', 'lowdb/*', '**/adapters/**', '**/app/**', '**/app.js', '**/cli.js'], message: 'the view reads core view models only' },
          ],
        },
      ],
    },
  },
);
