import { z } from 'zod';
import type { CatalogVersionJson } from '../catalog/catalog-text';
import type { CsvImportResult, CsvPreview } from '../csv/csv-preview';
import type { PoolKind } from '../types/ledger';
import {
  csvImportInputSchema,
  manualWorkspaceInputSchema,
  readingAnswerSchema,
  readingInputSchema,
  workspaceRefSchema,
  type ReadingResult,
  type ReadingRow,
} from './manual-contract';
import type { ReportJson } from '../engine/report-json';
import { settingsPatchSchema, type Account, type Settings } from '../settings/settings';
import {
  channelIdSchema,
  channelInputSchema,
  channelUpdateSchema,
  type ChannelTestResult,
  type ChannelView,
} from './channels';
import type { Snapshot } from './snapshot';
import type { UpdateStatus } from './update-status';

/**
 * The one IPC contract: every call the renderer may make, its channel, the zod schema its payload
 * must pass, and the type it returns. The Electron wrapper (src-main/ipc) and the browser-mode
 * transport both register handlers from this table, and the preload exposes exactly these names.
 */

/** A call from the renderer: a payload checked by `input`, a result of type O. */
export interface InvokeSpec<I extends z.ZodType, O> {
  channel: string;
  input: I;
  /** Phantom: carries the result type. */
  output?: O;
}

function invoke<O>() {
  return <I extends z.ZodType>(channel: string, input: I): InvokeSpec<I, O> => ({ channel, input });
}

const none = z.undefined();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

export const historyRequestSchema = z
  .object({ period: month, workspaceId: z.string().min(1).optional() })
  .strict();
export const exportRequestSchema = z
  .object({ period: month, format: z.enum(['csv', 'json']), workspaceId: z.string().min(1).optional() })
  .strict();
export const accountInputSchema = z
  .object({
    label: z.string().trim().min(1).max(80),
    serverUrl: z.url({ protocol: /^https?$/ }),
    token: z.string().min(8).max(4096),
  })
  .strict();
export const connectionTestSchema = accountInputSchema.omit({ label: true });
export const snoozeSchema = z.object({ for: z.enum(['1h', 'tomorrow', 'off']) }).strict();
export const accountTokenSchema = z
  .object({ id: z.string().min(1), token: accountInputSchema.shape.token })
  .strict();
export const noticeKeySchema = z.object({ key: z.string().min(1).max(200) }).strict();

/** Whether "Sync now" started a sync, and if not, why (one sentence for the lead). */
export interface SyncNowResult {
  started: boolean;
  reason?: string;
}

/** A past month reviewed from the cache, and which months can be picked. */
export interface HistoryResult {
  report: ReportJson;
  /** Months with data, newest first, `YYYY-MM`. */
  months: string[];
  /** Workspace names by id. */
  names: Record<string, string>;
  /** Member names by workspace id, then member id (breakdowns name people, not ids). */
  memberNames?: Record<string, Record<string, string>>;
}

export interface ExportResult {
  filename: string;
  mime: string;
  content: string;
}

/** Which alerts the lead acknowledges: by key, or every open one of a workspace. */
export const acknowledgeSchema = z.union([
  z.object({ keys: z.array(z.string().min(1).max(500)).min(1).max(500) }).strict(),
  z.object({ workspaceId: z.string().min(1) }).strict(),
]);

/** What removing an account takes with it, for the confirmation that names it. */
export interface AccountRemoval {
  id: string;
  label: string;
  /** Its workspaces' names. */
  workspaces: string[];
  /** Calendar months of usage kept for them. */
  months: number;
  /** Alerts raised for them. */
  alerts: number;
}

export interface ConnectionTestResult {
  ok: boolean;
  message: string;
  workspaces: number;
}

export const invokeContract = {
  getSnapshot: invoke<Snapshot>()('snapshot:get', none),
  syncNow: invoke<SyncNowResult>()('sync:now', none),
  getHistoryMonths: invoke<string[]>()('history:months', none),
  getHistory: invoke<HistoryResult>()('history:get', historyRequestSchema),
  exportHistory: invoke<ExportResult>()('history:export', exportRequestSchema),
  getSettings: invoke<Settings>()('settings:get', none),
  updateSettings: invoke<Settings>()('settings:update', settingsPatchSchema),
  addAccount: invoke<Account>()('accounts:add', accountInputSchema),
  removeAccount: invoke<Settings>()('accounts:remove', z.object({ id: z.string().min(1) }).strict()),
  /** Stores a new token for an existing account (tested first), e.g. after a restart lost it. */
  setAccountToken: invoke<Account>()('accounts:set-token', accountTokenSchema),
  testConnection: invoke<ConnectionTestResult>()('accounts:test', connectionTestSchema),
  startDemo: invoke<Settings>()('demo:start', none),
  snoozeAlerts: invoke<{ pausedUntil: string | null }>()('alerts:snooze', snoozeSchema),
  /** Marks alerts as dealt with: the alert centre lists them after the open ones, the count drops. */
  acknowledgeAlerts: invoke<{ acknowledged: number }>()('alerts:acknowledge', acknowledgeSchema),
  /** What removing an account would take with it (its workspaces, months of history, alerts). */
  accountRemoval: invoke<AccountRemoval>()('accounts:removal', z.object({ id: z.string().min(1) }).strict()),
  dismissNotice: invoke<{ dismissed: boolean }>()('notices:dismiss', noticeKeySchema),
  getUpdateStatus: invoke<UpdateStatus>()('updates:status', none),
  /** The lead's "Check now": runs even on a metered connection or with automatic checks off. */
  checkForUpdates: invoke<UpdateStatus>()('updates:check', none),
  downloadUpdate: invoke<UpdateStatus>()('updates:download', none),
  /** Quits and installs a downloaded update. */
  installUpdate: invoke<{ installing: boolean }>()('updates:install', none),
  /** Escape on the popover's first screen: hide it (Electron; nothing to hide in a browser). */
  hidePopover: invoke<{ hidden: boolean }>()('window:hide-popover', none),
  listChannels: invoke<ChannelView[]>()('channels:list', none),
  addChannel: invoke<ChannelView>()('channels:add', channelInputSchema),
  updateChannel: invoke<ChannelView>()('channels:update', channelUpdateSchema),
  removeChannel: invoke<Settings>()('channels:remove', channelIdSchema),
  testChannel: invoke<ChannelTestResult>()('channels:test', channelIdSchema),
  /** The platforms' rules in dated versions, for the form that adds a workspace by hand. */
  getCatalog: invoke<CatalogVersionJson[]>()('catalog:get', none),
  addManualWorkspace: invoke<{ id: string }>()('workspaces:add-manual', manualWorkspaceInputSchema),
  /** Removes a workspace kept on this computer, with its readings and usage. */
  removeWorkspace: invoke<{ removed: string }>()('workspaces:remove', workspaceRefSchema),
  recordReading: invoke<ReadingResult>()('readings:add', readingInputSchema),
  /** Answers a backwards reading: a top-up, or a mistake. */
  answerReading: invoke<{ done: true }>()('readings:answer', readingAnswerSchema),
  listReadings: invoke<ReadingRow[]>()('readings:list', workspaceRefSchema),
  previewCsvImport: invoke<CsvPreview>()('import:csv-preview', csvImportInputSchema),
  importCsv: invoke<CsvImportResult>()('import:csv', csvImportInputSchema),
} as const;

export type InvokeContract = typeof invokeContract;
export type InvokeName = keyof InvokeContract;
export type InvokeInput<N extends InvokeName> = z.input<InvokeContract[N]['input']>;
export type InvokeOutput<N extends InvokeName> = NonNullable<InvokeContract[N]['output']>;

/** Messages the main process pushes to the renderer. */
export interface PushSpec<P> {
  channel: string;
  payload?: P;
}

function push<P>(channel: string): PushSpec<P> {
  return { channel };
}

export const pushContract = {
  onSnapshot: push<Snapshot>('snapshot:changed'),
  /** A notification was clicked: show this workspace (or, for the reading reminder, the reading field of a pool). */
  onOpenWorkspace: push<{ workspaceId: string; readingPool?: PoolKind }>('ui:open-workspace'),
  onUpdateStatus: push<UpdateStatus>('updates:changed'),
} as const;

export type PushContract = typeof pushContract;
export type PushName = keyof PushContract;
export type PushPayload<N extends PushName> = NonNullable<PushContract[N]['payload']>;

/** The API the preload exposes on window.api (and the browser transport imitates). */
export type RendererApi = {
  [N in InvokeName]: InvokeInput<N> extends undefined
    ? () => Promise<InvokeOutput<N>>
    : (input: InvokeInput<N>) => Promise<InvokeOutput<N>>;
} & {
  [N in PushName]: (listener: (payload: PushPayload<N>) => void) => () => void;
};
