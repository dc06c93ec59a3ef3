/**
 * A dev-only window.api over the renderer fixtures, to look at the UI in Chromium without the
 * main process (test/preview/preview.ts injects it). Never shipped: it lives under test/.
 * `?scenario=` picks the state: demo (default), onboarding, offline, big, empty, error, loading.
 */
import { builtinCatalog } from '../../../src-shared/catalog/catalog';
import { catalogVersionsJson } from '../../../src-shared/catalog/catalog-text';
import { maskUrl, type ChannelView } from '../../../src-shared/ipc/channels';
import type { RendererApi } from '../../../src-shared/ipc/contract';
import { reviewedPools } from '../../../src-shared/engine/report-json';
import type { Snapshot } from '../../../src-shared/ipc/snapshot';
import type { UpdateStatus } from '../../../src-shared/ipc/update-status';
import type { Settings, SettingsPatch } from '../../../src-shared/settings/settings';
import { DEFAULT_CHANNEL_ALERTS, DEFAULT_SETTINGS } from '../../../src-shared/settings/settings';
import { channelsFixture } from '../fixtures/channels';
import { MONTHS, historyResult } from '../fixtures/report';
import { settingsFixture } from '../fixtures/settings';
import { demoSnapshot } from '../fixtures/snapshot';
import { bigSnapshot } from '../fixtures/snapshot-20';

const scenario = new URLSearchParams(location.search).get('scenario') ?? 'demo';

function initialSnapshot(): Snapshot {
  switch (scenario) {
    case 'onboarding':
      return demoSnapshot({ mode: 'onboarding', workspaces: [], alerts: [] });
    case 'offline': {
      const s = demoSnapshot();
      return {
        ...s,
        sync: {
          ...s.sync,
          offline: true,
          lastError: { message: 'connect ECONNREFUSED 127.0.0.1:4100', at: s.asOf },
        },
        workspaces: s.workspaces.map((w) => ({
          ...w,
          freshness: { kind: 'stale', lastSyncAt: '2026-11-21T08:40:00.000Z', ageSeconds: 4800 },
        })),
      };
    }
    case 'big':
      return bigSnapshot(20);
    default:
      return demoSnapshot();
  }
}

let snapshot = initialSnapshot();
let channels: ChannelView[] = scenario === 'onboarding' ? [] : channelsFixture();
let settings: Settings = scenario === 'onboarding' ? structuredClone(DEFAULT_SETTINGS) : settingsFixture();
const listeners = new Set<(s: Snapshot) => void>();

function push(next: Snapshot): void {
  snapshot = {
    ...next,
    asOf: new Date(Math.max(Date.parse(next.asOf) + 1000, Date.parse(snapshot.asOf) + 1000)).toISOString(),
  };
  for (const l of listeners) l(structuredClone(snapshot));
}

/** Marks follow the thresholds as main would: credits become percents of what the pool holds. */
function withMarks(s: Snapshot, st: Settings): Snapshot {
  return {
    ...s,
    workspaces: s.workspaces.map((w) => {
      const t = st.thresholds[w.id];
      return {
        ...w,
        pools: w.pools.map((p) => ({
          ...p,
          marks: !t
            ? [50, 90, 100]
            : t.unit === 'percent'
              ? t.values
              : t.values.map((v) => Math.round((v / p.available) * 10_000) / 100),
        })),
      };
    }),
  };
}

const updateStatus: UpdateStatus = {
  kind: 'up-to-date',
  currentVersion: '0.1.0',
  lastCheckAt: '2026-11-21T08:00:00.000Z',
  message: 'Creditbar 0.1.0 is the latest version.',
  actions: ['check'],
};

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const api: RendererApi = {
  async getSnapshot() {
    if (scenario === 'error')
      throw new Error(
        "Error invoking remote method 'snapshot:get': Error: The cache file could not be opened.",
      );
    if (scenario === 'loading') return new Promise<Snapshot>(() => undefined);
    await wait(150);
    return structuredClone(withMarks(snapshot, settings));
  },
  async syncNow() {
    push({ ...snapshot, sync: { ...snapshot.sync, running: true } });
    setTimeout(
      () =>
        push(
          withMarks(
            {
              ...snapshot,
              sync: { ...snapshot.sync, running: false, lastSuccessAt: new Date().toISOString() },
            },
            settings,
          ),
        ),
      900,
    );
    return { started: true };
  },
  async setAccountToken({ id }) {
    const account = settings.accounts.find((a) => a.id === id);
    if (!account) throw new Error(`There is no account "${id}" to give a token to.`);
    return account;
  },
  async dismissNotice() {
    return { dismissed: true };
  },
  async getHistoryMonths() {
    await wait(80);
    return scenario === 'empty' ? [] : MONTHS;
  },
  async getHistory({ period }) {
    await wait(120);
    return historyResult(period);
  },
  async exportHistory({ period, format }) {
    const r = historyResult(period).report;
    if (format === 'json')
      return {
        filename: `creditbar-${period}.json`,
        mime: 'application/json',
        content: JSON.stringify(r, null, 2),
      };
    const rows = [
      'workspace,pool,day,credits',
      ...reviewedPools(r).flatMap((p) =>
        Object.entries(p.byDay).map(([d, c]) => `${p.workspaceId},${p.pool},${d},${c}`),
      ),
    ];
    return { filename: `creditbar-${period}.csv`, mime: 'text/csv', content: rows.join('\n') };
  },
  async getSettings() {
    return structuredClone(settings);
  },
  async updateSettings(patch: SettingsPatch) {
    await wait(100);
    settings = { ...settings, ...patch };
    push(withMarks(snapshot, settings));
    return structuredClone(settings);
  },
  async addAccount({ label, serverUrl }) {
    await wait(300);
    const account = { id: `acc-${settings.accounts.length + 1}`, label, serverUrl };
    settings = { ...settings, accounts: [...settings.accounts, account], onboarded: true };
    push(withMarks({ ...demoSnapshot(), mode: 'accounts' }, settings));
    return account;
  },
  async removeAccount({ id }) {
    settings = { ...settings, accounts: settings.accounts.filter((a) => a.id !== id) };
    return structuredClone(settings);
  },
  async testConnection({ token }) {
    await wait(400);
    return token === 'good-token-123'
      ? { ok: true, message: 'Connected.', workspaces: 3 }
      : {
          ok: false,
          message: 'The server refused the token (401): check it in your account page and paste it again.',
          workspaces: 0,
        };
  },
  async startDemo() {
    await wait(400);
    settings = { ...settingsFixture(), demo: true, onboarded: true };
    snapshot = withMarks(demoSnapshot(), settings);
    push(snapshot);
    return structuredClone(settings);
  },
  async snoozeAlerts({ for: duration }) {
    const pausedUntil =
      duration === 'off'
        ? null
        : new Date(Date.now() + (duration === '1h' ? 3_600_000 : 14 * 3_600_000)).toISOString();
    push({ ...snapshot, pausedUntil });
    return { pausedUntil };
  },
  async acknowledgeAlerts(which: { keys: string[] } | { workspaceId: string }) {
    const at = new Date().toISOString();
    let acknowledged = 0;
    const alerts = snapshot.alerts.map((a) => {
      const hit =
        !a.acknowledgedAt &&
        ('keys' in which ? which.keys.includes(a.key) : a.workspaceId === which.workspaceId);
      if (hit) acknowledged++;
      return hit ? { ...a, acknowledgedAt: at } : a;
    });
    snapshot = { ...snapshot, alerts, openAlerts: alerts.filter((a) => !a.acknowledgedAt).length };
    push(snapshot);
    return { acknowledged };
  },
  async accountRemoval({ id }: { id: string }) {
    return {
      id,
      label: settings.accounts.find((a) => a.id === id)?.label ?? id,
      workspaces: ['Zite Pro'],
      months: 6,
      alerts: 3,
    };
  },
  async getUpdateStatus() {
    return updateStatus;
  },
  async checkForUpdates() {
    return updateStatus;
  },
  async downloadUpdate() {
    return updateStatus;
  },
  async installUpdate() {
    return { installing: false };
  },
  async hidePopover() {
    return { hidden: false };
  },
  async listChannels() {
    await wait(80);
    return structuredClone(channels);
  },
  async addChannel(input) {
    await wait(200);
    const view: ChannelView = {
      id: `ch-${channels.length + 1}`,
      kind: input.kind,
      label: input.label,
      target: input.kind === 'shell' ? (input.command ?? '') : maskUrl(input.url ?? ''),
      alerts: input.alerts ?? [...DEFAULT_CHANNEL_ALERTS],
      workspaces: input.workspaces ?? null,
      digest: input.digest ?? false,
      enabled: true,
      timeoutSeconds: input.timeoutSeconds ?? null,
      createdAt: new Date().toISOString(),
      status: { state: 'idle', lastDeliveredAt: null, lastError: null, pending: 0, givenUp: 0 },
    };
    channels = [...channels, view];
    return structuredClone(view);
  },
  async updateChannel({ id, url, command, ...fields }) {
    await wait(100);
    channels = channels.map((c) =>
      c.id === id
        ? {
            ...c,
            ...fields,
            ...(url ? { target: maskUrl(url) } : {}),
            ...(command ? { target: command } : {}),
            timeoutSeconds: fields.timeoutSeconds ?? c.timeoutSeconds,
          }
        : c,
    );
    return structuredClone(channels.find((c) => c.id === id)!);
  },
  async removeChannel({ id }) {
    channels = channels.filter((c) => c.id !== id);
    return structuredClone(settings);
  },
  async testChannel({ id }) {
    await wait(300);
    const c = channels.find((ch) => ch.id === id)!;
    return c.status.state === 'failing'
      ? { ok: false, message: `The test message to "${c.label}" failed: ${c.status.lastError?.message}.` }
      : { ok: true, message: `Sent a test message to "${c.label}".` };
  },
  getCatalog: async () => catalogVersionsJson(builtinCatalog),
  async addManualWorkspace() {
    throw new Error('The preview does not add workspaces.');
  },
  async removeWorkspace({ workspaceId }) {
    return { removed: workspaceId };
  },
  async recordReading() {
    throw new Error('The preview does not record readings.');
  },
  async answerReading() {
    return { done: true as const };
  },
  listReadings: async () => [],
  async previewCsvImport() {
    throw new Error('The preview does not import CSV files.');
  },
  async importCsv() {
    throw new Error('The preview does not import CSV files.');
  },
  onSnapshot(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  onOpenWorkspace() {
    return () => undefined;
  },
  onUpdateStatus() {
    return () => undefined;
  },
};

window.api = api;
