import type { StateCreator } from 'zustand';
import type {
  ChannelInput,
  ChannelTestResult,
  ChannelUpdate,
  ChannelView,
} from '../../src-shared/ipc/channels';
import type { CreditbarClient } from '../ipc/client';
import type { AppState } from './app-store';
import { attempt as attemptCall, type ActionResult } from './settings-slice';
import type { LoadStatus } from './snapshot-slice';

export interface ChannelsSlice {
  channels: ChannelView[] | null;
  channelsStatus: LoadStatus;
  channelsError: string | null;
  /** Reads the channels with their delivery state (Settings re-reads them as snapshots arrive). */
  loadChannels(): Promise<void>;
  addChannel(input: ChannelInput): Promise<ActionResult<ChannelView>>;
  updateChannel(update: ChannelUpdate): Promise<ActionResult<ChannelView>>;
  removeChannel(id: string): Promise<ActionResult<undefined>>;
  testChannel(id: string): Promise<ActionResult<ChannelTestResult>>;
}

/** As `attempt`, with "Invalid input for channels:add: url: ..." read as the field's own sentence. */
async function attempt<T>(what: string, call: () => Promise<T>): Promise<ActionResult<T>> {
  const r = await attemptCall(what, call);
  return r.ok
    ? r
    : { ok: false, message: r.message.replace(/^Invalid input for channels:\w+: (\w+: )?/, '') };
}

/** Alert channels in Settings: a list with each one's state, and the calls that change it. */
export const createChannelsSlice =
  (client: CreditbarClient): StateCreator<AppState, [], [], ChannelsSlice> =>
  (set, get) => ({
    channels: null,
    channelsStatus: 'idle',
    channelsError: null,
    async loadChannels() {
      if (get().channels === null) set({ channelsStatus: 'loading', channelsError: null });
      const r = await attempt('listChannels', () => client.listChannels());
      if (r.ok) set({ channels: r.value, channelsStatus: 'ready', channelsError: null });
      else set({ channelsStatus: 'error', channelsError: r.message });
    },
    async addChannel(input) {
      const r = await attempt('addChannel', () => client.addChannel(input));
      // Settings hold the channel too (the digest section names the channels that take it).
      if (r.ok) await Promise.all([get().loadChannels(), get().loadSettings()]);
      return r;
    },
    async updateChannel(update) {
      const r = await attempt('updateChannel', () => client.updateChannel(update));
      if (r.ok) await Promise.all([get().loadChannels(), get().loadSettings()]);
      return r;
    },
    async removeChannel(id) {
      const r = await attempt('removeChannel', () => client.removeChannel({ id }));
      if (!r.ok) return r;
      set({ settings: r.value });
      await get().loadChannels();
      return { ok: true, value: undefined };
    },
    async testChannel(id) {
      const r = await attempt('testChannel', () => client.testChannel({ id }));
      // A test changes the channel's state (ok or failing): show it.
      await get().loadChannels();
      return r;
    },
  });
