import { spawn } from 'node:child_process';

export interface ShellRequest {
  command: string;
  /** Written to the command's stdin, then closed. */
  stdin: string;
  /** CREDITBAR_* variables added to the environment. */
  env: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface ShellResult {
  ok: boolean;
  /** One line for the lead: "exited with code 3: curl: (6) Could not resolve host", "timed out after 10 s and was stopped". */
  error: string | null;
}

export type RunShell = (request: ShellRequest) => Promise<ShellResult>;

/** After SIGTERM at the timeout, a hook that ignores it gets SIGKILL this much later. */
const KILL_GRACE_MS = 2_000;
const STDERR_MAX = 4_096;
/** Variables of ours that a hook never inherits: a token handed to `creditbar watch --token-env` stays ours. */
const PRIVATE_ENV = /token|secret|password|passwd|api_?key|credential/i;

/** The parent's environment without anything that looks like a secret, plus the hook's variables. */
export function hookEnvironment(
  parent: Readonly<Record<string, string | undefined>>,
  own: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(parent)) if (v !== undefined && !PRIVATE_ENV.test(k)) env[k] = v;
  return { ...env, ...own };
}

/**
 * Runs a shell hook: the command through the system shell, the message's JSON on stdin, stdout
 * ignored, stderr kept for the error line. At the timeout the whole process group gets SIGTERM,
 * then SIGKILL, so a hook's children (a `curl` it started) stop with it. Exit 0 is delivered.
 */
export const runShellHook: RunShell = ({ command, stdin, env, timeoutMs, signal }) =>
  new Promise((resolve) => {
    const posix = process.platform !== 'win32';
    const child = spawn(command, {
      shell: true,
      // Its own process group (POSIX), so a timeout can stop the hook and everything it started.
      detached: posix,
      stdio: ['pipe', 'ignore', 'pipe'],
      env: hookEnvironment(process.env, env),
      windowsHide: true,
    });
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const stop = (sig: NodeJS.Signals) => {
      try {
        if (posix && child.pid !== undefined) process.kill(-child.pid, sig);
        else child.kill(sig);
      } catch {
        // Already gone.
      }
    };
    let killTimer: NodeJS.Timeout | null = null;
    const timedOutResult = () => ({
      ok: false,
      error: `timed out after ${Math.round(timeoutMs / 1000)} s and was stopped`,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      stop('SIGTERM');
      killTimer = setTimeout(() => {
        stop('SIGKILL');
        // A process that left the group (setsid) may still hold stderr open: do not wait for it.
        killTimer = setTimeout(() => finish(timedOutResult()), KILL_GRACE_MS);
        killTimer.unref();
      }, KILL_GRACE_MS);
    }, timeoutMs);
    const onAbort = () => stop('SIGTERM');
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (result: ShellResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // The group may still hold children that ignored SIGTERM: make sure they go too.
      if (timedOut && killTimer) {
        clearTimeout(killTimer);
        stop('SIGKILL');
      }
      resolve(result);
    };
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_MAX) stderr += chunk.toString('utf8');
    });
    // A hook that does not read its stdin closes the pipe early: that is its choice, not a failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
    child.on('error', (err) => finish({ ok: false, error: `could not start the command: ${err.message}` }));
    child.on('close', (code, sig) => {
      const firstLine = stderr.trim().split('\n')[0]?.slice(0, 200) ?? '';
      if (timedOut)
        return finish({
          ok: false,
          error: `timed out after ${Math.round(timeoutMs / 1000)} s and was stopped`,
        });
      if (signal?.aborted) return finish({ ok: false, error: 'cancelled' });
      if (code === 0) return finish({ ok: true, error: null });
      const how = code !== null ? `exited with code ${code}` : `was stopped by ${sig}`;
      finish({ ok: false, error: firstLine ? `${how}: ${firstLine}` : how });
    });
  });
