// @ts-check
import tseslint from 'typescript-eslint';

/** Paths a folder may not reach into, as no-restricted-imports patterns. */
const otherRoots = (/** @type {string[]} */ roots) =>
  roots.map((root) => ({
    group: [`**/${root}`, `**/${root}/**`],
    message: `Import direction: do not import from ${root} here.`,
  }));

const nodeAndNative = {
  regex:
    '^(node:|electron$|electron/|better-sqlite3$|electron-store$|fs$|path$|os$|child_process$|http$|https$)',
  message: 'This folder stays free of Node, Electron and native modules.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // src-shared is pure: it imports only itself and zod (JSON data files included).
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$|zod/|\\./|\\.\\./)', message: 'src-shared imports only src-shared and zod.' },
            ...otherRoots(['src-main', 'src-server', 'src-renderer', 'test', 'bin']),
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeAndNative, ...otherRoots(['src-main', 'src-server', 'test'])] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='window'][property.name='api']",
          message: 'Only src-renderer/ipc/client.ts touches window.api.',
        },
      ],
    },
  },
  {
    files: ['src-renderer/ipc/client.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Browser mode's transport entry plays the preload's part: it puts window.api there (and only
    // that); the app still reads it through ipc/client.ts alone.
    files: ['src-renderer/ipc/web-transport.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^electron', message: 'The server runs without Electron.' },
            ...otherRoots(['src-main', 'src-renderer', 'test']),
          ],
        },
      ],
    },
  },
  {
    // Services in src-main are plain Node: only the thin adapters may import electron.
    files: ['src-main/**/*.ts'],
    ignores: [
      'src-main/index.ts',
      'src-main/app/**',
      'src-main/preload/**',
      'src-main/windows/**',
      'src-main/ipc/**',
      'src-main/**/*-electron.ts',
      'src-main/tray/tray.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^electron$|^electron/|^electron-store$',
              message: 'Services import no electron; put Electron calls in an adapter.',
            },
            ...otherRoots(['src-renderer', 'test']),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Identifier[name=/^ipc(Main|Renderer)$/]',
          message: 'Use the IPC wrapper, not raw ipcMain/ipcRenderer.',
        },
      ],
    },
  },
);
