#!/usr/bin/env node
// Runs before `electron-vite preview/dev`: where Electron cannot start, one clear line instead of a stack trace.
import { register } from 'tsx/esm/api';

register();
const { electronStartProblem } = await import('../src-main/native/check-electron-start.ts');
const problem = electronStartProblem(
  new URL('..', import.meta.url).pathname,
  process.env,
  process.platform,
  process.arch,
);
if (problem) {
  console.error(problem);
  process.exit(1);
}
