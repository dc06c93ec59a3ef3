import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageBodyV1 } from '../../../src-main/delivery/message-body';
import { hookEnvironment, runShellHook } from '../../../src-main/delivery/shell-transport';
import { tempDir } from '../../fixtures/temp-dir';
import { appWithChannel, deliveryScope, PERIOD, spendAndSync } from './delivery-fixture';

const dirs: ReturnType<typeof tempDir>[] = [];
const scratch = () => {
  const d = tempDir('creditbar-hook-');
  dirs.push(d);
  return d;
};
const scope = deliveryScope();
afterEach(() => {
  for (const d of dirs.splice(0)) d.cleanup();
});

/** Whether a process still runs (a zombie waiting for its reaper does not count). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = (() => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return '';
    }
  })();
  return !/^\d+ \(.*\) Z/.test(stat);
}

describe.skipIf(process.platform === 'win32')('shell hooks', { timeout: 30_000 }, () => {
  it('get the message JSON on stdin and CREDITBAR_* variables', async () => {
    const d = scratch();
    const body = { version: 1, type: 'test', id: 'test|x', text: 'hello' };
    const r = await runShellHook({
      command: `cat > '${d.file('stdin.json')}'; env | grep '^CREDITBAR_' | sort > '${d.file('env.txt')}'`,
      stdin: JSON.stringify(body),
      env: { CREDITBAR_TYPE: 'test', CREDITBAR_ID: 'test|x' },
      timeoutMs: 5_000,
    });
    expect(r).toEqual({ ok: true, error: null });
    expect(JSON.parse(readFileSync(d.file('stdin.json'), 'utf8'))).toEqual(body);
    expect(readFileSync(d.file('env.txt'), 'utf8')).toContain('CREDITBAR_ID=test|x\nCREDITBAR_TYPE=test\n');
  });

  it('are stopped at their timeout, with whatever they started', async () => {
    const d = scratch();
    const started = Date.now();
    const r = await runShellHook({
      // A hook that hangs on a child (a network call that never answers): the child must die too.
      command: `sleep 30 & echo $! > '${d.file('child.pid')}'; wait`,
      stdin: '{}',
      env: {},
      timeoutMs: 1_000,
    });
    expect(r).toEqual({ ok: false, error: 'timed out after 1 s and was stopped' });
    // Bounded: SIGTERM at 1 s stops it; never the 30 s of the sleep.
    expect(Date.now() - started).toBeLessThan(10_000);
    const child = Number(readFileSync(d.file('child.pid'), 'utf8'));
    // Its pipe closes a moment before the kernel finishes the exit: look again for up to 2 s.
    const deadline = Date.now() + 2_000;
    while (running(child) && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    expect(running(child)).toBe(false);
  });

  it('fail with their exit code and first stderr line', async () => {
    const r = await runShellHook({
      command: 'cat > /dev/null; echo "curl: (6) Could not resolve host" >&2; exit 3',
      stdin: '{}',
      env: {},
      timeoutMs: 5_000,
    });
    expect(r).toEqual({ ok: false, error: 'exited with code 3: curl: (6) Could not resolve host' });
  });

  it('never inherit variables that look like secrets', () => {
    const env = hookEnvironment(
      { PATH: '/bin', CREDITBAR_TOKEN: 'cb_x', GITHUB_TOKEN: 'ghp', AWS_SECRET_ACCESS_KEY: 'k', HOME: '/h' },
      { CREDITBAR_ID: 'k1' },
    );
    expect(env).toEqual({ PATH: '/bin', HOME: '/h', CREDITBAR_ID: 'k1' });
  });

  it('as a channel: a threshold crossing runs the hook once with the alert on stdin', async () => {
    const d = scratch();
    const install = await scope.install();
    const app = await appWithChannel(install, {
      kind: 'shell',
      label: 'Log hook',
      command: `cat >> '${d.file('alerts.jsonl')}'; echo >> '${d.file('alerts.jsonl')}'; echo "$CREDITBAR_KEY $CREDITBAR_PERCENT" >> '${d.file('vars.txt')}'`,
      alerts: ['threshold'],
    });
    await spendAndSync(install, app);
    await app.runtime.syncOnce();
    await app.runtime.delivery.flush();
    const lines = readFileSync(d.file('alerts.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const body = JSON.parse(lines[0]!) as MessageBodyV1;
    expect(body.type).toBe('alerts');
    expect(body.alerts.map((a) => a.key)).toEqual([`mkt|integration|${PERIOD}|threshold|50`]);
    // 600 of 1,000 used: 60 %.
    expect(readFileSync(d.file('vars.txt'), 'utf8')).toBe(`mkt|integration|${PERIOD}|threshold|50 60\n`);
  });
});
