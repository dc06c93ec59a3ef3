// @ts-check
import path from 'node:path';
import tseslint from 'typescript-eslint';

const repoRoot = import.meta.dirname;

/**
 * Import direction by where a path resolves, not how it is spelt: no-restricted-imports matches the
 * specifier text, so '../../package.json' left src-shared unnoticed, and it never sees import() or
 * `typeof import()`. Options: `inside` (relative paths must resolve into that root, bare ones must
 * match `packages`) or `forbid` (roots a relative path must not resolve into).
 * @type {import('eslint').Rule.RuleModule}
 */
const importBoundary = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: {
          inside: { type: 'string' },
          packages: { type: 'string' },
          forbid: { type: 'array', items: { type: 'string' } },
          message: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { inside, packages, forbid = [], message = '' } = context.options[0] ?? {};
    const allowedPackage = packages === undefined ? null : new RegExp(packages);
    const fromDir = path.dirname(context.filename);
    /** The repo-relative path a specifier names, or null for a package. */
    const resolved = (/** @type {string} */ spec) =>
      /^\.\.?(\/|$)/.test(spec) || path.isAbsolute(spec)
        ? path.relative(repoRoot, path.resolve(fromDir, spec)).split(path.sep).join('/')
        : null;
    const check = (/** @type {any} */ node, /** @type {string} */ spec) => {
      const target = resolved(spec);
      const root = (target ?? spec).split('/')[0] ?? '';
      if (inside !== undefined) {
        const ok = target === null ? allowedPackage?.test(spec) : root === inside;
        if (!ok) {
          const why = target === null ? 'is another package' : `resolves to ${target || '.'}`;
          context.report({ node, message: `${message}: '${spec}' ${why}.` });
        }
      } else if (forbid.includes(root)) {
        context.report({ node, message: `Import direction: do not import from ${root} here.` });
      }
    };
    /** Static sources, and the fixed start of a template (`../../src-main/${x}`); else null. */
    const literal = (/** @type {any} */ source) => {
      if (source?.type === 'Literal' && typeof source.value === 'string') return source.value;
      if (source?.type === 'TemplateLiteral') {
        const head = source.quasis[0]?.value.cooked ?? '';
        return source.expressions.length === 0 ? head : head.slice(0, head.lastIndexOf('/') + 1) || null;
      }
      return null;
    };
    const visit = (/** @type {any} */ node, /** @type {any} */ source) => {
      const spec = literal(source);
      if (spec !== null) check(source, spec);
      else if (inside !== undefined)
        context.report({ node, message: `${message}: a computed import() path cannot be checked.` });
    };
    return {
      ImportDeclaration: (node) => visit(node, node.source),
      ExportAllDeclaration: (node) => visit(node, node.source),
      ExportNamedDeclaration: (node) => node.source && visit(node, node.source),
      ImportExpression: (node) => visit(node, node.source),
      /** @param {any} node */
      TSImportType: (node) => visit(node, node.source ?? node.argument?.literal),
    };
  },
};

const nodeAndNative = {
  regex:
    '^(node:|electron$|electron/|better-sqlite3$|electron-store$|fs$|path$|os$|child_process$|http$|https$)',
  message: 'This folder stays free of Node, Electron and native modules.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { creditbar: { rules: { 'import-boundary': importBoundary } } },
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
      'creditbar/import-boundary': [
        'error',
        {
          inside: 'src-shared',
          packages: '^zod(/|$)',
          message: 'src-shared imports only src-shared and zod',
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeAndNative] }],
      'creditbar/import-boundary': ['error', { forbid: ['src-main', 'src-server', 'test'] }],
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
    // The renderer's tests see what the renderer sees: src-shared and the renderer, never main or the server.
    files: ['test/renderer/**/*.{ts,tsx}'],
    rules: { 'creditbar/import-boundary': ['error', { forbid: ['src-main', 'src-server'] }] },
  },
  {
    // The reporter is one file a team copies into its apps (Deno, Node 18+): it imports nothing.
    files: ['resources/reporter/creditbar-report.{ts,js}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '.', message: 'The reporter stays one dependency-free file: it imports nothing.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^electron', message: 'The server runs without Electron.' }] },
      ],
      'creditbar/import-boundary': ['error', { forbid: ['src-main', 'src-renderer', 'test'] }],
    },
  },
  {
    // Every file in src-main, the Electron adapters included, stays out of the renderer and the tests.
    files: ['src-main/**/*.ts'],
    rules: { 'creditbar/import-boundary': ['error', { forbid: ['src-renderer', 'test'] }] },
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
              regex: '^electron$|^electron/|^electron-store$|^electron-updater$',
              message: 'Services import no electron; put Electron calls in an adapter.',
            },
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
