import type { Settings } from '../../src-shared/settings/settings';
import type { SettingsStore } from '../settings/settings-store';
import { createMemorySecretStore, type SecretStore } from './secret-store';

/**
 * The app's token store with the lead's "Keep tokens for this session only" switch: while it is on,
 * tokens live in memory and none is left on disk; switched on, the stored ones move into memory
 * and are deleted from disk; switched off, those in memory are written to disk again.
 */
export function createSessionOnlySwitch(
  persistent: SecretStore,
  settings: Pick<SettingsStore, 'get' | 'onChange'>,
): SecretStore & { settled(): Promise<void> } {
  const memory = createMemorySecretStore();
  const sessionOnly = () => settings.get().tokensSessionOnly;
  const ids = (s: Settings) => s.accounts.map((a) => a.id);
  let last = sessionOnly();
  let moving: Promise<void> = Promise.resolve();

  async function move(toMemory: boolean, accountIds: string[]): Promise<void> {
    for (const id of accountIds) {
      if (toMemory) {
        const token = await persistent.get(id).catch(() => null);
        if (token) await memory.set(id, token);
        await persistent.delete(id);
      } else {
        const token = await memory.get(id);
        if (token) await persistent.set(id, token);
        await memory.delete(id);
      }
    }
  }

  if (last) moving = move(true, ids(settings.get()));
  settings.onChange((s) => {
    if (s.tokensSessionOnly === last) return;
    last = s.tokensSessionOnly;
    moving = moving.then(() => move(last, ids(s)));
  });

  return {
    async get(id) {
      await moving;
      return (await memory.get(id)) ?? (sessionOnly() ? null : persistent.get(id));
    },
    async set(id, token) {
      await moving;
      if (sessionOnly()) return memory.set(id, token);
      await persistent.set(id, token);
    },
    async delete(id) {
      await moving;
      await memory.delete(id);
      await persistent.delete(id);
    },
    settled: () => moving,
  };
}
