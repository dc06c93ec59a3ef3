import type { StateCreator } from 'zustand';
import type { AccountRemoval, ConnectionTestResult } from '../../src-shared/ipc/contract';
import type { Account, Settings, SettingsPatch } from '../../src-shared/settings/settings';
import { errorMessage, type CreditbarClient } from '../ipc/client';
import type { AppState } from './app-store';
import type { LoadStatus } from './snapshot-slice';

/** What a form learns from a call: done, or the message to show next to it. */
export type ActionResult<T = undefined> = { ok: true; value: T } | { ok: false; message: string };

export interface AccountInput {
  label: string;
  serverUrl: string;
  token: string;
}

export interface SettingsSlice {
  settings: Settings | null;
  settingsStatus: LoadStatus;
  settingsError: string | null;
  loadSettings(): Promise<void>;
  updateSettings(patch: SettingsPatch): Promise<ActionResult<Settings>>;
  addAccount(input: AccountInput): Promise<ActionResult<Account>>;
  removeAccount(id: string): Promise<ActionResult<Settings>>;
  /** What removing an account would take with it, for its confirmation. */
  accountRemoval(id: string): Promise<ActionResult<AccountRemoval>>;
  /** Stores a new token for an account whose token is missing (tested by main first). */
  setAccountToken(id: string, token: string): Promise<ActionResult<Account>>;
  testConnection(input: Omit<AccountInput, 'label'>): Promise<ActionResult<ConnectionTestResult>>;
}

/** Runs a client call, turning a failure into the message a form shows (and a console line). */
export async function attempt<T>(what: string, call: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    console.error(`${what} failed`, error);
    return { ok: false, message: errorMessage(error) };
  }
}

export const createSettingsSlice =
  (client: CreditbarClient): StateCreator<AppState, [], [], SettingsSlice> =>
  (set, get) => {
    /** The number of the latest settings patch sent: older answers are not applied over it. */
    let latestPatch = 0;
    return {
      settings: null,
      settingsStatus: 'idle',
      settingsError: null,
      async loadSettings() {
        set({ settingsStatus: 'loading', settingsError: null });
        const r = await attempt('getSettings', () => client.getSettings());
        if (r.ok) set({ settings: r.value, settingsStatus: 'ready' });
        else set({ settingsStatus: 'error', settingsError: r.message });
      },
      async updateSettings(patch) {
        // Applied at once, so a second switch flipped before the first answer builds on the first
        // (no lost update); only the answer to the latest patch is kept (an earlier one lacks it),
        // and a failed latest patch reloads what main holds.
        const mine = ++latestPatch;
        const before = get().settings;
        if (before) set({ settings: { ...before, ...patch } as Settings });
        const r = await attempt('updateSettings', () => client.updateSettings(patch));
        if (mine === latestPatch) {
          if (r.ok) set({ settings: r.value, settingsStatus: 'ready' });
          else if (before) await get().loadSettings();
        }
        return r;
      },
      async addAccount(input) {
        const r = await attempt('addAccount', () => client.addAccount(input));
        // The new account changes mode and workspaces: reload both rather than guess.
        if (r.ok) await Promise.all([get().loadSettings(), get().loadSnapshot()]);
        return r;
      },
      async removeAccount(id) {
        const r = await attempt('removeAccount', () => client.removeAccount({ id }));
        if (r.ok) {
          set({ settings: r.value });
          await get().loadSnapshot();
        }
        return r;
      },
      async setAccountToken(id, token) {
        const r = await attempt('setAccountToken', () => client.setAccountToken({ id, token }));
        if (r.ok) await get().loadSnapshot();
        return r;
      },
      accountRemoval(id) {
        return attempt('accountRemoval', () => client.accountRemoval({ id }));
      },
      testConnection(input) {
        return attempt('testConnection', () => client.testConnection(input));
      },
    };
  };
