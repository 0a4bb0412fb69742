// Lint keeps the arrows of ARCHITECTURE.md: renderer → preload/api.ts ← main. Only thin adapters in main/
// import `electron`; only main/ipc.ts touches ipcMain and only preload/ touches ipcRenderer.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const ELECTRON_ADAPTERS = [
  'main/index.ts',
  'main/window.ts',
  'main/ipc.ts',
  'main/app-protocol.ts',
  'main/**/electron-*.ts',
];
// Signal Desktop's per-environment rule, by folder: each process may use only what its process really has.
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
// The packages the renderer bundle may import; every other dependency of package.json is Node-only (sharp,
// better-sqlite3, …) and refused there, including any dependency added later.
const RENDERER_PACKAGES = ['react', 'react-dom', 'react-router', 'zod', 'qrcode'];
const RENDERER_SCOPES = ['@mui/', '@emotion/'];
const { dependencies = {} } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const NODE_ONLY_PACKAGES = Object.keys(dependencies).filter(
  (name) => !RENDERER_PACKAGES.includes(name) && !RENDERER_SCOPES.some((scope) => name.startsWith(scope)),
);
const NODE_GLOBALS = ['Buffer', 'process', 'global', 'require', 'module', '__dirname', '__filename', 'setImmediate'];
const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'HTMLElement'];
const noGlobals = (names, message) => names.map((name) => ({ name, message }));

export default tseslint.config(
  {
    ignores: [
      'out/',
      'dist/',
      'native/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.data/',
      'tests/fixtures/boundaries/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.mjs', '*.ts', '*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'preload/web.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Focus where the eyes are: a dialog's first field or button takes it (MUI components, not raw DOM).
      'jsx-a11y/no-autofocus': ['error', { ignoreNonDOM: true }],
      'no-restricted-globals': [
        'error',
        ...noGlobals(NODE_GLOBALS, 'The renderer has no Node: go through preload/api.ts.'),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...NODE_BUILTINS, ...NODE_ONLY_PACKAGES].map((name) => ({
            name,
            message: 'The renderer has no Node: go through preload/api.ts.',
          })),
          patterns: [
            {
              group: ['**/main/**', '../../../main/*'],
              message: 'The renderer never imports main/: go through preload/api.ts.',
            },
            { group: ['node:*'], message: 'The renderer has no Node: go through preload/api.ts.' },
            ...NODE_ONLY_PACKAGES.map((name) => ({
              group: [`${name}/*`],
              message: 'The renderer has no Node: go through preload/api.ts.',
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-globals': ['error', ...noGlobals(DOM_GLOBALS, 'main/ has no DOM: it runs in Node.')],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ELECTRON_ADAPTERS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Services never import electron: put it in a thin adapter (main/**/electron-*.ts).',
            },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports the renderer.' }],
        },
      ],
    },
  },
  {
    files: ELECTRON_ADAPTERS,
    ignores: ['main/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Only main/ipc.ts touches ipcMain.' },
          ],
        },
      ],
    },
  },
  {
    // The contract is loaded by every process: neither Node's globals nor the DOM's.
    files: ['preload/api.ts', 'preload/contract/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...noGlobals(NODE_GLOBALS, 'The contract runs in every process: no Node globals.'),
        ...noGlobals(DOM_GLOBALS, 'The contract runs in every process: no DOM globals.'),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...NODE_BUILTINS, ...NODE_ONLY_PACKAGES],
          patterns: ['**/main/**', '**/renderer/**', 'node:*'],
        },
      ],
    },
  },
  {
    // A sandboxed preload can require only `electron` (and Electron's few polyfilled modules): the rest is bundled.
    files: ['preload/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...NODE_BUILTINS, ...NODE_ONLY_PACKAGES],
          patterns: ['**/main/**', '**/renderer/**', 'node:*'],
        },
      ],
    },
  },
);
