import { vi, type Mock } from 'vitest';
import { builtinCatalog } from '../../src-shared/catalog/catalog';
import { catalogVersionsJson } from '../../src-shared/catalog/catalog-text';
import type { RendererApi } from '../../src-shared/ipc/contract';
import type { Snapshot } from '../../src-shared/ipc/snapshot';
import type { UpdateStatus } from '../../src-shared/ipc/update-status';
import { channelsFixture } from './fixtures/channels';
import { historyResult, MONTHS } from './fixtures/report';
import { settingsFixture } from './fixtures/settings';
import { demoSnapshot } from './fixtures/snapshot';

type Mocked<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? Mock<(...args: A) => R> : T[K];
};

export type FakeClient = Mocked<RendererApi> & {
  /** Pushes a snapshot as the main process would. */
  emitSnapshot(snapshot: Snapshot): void;
  emitOpenWorkspace(workspaceId: string, readingPool?: 'integration' | 'message'): void;
  emitUpdateStatus(status: UpdateStatus): void;
};

/** What browser mode answers about updates (src-main's updateStatus for 'browser'). */
export const BROWSER_UPDATE_STATUS: UpdateStatus = {
  kind: 'unsupported',
  reason: 'browser',
  currentVersion: '0.1.0',
  lastCheckAt: null,
  message: 'Browser mode does not update itself: the desktop app checks for new releases.',
  actions: [],
};

/** A RendererApi whose every call is a vi.fn over the fixtures; override any call per test. */
export function fakeClient(overrides: Partial<RendererApi> = {}): FakeClient {
  const snapshotListeners = new Set<(s: Snapshot) => void>();
  const openListeners = new Set<
    (p: { workspaceId: string; readingPool?: 'integration' | 'message' }) => void
  >();
  const updateListeners = new Set<(s: UpdateStatus) => void>();
  let settings = settingsFixture();
  const client = {
    getSnapshot: vi.fn(async () => demoSnapshot()),
    syncNow: vi.fn(async () => ({ started: true })),
    getHistoryMonths: vi.fn(async () => MONTHS),
    getHistory: vi.fn(async ({ period }: { period: string }) => historyResult(period)),
    exportHistory: vi.fn(async ({ period, format }: { period: string; format: 'csv' | 'json' }) => ({
      filename: `creditbar-${period}.${format}`,
      mime: format === 'csv' ? 'text/csv' : 'application/json',
      content: format === 'csv' ? 'workspace,pool,used\nzite-pro,integration,37700' : '{}',
    })),
    getSettings: vi.fn(async () => settings),
    updateSettings: vi.fn(async (patch: object) => {
      settings = { ...settings, ...patch };
      return settings;
    }),
    addAccount: vi.fn(async ({ label, serverUrl }: { label: string; serverUrl: string }) => ({
      id: 'acc-1',
      label,
      serverUrl,
    })),
    removeAccount: vi.fn(async () => settings),
    setAccountToken: vi.fn(async ({ id }: { id: string; token: string }) => ({
      id,
      label: settings.accounts.find((a) => a.id === id)?.label ?? id,
      serverUrl: settings.accounts.find((a) => a.id === id)?.serverUrl ?? 'https://api.example.com',
    })),
    dismissNotice: vi.fn(async () => ({ dismissed: true })),
    testConnection: vi.fn(async () => ({ ok: true, message: 'Connected.', workspaces: 3 })),
    startDemo: vi.fn(async () => settings),
    snoozeAlerts: vi.fn(async ({ for: f }: { for: string }) => ({
      pausedUntil: f === 'off' ? null : '2026-11-21T11:00:00.000Z',
    })),
    acknowledgeAlerts: vi.fn(async (which: { keys: string[] } | { workspaceId: string }) => ({
      acknowledged: 'keys' in which ? which.keys.length : 1,
    })),
    accountRemoval: vi.fn(async ({ id }: { id: string }) => ({
      id,
      label: settings.accounts.find((a) => a.id === id)?.label ?? id,
      workspaces: ['Zite Pro', 'Zite Team'],
      months: 6,
      alerts: 18,
    })),
    getUpdateStatus: vi.fn(async () => BROWSER_UPDATE_STATUS),
    checkForUpdates: vi.fn(async () => BROWSER_UPDATE_STATUS),
    downloadUpdate: vi.fn(async () => BROWSER_UPDATE_STATUS),
    installUpdate: vi.fn(async () => ({ installing: false })),
    hidePopover: vi.fn(async () => ({ hidden: false })),
    getCatalog: vi.fn(async () => catalogVersionsJson(builtinCatalog)),
    addManualWorkspace: vi.fn(async ({ name }: { name: string }) => ({
      id: name.toLowerCase().replace(/\W+/g, '-'),
    })),
    removeWorkspace: vi.fn(async ({ workspaceId }: { workspaceId: string }) => ({ removed: workspaceId })),
    recordReading: vi.fn(async () => ({
      id: 'r-1',
      kind: 'usage' as const,
      counted: 600,
      backwardsBy: null,
      since: '2026-11-19T09:00:00.000Z',
      sincePeriodStart: false,
      check: null,
    })),
    answerReading: vi.fn(async () => ({ done: true as const })),
    listReadings: vi.fn(async () => []),
    onUpdateStatus: vi.fn((l: (s: UpdateStatus) => void) => {
      updateListeners.add(l);
      return () => updateListeners.delete(l);
    }),
    listChannels: vi.fn(async () => channelsFixture()),
    addChannel: vi.fn(async (input: { kind: string; label: string }) => ({
      ...channelsFixture()[0]!,
      id: 'ch-new',
      kind: input.kind,
      label: input.label,
    })),
    updateChannel: vi.fn(async ({ id }: { id: string }) => channelsFixture().find((c) => c.id === id)!),
    removeChannel: vi.fn(async () => settings),
    testChannel: vi.fn(async () => ({ ok: true, message: 'Sent a test message to "Team #credits".' })),
    onSnapshot: vi.fn((l: (s: Snapshot) => void) => {
      snapshotListeners.add(l);
      return () => snapshotListeners.delete(l);
    }),
    onOpenWorkspace: vi.fn(
      (l: (p: { workspaceId: string; readingPool?: 'integration' | 'message' }) => void) => {
        openListeners.add(l);
        return () => openListeners.delete(l);
      },
    ),
    emitSnapshot(s: Snapshot) {
      snapshotListeners.forEach((l) => l(s));
    },
    emitOpenWorkspace(workspaceId: string, readingPool?: 'integration' | 'message') {
      openListeners.forEach((l) => l(readingPool ? { workspaceId, readingPool } : { workspaceId }));
    },
    emitUpdateStatus(status: UpdateStatus) {
      updateListeners.forEach((l) => l(status));
    },
  };
  for (const [k, v] of Object.entries(overrides))
    (client as Record<string, unknown>)[k] = vi.fn(v as (...a: unknown[]) => unknown);
  return client as unknown as FakeClient;
}
