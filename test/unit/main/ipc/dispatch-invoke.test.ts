import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src-shared/settings/settings';
import { dispatchInvoke, type SenderVerdict } from '../../../../src-main/ipc/dispatch-invoke';
import type { InvokeHandlers } from '../../../../src-main/ipc/invoke-handlers';
import {
  TrustedSenders,
  checkIpcSender,
  type IpcSenderEvent,
} from '../../../../src-main/ipc/trusted-senders';
import { snapshot } from '../helpers/snapshot-fixtures';

const APP = 'file:///app/out/renderer/index.html';
const isAppUrl = (url: string) => url.startsWith('file:///app/out/renderer/');

const notUsed = (): never => {
  throw new Error('not part of this test');
};

/** Handlers that record what they were called with. */
function recordingHandlers() {
  const calls: [string, unknown][] = [];
  const record =
    <T>(name: string, result: T) =>
    (input: unknown) => {
      calls.push([name, input]);
      return result;
    };
  const handlers: InvokeHandlers = {
    getSnapshot: record('getSnapshot', snapshot([])),
    syncNow: record('syncNow', { started: true }),
    getHistoryMonths: record('getHistoryMonths', ['2026-10']),
    getHistory: () => {
      throw new Error('No data for that month yet.');
    },
    exportHistory: record('exportHistory', { filename: 'x.csv', mime: 'text/csv', content: '' }),
    getSettings: record('getSettings', DEFAULT_SETTINGS),
    updateSettings: record('updateSettings', DEFAULT_SETTINGS),
    addAccount: record('addAccount', { id: 'a', label: 'A', serverUrl: 'https://x.example' }),
    removeAccount: record('removeAccount', DEFAULT_SETTINGS),
    setAccountToken: record('setAccountToken', { id: 'a', label: 'A', serverUrl: 'https://x.example' }),
    dismissNotice: record('dismissNotice', { dismissed: true }),
    testConnection: record('testConnection', { ok: true, message: 'ok', workspaces: 1 }),
    startDemo: record('startDemo', DEFAULT_SETTINGS),
    snoozeAlerts: record('snoozeAlerts', { pausedUntil: null }),
    getUpdateStatus: notUsed,
    checkForUpdates: notUsed,
    downloadUpdate: notUsed,
    installUpdate: record('installUpdate', { installing: false }),
    hidePopover: record('hidePopover', { hidden: false }),
    listChannels: record('listChannels', []),
    addChannel: () => {
      throw new Error('not part of this test');
    },
    updateChannel: () => {
      throw new Error('not part of this test');
    },
    removeChannel: record('removeChannel', DEFAULT_SETTINGS),
    testChannel: record('testChannel', { ok: true, message: 'sent' }),
    getCatalog: notUsed,
    addManualWorkspace: notUsed,
    removeWorkspace: notUsed,
    recordReading: notUsed,
    answerReading: notUsed,
    listReadings: notUsed,
    previewCsvImport: notUsed,
    importCsv: notUsed,
    acknowledgeAlerts: record('acknowledgeAlerts', { acknowledged: 1 }),
    accountRemoval: record('accountRemoval', { id: 'a', label: 'A', workspaces: [], months: 0, alerts: 0 }),
  };
  return { handlers, calls };
}

const trusted: () => SenderVerdict = () => ({ trusted: true });

describe('dispatchInvoke', () => {
  it('dispatches a good payload to its handler with the parsed input', async () => {
    const { handlers, calls } = recordingHandlers();
    const result = await dispatchInvoke(handlers, 'alerts:snooze', { for: '1h' }, trusted);
    expect(result).toEqual({ ok: true, value: { pausedUntil: null } });
    expect(calls).toEqual([['snoozeAlerts', { for: '1h' }]]);
  });

  it('dispatches calls without input', async () => {
    const { handlers } = recordingHandlers();
    expect(await dispatchInvoke(handlers, 'sync:now', undefined, trusted)).toEqual({
      ok: true,
      value: { started: true },
    });
  });

  it('rejects a bad payload with a message naming the field, and never calls the handler', async () => {
    const { handlers, calls } = recordingHandlers();
    const result = await dispatchInvoke(
      handlers,
      'history:export',
      { period: '2026-13', format: 'csv' },
      trusted,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!result.ok && result.error.message).toMatch(
      /^Invalid input for history:export: period: expected YYYY-MM/,
    );
    expect(calls).toEqual([]);
  });

  it.each([
    ['a number where a string is expected (no coercion)', 'history:get', { period: 202611 }, /period/],
    ['an unknown extra key (strict schemas)', 'alerts:snooze', { for: '1h', admin: true }, /admin/],
    ['an enum value outside the contract', 'alerts:snooze', { for: 'forever' }, /for/],
    ['a payload on a call that takes none', 'sync:now', { force: true }, /input/],
    ['a missing payload', 'accounts:add', undefined, /input/],
  ])('rejects %s', async (_name, channel, payload, field) => {
    const { handlers, calls } = recordingHandlers();
    const result = await dispatchInvoke(handlers, channel, payload, trusted);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-input');
    expect(!result.ok && result.error.message).toMatch(field);
    expect(calls).toEqual([]);
  });

  // The renderer showed zod's own "Too big: expected int to be <=9007199254740991" and "Invalid
  // option: expected one of ..." as a Settings error.
  it.each([
    [
      'history:get',
      { period: 202611 },
      'Invalid input for history:get: period: expected text, not the number 202611',
    ],
    [
      'alerts:snooze',
      { for: 'forever' },
      'Invalid input for alerts:snooze: for: expected "1h", "tomorrow" or "off", not "forever"',
    ],
    // An item of an array is named as a ledger file's and a server answer's fields are
    // (events[3].occurredAt), not "workspaces.1".
    [
      'channels:add',
      { kind: 'webhook', label: 'Hook', url: 'https://hooks.example.com/x', workspaces: ['studio-a', ''] },
      'Invalid input for channels:add: workspaces[1]: expected text that is not empty',
    ],
  ])('says what is wrong with %s in plain words, with the value sent', async (channel, payload, message) => {
    const result = await dispatchInvoke(recordingHandlers().handlers, channel, payload, trusted);
    expect(!result.ok && result.error.message).toContain(message);
    expect(!result.ok && result.error.message).not.toMatch(/Invalid option|received|Too big/);
  });

  it('refuses an untrusted sender before looking at the payload', async () => {
    const { handlers, calls } = recordingHandlers();
    const warnings: unknown[] = [];
    const result = await dispatchInvoke(
      handlers,
      'sync:now',
      undefined,
      () => ({ trusted: false, reason: 'not ours.' }),
      {
        warn: (message, context) => warnings.push([message, context]),
        error: () => {},
      },
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'untrusted-sender', message: 'Refused sync:now: not ours.' },
    });
    expect(calls).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('refuses a channel the contract does not have', async () => {
    const { handlers } = recordingHandlers();
    expect(await dispatchInvoke(handlers, 'shell:exec', 'rm -rf /', trusted)).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
  });

  it('returns a handler error as a clear message and logs it', async () => {
    const { handlers } = recordingHandlers();
    const errors: unknown[] = [];
    const result = await dispatchInvoke(handlers, 'history:get', { period: '2026-10' }, trusted, {
      warn: () => {},
      error: (m, c) => errors.push([m, c]),
    });
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'No data for that month yet.' } });
    expect(errors).toHaveLength(1);
  });
});

describe('checkIpcSender', () => {
  const senders = new TrustedSenders();
  senders.add(7);
  const event = (id: number, frame: IpcSenderEvent['senderFrame']): IpcSenderEvent => ({
    sender: { id },
    senderFrame: frame,
  });

  it.each([
    ['the main frame of a known window on the app page', event(7, { url: APP, parent: null }), true, null],
    [
      'an unknown webContents',
      event(8, { url: APP, parent: null }),
      false,
      /not come from a Creditbar window/,
    ],
    ['a sub-frame of a known window', event(7, { url: APP, parent: { url: APP } }), false, /sub-frame/],
    [
      'a known window navigated elsewhere',
      event(7, { url: 'https://evil.example.com/', parent: null }),
      false,
      /not part of Creditbar/,
    ],
    ['a frame that is gone', event(7, null), false, /gone/],
  ])('%s', (_name, e, ok, reason) => {
    const verdict = checkIpcSender(e, senders, isAppUrl);
    expect(verdict.trusted).toBe(ok);
    if (!verdict.trusted) expect(verdict.reason).toMatch(reason!);
  });

  it('stops trusting a window once it is removed', () => {
    const s = new TrustedSenders();
    s.add(3);
    s.remove(3);
    expect(checkIpcSender(event(3, { url: APP, parent: null }), s, isAppUrl).trusted).toBe(false);
  });

  it('plugs into dispatch: a sub-frame gets nothing', async () => {
    const { handlers, calls } = recordingHandlers();
    const result = await dispatchInvoke(handlers, 'snapshot:get', undefined, () =>
      checkIpcSender(event(7, { url: APP, parent: {} }), senders, isAppUrl),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(calls).toEqual([]);
  });
});
