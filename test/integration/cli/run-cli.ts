import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../../bin/creditbar');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real bin/creditbar in a child process, as a user would (with extra environment variables). */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((done) => {
    const options = { encoding: 'utf8' as const, env: { ...process.env, ...env } };
    execFile(process.execPath, [BIN, ...args], options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/**
 * The same commands in this process (the same parser and commands as bin/creditbar, minus a tsx
 * start per call, ~3 s on a loaded machine): for tests that run many commands. Keep one bin run per
 * test file so the binary itself stays covered. `now` is the command's clock: a test whose ledger has
 * fixed dates imports it "on" a day of that ledger, or the cache drops its raw events once the run is
 * two periods later (retention.ts).
 */
export async function runCliInProcess(
  args: string[],
  options: { now?: () => number } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const { runCli: runCliHere } = await import('../../../src-main/cli/cli');
  const code = await runCliHere(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: options.now ?? (() => Date.now()),
    isTty: false,
  });
  return { code, stdout, stderr };
}

/** Writes text (or a value as JSON) to a fresh temp file and returns its path. */
export function tempFile(name: string, content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'creditbar-cli-'));
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
