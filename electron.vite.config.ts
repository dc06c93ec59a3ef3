import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// electron-vite looks for src/main, src/preload and src/renderer by default; the design card uses
// src-main, src-renderer and src-shared, so every input and the renderer root are named here.
const root = import.meta.dirname;

// The renderer's CSP (src-renderer/index.html) allows no inline script or style. Vite's dev server
// needs both (the React Refresh preamble, CSS injected as <style>), so only `electron-vite dev`
// relaxes it; every build keeps the strict policy.
const devOnlyRelaxedCsp = {
  name: 'creditbar-dev-csp',
  apply: 'serve' as const,
  transformIndexHtml: (html: string) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The evaluator and the sync run in worker threads of the main process: their entries are
      // built beside index.js.
      rollupOptions: {
        input: {
          index: resolve(root, 'src-main/index.ts'),
          'evaluator-worker': resolve(root, 'src-main/evaluator/evaluator-worker.ts'),
          'sync-worker': resolve(root, 'src-main/sync/sync-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed renderer loads its preload as a classic script with a require() limited to
      // 'electron' and a few built-ins: so one CommonJS file (.cjs, since package.json says "type":
      // "module"), with its dependencies (zod, for the contract it is generated from) bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react(), devOnlyRelaxedCsp],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // The bundle ships to users and counts against the 500 KB gzip budget: minified it is ~115 KB.
      minify: true,
      rollupOptions: {
        // web-transport is browser mode's window.api (src-renderer/ipc/web-transport.ts): a second
        // entry that index.html does not load; the web server injects it under a fixed name.
        input: {
          index: resolve(root, 'src-renderer/index.html'),
          'web-transport': resolve(root, 'src-renderer/ipc/web-transport.ts'),
        },
        output: {
          entryFileNames: (chunk) =>
            chunk.name === 'web-transport' ? 'web-transport.js' : 'assets/[name]-[hash].js',
        },
      },
    },
  },
});
