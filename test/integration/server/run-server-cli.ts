import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { runServerCli } from '../../../src-server/cli/run';

const BIN = resolve(import.meta.dirname, '../../../bin/creditbar-server');

export interface ServerCliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real bin/creditbar-server in a child process, as a lead types it. */
export function serverCli(args: string[], env: Record<string, string> = {}): Promise<ServerCliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { encoding: 'utf8', env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

/** A refusal as the team's standard wants it: one line naming the problem, the exit code, no stack trace. */
export function expectOneLine(r: ServerCliRun, code: number, text: string | RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n'), r.stderr).toHaveLength(2);
  expect(r.stderr).toMatch(/^creditbar-server[ :]/);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
  if (typeof text === 'string') expect(r.stderr).toContain(text);
  else expect(r.stderr).toMatch(text);
}

/**
 * The same command line through `runServerCli` in this process: the code bin/creditbar-server runs,
 * without a ~1.5 s process start per case (tables of bad inputs). Server-starting commands need the real binary.
 */
export async function serverCliInProcess(args: string[]): Promise<ServerCliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runServerCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: process.env,
    onStop: () => {},
  });
  return { code, stdout, stderr };
}
