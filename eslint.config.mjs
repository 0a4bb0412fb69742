// Lint keeps the arrows of ../shared/DESIGN.md: renderer → preload/api.ts ← main. Only thin adapters in main/
// import `electron`; only main/ipc.ts touches ipcMain and only preload/ touches ipcRenderer.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ELECTRON_ADAPTERS = [
  'main/index.ts',
  'main/window.ts',
  'main/ipc.ts',
  'main/app-protocol.ts',
  'main/**/electron-*.ts',
];
const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'net',
  'http',
  'https',
  'stream',
  'util',
  'events',
];

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'native/', 'node_modules/', 'test-results/', 'playwright-report/', '.data/'] },
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
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...NODE_BUILTINS],
          patterns: [
            {
              group: ['**/main/**', '../../../main/*'],
              message: 'The renderer never imports main/: go through preload/api.ts.',
            },
            { group: ['node:*'], message: 'The renderer has no Node: go through preload/api.ts.' },
          ],
        },
      ],
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
    files: ['preload/**/*.ts'],
    ignores: ['preload/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['**/main/**', '**/renderer/**'] }],
    },
  },
);
