import { formatClock, type DateStyle } from '../../src-shared/display/dates';
import { formatDuration } from '../../src-shared/display/duration';
import { formatPercentUsed, wholePercent } from '../../src-shared/display/percent';
import { rulesAssumedMark } from '../../src-shared/display/catalog-rules';
import { stateLabel } from '../../src-shared/display/state-label';
import { syncFailing, syncLineText } from '../../src-shared/display/sync-state';
import { dataAgeLine, poolRowName } from '../../src-shared/display/overview-summary';
import type { PoolKind } from '../../src-shared/types/ledger';
import type { PoolCard, Snapshot, StateLevel, WorkspaceCard } from '../../src-shared/ipc/snapshot';
import { formatCredits } from '../../src-shared/display/credits';
import { poolsByUrgency } from './urgent-pool';

/** What the badge draws: the percent of the most urgent pool, its colour level, and whether to dim it. */
export interface TrayIconState {
  /** Whole percent used (0-999), rounded down like every percent, or null when there is nothing to show yet. */
  percent: number | null;
  level: StateLevel;
  /** The numbers are not current: data is stale or the last sync failed. */
  dimmed: boolean;
}

/** Menu commands the adapter binds to callbacks. */
export type TrayAction =
  | 'show-popover'
  | 'sync-now'
  | 'pause-1h'
  | 'pause-tomorrow'
  | 'resume-alerts'
  | 'install-update'
  | 'open'
  | 'quit';

export type TrayMenuItem =
  | { type: 'workspace'; workspaceId: string; pool: PoolKind; label: string; level: StateLevel }
  | { type: 'info'; label: string }
  | { type: 'action'; action: TrayAction; label: string; enabled: boolean }
  | { type: 'separator' };

export interface TrayModel {
  icon: TrayIconState;
  /** Text next to the icon (macOS menu bar only; other platforms carry it in the tooltip). */
  title: string;
  tooltip: string;
  menu: TrayMenuItem[];
}

export interface TrayModelInput {
  snapshot: Snapshot;
  now: number;
  /** IANA zone for clock times in the menu ("paused until 08:00"). */
  timeZone: string;
  locale?: string;
  /** Windows truncates tray tooltips at 127 characters; the adapter passes the platform's limit. */
  maxTooltipLength?: number;
  /**
   * 'menu' where a click on the icon opens the menu instead of reaching the app (Linux
   * AppIndicator): the menu then leads with "Show balances", the click's job. Default 'click'.
   */
  clickKind?: 'click' | 'menu';
  /** A downloaded update waiting for a restart (the menu offers it), or null. */
  updateReady?: { version: string } | null;
}

/** Turns the snapshot into everything the tray shows. Pure: the adapter only applies the result. */
export function buildTrayModel(input: TrayModelInput): TrayModel {
  const { snapshot, now } = input;
  const locale = input.locale ?? 'en-US';
  const lead = leadItems(input);
  const update = updateItems(input);
  const ordered = poolsByUrgency(snapshot.workspaces);
  const critical = ordered[0] ?? null;
  const failing = syncFailing(snapshot.sync);
  // The card's one freshness (the runtime recomposes the snapshot every minute, so it is current):
  // a hand-kept workspace read 2 hours ago is fresh here as there, whatever the sync's stale limit.
  const staleNames = snapshot.workspaces.filter((ws) => ws.freshness.kind === 'stale').map((ws) => ws.name);

  if (!critical) {
    return {
      icon: { percent: null, level: 'ok', dimmed: true },
      title: '',
      tooltip:
        snapshot.mode === 'onboarding'
          ? 'Creditbar: no workspace yet. Open it to try the demo.'
          : 'Creditbar: no workspace data yet.',
      menu: [
        ...lead,
        {
          type: 'info',
          label:
            snapshot.mode === 'onboarding'
              ? 'No workspace yet'
              : syncLineText(snapshot.sync, now, { locale, timeZone: input.timeZone }),
        },
        { type: 'separator' },
        ...(snapshot.mode === 'onboarding' ? [] : [syncNowItem(snapshot)]),
        ...update,
        { type: 'action', action: 'open', label: 'Open Creditbar', enabled: true },
        { type: 'separator' },
        { type: 'action', action: 'quit', label: 'Quit Creditbar', enabled: true },
      ],
    };
  }

  const dimmed = failing || staleNames.includes(critical.workspace.name);
  const percent = Math.min(999, wholePercent(critical.pool.percentUsed));
  const header = tooltipHeader(snapshot, now, failing, staleNames, { locale, timeZone: input.timeZone });
  // Each workspace's most urgent pool, the most urgent workspace first: what a cut tooltip keeps.
  const seen = new Set<string>();
  const lines = ordered.flatMap(({ workspace: ws, pool }) => {
    if (seen.has(ws.id)) return [];
    seen.add(ws.id);
    return [poolLine(ws, pool, now, locale)];
  });

  return {
    icon: { percent, level: critical.pool.level, dimmed },
    title: formatPercentUsed(critical.pool.percentUsed, locale),
    tooltip: fitTooltip(header, lines, input.maxTooltipLength ?? Number.POSITIVE_INFINITY),
    menu: [
      ...lead,
      ...ordered.map(({ workspace: ws, pool }): TrayMenuItem => ({
        type: 'workspace',
        workspaceId: ws.id,
        pool: pool.pool,
        level: pool.level,
        label: poolLine(ws, pool, now, locale),
      })),
      { type: 'separator' },
      { type: 'info', label: syncLineText(snapshot.sync, now, { locale, timeZone: input.timeZone }) },
      syncNowItem(snapshot),
      { type: 'separator' },
      ...pauseItems(snapshot, now, input.timeZone, locale),
      { type: 'separator' },
      ...update,
      { type: 'action', action: 'open', label: 'Open Creditbar', enabled: true },
      { type: 'action', action: 'quit', label: 'Quit Creditbar', enabled: true },
    ],
  };
}

/** Where a click never reaches the app, the menu's first item does the click's job. */
function leadItems(input: TrayModelInput): TrayMenuItem[] {
  if (input.clickKind !== 'menu') return [];
  return [
    { type: 'action', action: 'show-popover', label: 'Show balances', enabled: true },
    { type: 'separator' },
  ];
}

function updateItems(input: TrayModelInput): TrayMenuItem[] {
  if (!input.updateReady) return [];
  return [
    {
      type: 'action',
      action: 'install-update',
      label: `Restart to update to ${input.updateReady.version}`,
      enabled: true,
    },
  ];
}

/** The overview's name for a pool ("Studio messages"): one name on the tray, the rows and the headline. */
function poolName(ws: WorkspaceCard, pool: PoolCard): string {
  return poolRowName({ workspace: ws, pool });
}

/**
 * One pool as the tooltip and the menu say it, with the state the card shows:
 * "Acme: At risk · 3,300 left (93.4%), resets in 10d 12h".
 */
function poolLine(ws: WorkspaceCard, pool: PoolCard, now: number, locale: string): string {
  const left =
    pool.balance === 'dry'
      ? 'none left'
      : `${formatCredits(pool.remaining, locale)} left (${formatPercentUsed(pool.percentUsed, locale)})`;
  const state = stateLabel(
    { state: pool.state, threshold: pool.passedThreshold },
    { locale, inForce: pool.thresholdsInForce },
  );
  // A balance priced with assumed rules says so wherever it shows: compactly, here.
  const assumed = rulesAssumedMark(ws.provider, ws.catalogVersion);
  return `${poolName(ws, pool)}: ${state} · ${left}, resets in ${resetsIn(pool, now, locale)}${assumed ? ` · ${assumed}` : ''}`;
}

function resetsIn(pool: PoolCard, now: number, locale: string): string {
  return formatDuration(Date.parse(pool.periodEnd) - now, locale, 'minute');
}

function syncNowItem(snapshot: Snapshot): TrayMenuItem {
  return {
    type: 'action',
    action: 'sync-now',
    label: snapshot.sync.running ? 'Syncing…' : 'Sync now',
    enabled: !snapshot.sync.running,
  };
}

/** The notifications line and its commands: the same state the alert centre's status line says. */
function pauseItems(snapshot: Snapshot, now: number, timeZone: string, locale: string): TrayMenuItem[] {
  const until = snapshot.pausedUntil === null ? Number.NaN : Date.parse(snapshot.pausedUntil);
  const status = snapshot.notifications;
  const clock = (at: string) => formatClock(Date.parse(at), now, { locale, timeZone });
  if (until > now) {
    const released = status?.until ? clock(status.until) : clock(snapshot.pausedUntil!);
    return [
      { type: 'info', label: `Alerts paused until ${released}` },
      { type: 'action', action: 'resume-alerts', label: 'Resume alerts', enabled: true },
    ];
  }
  const pause: TrayMenuItem[] = [
    { type: 'action', action: 'pause-1h', label: 'Pause alerts for 1 hour', enabled: true },
    { type: 'action', action: 'pause-tomorrow', label: 'Pause alerts until tomorrow', enabled: true },
  ];
  if (status?.state === 'off') return [{ type: 'info', label: 'Notifications are off (Settings)' }];
  if (status?.state === 'quiet' && status.until)
    return [{ type: 'info', label: `Alerts held until ${clock(status.until)} (quiet hours)` }, ...pause];
  return pause;
}

function tooltipHeader(
  snapshot: Snapshot,
  now: number,
  failing: boolean,
  staleNames: string[],
  style: DateStyle,
): string {
  if (failing) return snapshot.sync.offline ? 'Creditbar (offline)' : 'Creditbar (sync failing)';
  if (staleNames.length > 0) {
    // The overview header's words ("Synced 3 hours ago", "Not synced yet", "Last reading 4 days ago").
    const age = dataAgeLine(
      snapshot.workspaces.map((workspace) => ({ workspace })),
      snapshot.sync,
      now,
      style,
    );
    return `Creditbar (${age.charAt(0).toLowerCase()}${age.slice(1)})`;
  }
  return 'Creditbar';
}

/** Keeps whole lines within the limit and says how many were left out. */
function fitTooltip(header: string, lines: string[], max: number): string {
  const all = [header, ...lines].join('\n');
  if (all.length <= max) return all;
  let text = header;
  for (let i = 0; i < lines.length; i++) {
    const more = `\n+${lines.length - i} more`;
    const next = `${text}\n${lines[i]}`;
    const rest = lines.length - i - 1;
    if (next.length + (rest > 0 ? `\n+${rest} more`.length : 0) > max) return (text + more).slice(0, max);
    text = next;
  }
  return text.slice(0, max);
}
