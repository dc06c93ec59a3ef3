#!/usr/bin/env node
// postinstall and `npm run native:electron`: builds better-sqlite3 for Electron beside the Node build.
// Never fails the install: offline or without Electron's binary it prints one line and exits 0.
import { register } from 'tsx/esm/api';

register();
const { buildElectronSqlite, runNodeScript } = await import('../src-main/native/build-electron-sqlite.ts');
const outcome = buildElectronSqlite({
  projectRoot: new URL('..', import.meta.url).pathname,
  platform: process.platform,
  arch: process.arch,
  env: process.env,
  force: process.argv.includes('--force'),
  log: (line) => console.log(line),
  runNode: runNodeScript,
  now: () => new Date(),
});
// An explicit `npm run native:electron` should say it failed; the postinstall must not.
process.exitCode = outcome === 'failed' && process.argv.includes('--strict') ? 1 : 0;
