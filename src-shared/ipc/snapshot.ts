import type { CacheCandidate } from '../engine/advisors/cache-candidates';
import type { PlanFit } from '../engine/advisors/plan-fit';
import type { AlertKind } from '../engine/alerts';
import type { PoolStatusJson } from '../engine/status-json';
import type { DataBasis } from '../display/data-basis';
import type { BalanceState, PoolState, StateLevel } from '../display/pool-state';
import type { GrantKind, PoolKind, Provider } from '../types/ledger';

export type { BalanceState, PoolState, StateLevel } from '../display/pool-state';

/** How old the data behind a balance is. */
export interface Freshness {
  /** live: synced within the sync interval; cached: older; stale: past the stale limit or never synced. */
  kind: 'live' | 'cached' | 'stale';
  lastSyncAt: string | null;
  ageSeconds: number | null;
  /**
   * The last sync attempt after this data failed: 'offline' (the server could not be reached) or
   * 'error' (it answered with one); absent or null when it did not. Data behind a failed attempt is
   * never "live".
   */
  failure?: 'offline' | 'error' | null;
  /**
   * A workspace kept by hand: `lastSyncAt` is then its last balance reading ('reading') or the
   * newest event of its CSV imports ('import'), whichever is newer, and the age counts from it (live
   * within the reading reminder's limit; display/data-basis.ts). Absent: a synced workspace.
   */
  basis?: DataBasis;
}

/** The local balance against the server's own, after the last reconciliation. */
export interface Drift {
  localRemaining: number;
  serverRemaining: number;
  /** local − server. */
  difference: number;
  checkedAt: string;
}

/** The member who spent the most of a period's credits, and on what. */
export interface TopConsumer {
  memberId: string;
  name: string;
  credits: number;
  /** Percent of the credits spent in the period (0-100). */
  share: number;
  /** That member's largest action, and its percent of the member's credits; null when unknown. */
  action: string | null;
  actionShare: number | null;
}

/**
 * The thresholds in force for a pool and where they come from: the lead's for this pool ('pool'),
 * the lead's for its workspace ('workspace'), the account's ('account'), or the defaults. `unit`
 * and `values` are as set; `percents` is what the engine marks (credits converted against the
 * pool's allowance).
 */
export interface ThresholdsInForce {
  source: 'pool' | 'workspace' | 'account' | 'default';
  unit: 'percent' | 'credits';
  values: number[];
  percents: number[];
  /** The account's own thresholds (percent), what a reset of the lead's goes back to; null: the defaults. */
  account: number[] | null;
}

/** One pool card: the engine's status plus what the app knows around it. */
export interface PoolCard extends PoolStatusJson {
  /** The state every surface shows (src-shared/display/pool-state.ts: poolStateOf). */
  state: PoolState;
  /** What the numbers say whether or not they are fresh (the urgency order reads this). */
  balance: BalanceState;
  /** The colour the state is drawn with. */
  level: StateLevel;
  /** The highest threshold under 100 % reached and still passed this period (percent), or null. */
  passedThreshold: number | null;
  /** Credits per UTC day of the current period so far, `YYYY-MM-DD` → credits. */
  byDay: Record<string, number>;
  /** Thresholds shown as marks on the bar, in percent: the engine's (credit thresholds converted). */
  marks: number[];
  /** The thresholds in force and where they come from (Settings shows them; credit ones read in credits). */
  thresholdsInForce?: ThresholdsInForce;
  drift: Drift | null;
  budgets: { memberId: string; name: string; budget: number; used: number; reachedAt: string | null }[];
  cacheCandidates: CacheCandidate[];
  planFit: PlanFit | null;
  /** Who spent the most of this period, on what (the popover names it for a pool at risk). */
  topConsumer?: TopConsumer | null;
  /** What an empty pool stops under the workspace's catalog version: calls, or only publishing edits. */
  exhaustion: 'calls' | 'publishing';
  /** The latest balance reading of a synced pool: the platform's number against the local count then. */
  readingCheck: ReadingCheck | null;
  /** The kinds of grants behind `bonus` (display/extra-credits.ts words it); absent: none known. */
  grantKinds?: GrantKind[];
}

/** A reading typed on a synced workspace, compared with what Creditbar counted at its instant. */
export interface ReadingCheck {
  at: string;
  what: 'left' | 'used';
  platform: number;
  /** Null when the instant is older than the detail kept, so nothing was compared. */
  local: number | null;
  /** local − platform; null when not compared. */
  difference: number | null;
}

export interface WorkspaceCard {
  id: string;
  name: string;
  provider: Provider;
  plan: string;
  accountId: string;
  /** sync: an account API; ledger: imported from a file; manual: added by hand (readings, CSV). */
  source: 'sync' | 'ledger' | 'manual';
  /** The catalog version its plan is on (null: the seed's). */
  catalogVersion: string | null;
  /** Members by name; `budget` is the one the account sets (the lead's own are in settings). */
  members: { id: string; name: string; budget?: number }[];
  pools: PoolCard[];
  freshness: Freshness;
}

/** An alert the app raised (once per key), as the alert centre lists it. */
export interface RaisedAlert {
  key: string;
  kind: AlertKind | 'sync-stale' | 'drift' | 'recovered' | 'reset';
  workspaceId: string;
  pool: PoolKind | null;
  percent: number | null;
  /** When the condition happened (for a threshold, the crossing instant). */
  at: string;
  /** When the app raised it. */
  raisedAt: string;
  message: string;
  /** shown: a notification went out; queued: waiting for quiet hours or a snooze to end; silent: switched off. */
  delivery: 'shown' | 'queued' | 'silent';
  /** The account it belongs to: removing the account removes it (absent on alerts of older caches). */
  accountId?: string | null;
  /** The workspace's name when it was raised (the account's label for an account-wide alert). */
  workspaceName?: string | null;
  /** When the lead acknowledged it; null (or absent) while it is open. */
  acknowledgedAt?: string | null;
}

export interface SyncStatus {
  running: boolean;
  lastSuccessAt: string | null;
  lastError: { message: string; at: string } | null;
  nextSyncAt: string | null;
  /** The last attempt could not reach the server: data shown is the cached copy. */
  offline: boolean;
}

/** Something the lead must hear about the app itself (a damaged cache put aside ...), shown until dismissed. */
export interface AppNotice {
  key: string;
  message: string;
  at: string;
}

/**
 * Whether the app holds an account's token: `missing` (never stored here, or lost with its file),
 * `unreadable` (stored, but the key or the file changed). Either way the account cannot sync until
 * the lead enters the token again.
 */
export interface AccountStatus {
  id: string;
  label: string;
  token: 'stored' | 'missing' | 'unreadable';
  /** Why it cannot sync, in one sentence (null while the token is stored). */
  message: string | null;
}

/**
 * Notifications right now: on; off (the switch in Settings); paused (a snooze) or quiet (quiet hours)
 * until an instant, when what was held is shown if it still holds.
 */
export interface NotificationStatus {
  state: 'on' | 'off' | 'paused' | 'quiet';
  /** When held notifications are released (paused, quiet; a snooze that ends in quiet hours: their end). */
  until: string | null;
}

/** Everything the popover and the tray show, pushed to the renderer after every change. */
export interface Snapshot {
  asOf: string;
  /** onboarding: nothing configured yet; demo: the embedded reference server; accounts: real accounts. */
  mode: 'onboarding' | 'demo' | 'accounts';
  sync: SyncStatus;
  workspaces: WorkspaceCard[];
  /** Newest first. */
  alerts: RaisedAlert[];
  /** Notifications are held until this instant (snooze), or null. */
  pausedUntil: string | null;
  /** Whether an alert raised now would show a notification: the status line and the tray say this. */
  notifications?: NotificationStatus;
  /** Raised alerts the lead has not acknowledged yet (the alert centre's count). */
  openAlerts?: number;
  /** Notices about the app itself, oldest first (absent: none). */
  notices?: AppNotice[];
  /** The configured accounts and whether each can sync (absent in demo and onboarding). */
  accounts?: AccountStatus[];
  /**
   * The IANA zone every date the app writes is in: the main process's, in which it words alert
   * sentences, notifications, quiet hours and snoozes; the renderer writes its own dates (an alert's
   * meta line, a card's countdown) in it too, so that in browser mode, where the browser's zone may
   * differ, one screen never shows two clocks. Absent: the runtime's own zone.
   */
  timeZone?: string;
}
