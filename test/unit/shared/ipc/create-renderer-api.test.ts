import { describe, expect, it } from 'vitest';
import { invokeContract, pushContract } from '../../../../src-shared/ipc/contract';
import { createRendererApi, type IpcRendererLike } from '../../../../src-shared/ipc/create-renderer-api';

function fakeIpc(reply: (channel: string, args: unknown[]) => unknown) {
  const invoked: [string, unknown[]][] = [];
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, args]);
      return reply(channel, args);
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, payload: unknown) =>
    listeners.get(channel)?.forEach((l) => l({ sender: 'secret' }, payload));
  return { ipc, invoked, emit, listeners };
}

describe('createRendererApi', () => {
  it('exposes exactly the contract: one function per call and per push, no generic invoke', () => {
    const api = createRendererApi(fakeIpc(() => ({ ok: true, value: null })).ipc);
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(invokeContract), ...Object.keys(pushContract)].sort(),
    );
    expect(api).not.toHaveProperty('invoke');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes the named channel with the input and unwraps the result', async () => {
    const { ipc, invoked } = fakeIpc(() => ({
      ok: true,
      value: { pausedUntil: '2026-11-21T07:00:00.000Z' },
    }));
    const api = createRendererApi(ipc);
    await expect(api.snoozeAlerts({ for: 'tomorrow' })).resolves.toEqual({
      pausedUntil: '2026-11-21T07:00:00.000Z',
    });
    await api.syncNow();
    expect(invoked).toEqual([
      ['alerts:snooze', [{ for: 'tomorrow' }]],
      ['sync:now', [undefined]],
    ]);
  });

  it('rethrows a refused call with the main process message intact', async () => {
    const api = createRendererApi(
      fakeIpc(() => ({
        ok: false,
        error: { code: 'invalid-input', message: 'Invalid input for history:get: period: expected YYYY-MM' },
      })).ipc,
    );
    await expect(api.getHistory({ period: 'nope' })).rejects.toThrow(
      'Invalid input for history:get: period: expected YYYY-MM',
    );
  });

  it('subscribes to a push with the payload only, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc(() => null);
    const api = createRendererApi(ipc);
    const got: unknown[] = [];
    const off = api.onOpenWorkspace((payload) => got.push(payload));
    emit('ui:open-workspace', { workspaceId: 'acme' });
    off();
    emit('ui:open-workspace', { workspaceId: 'globex' });
    expect(got).toEqual([{ workspaceId: 'acme' }]);
    expect(listeners.get('ui:open-workspace')?.size).toBe(0);
  });
});
