import { z } from 'zod';
import { poolKindSchema } from '../types/ledger-schema';

/** Kinds of alert a lead can switch on or off, the engine's plus the app's own. */
export const alertKindSchema = z.enum([
  'threshold',
  'exhausted',
  'mid-period-audit',
  'projected-run-out',
  'member-budget',
  'sync-stale',
  'drift',
  'recovered',
  'reset',
]);
export type SettingsAlertKind = z.infer<typeof alertKindSchema>;

/** Thresholds of one workspace: percents of the pool, or absolute credits used. */
export const thresholdSettingSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('percent'), values: z.array(z.number().gt(0).max(100)).min(1).max(10) }),
  z.object({ unit: z.literal('credits'), values: z.array(z.number().positive()).min(1).max(10) }),
]);
export type ThresholdSetting = z.infer<typeof thresholdSettingSchema>;

/** A threshold setting as a lead may save it now: credit thresholds in whole credits. */
export const wholeThresholdSettingSchema = z.discriminatedUnion('unit', [
  thresholdSettingSchema.options[0],
  z.object({ unit: z.literal('credits'), values: z.array(z.number().int().positive()).min(1).max(10) }),
]);

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** An account the app syncs from; its token lives in the secret store, never here. */
export const accountSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  serverUrl: z.url(),
});
export type Account = z.infer<typeof accountSchema>;

/** Where alerts can go beside the desktop notification. */
export const channelKindSchema = z.enum(['webhook', 'slack', 'teams', 'shell']);
export type ChannelKind = z.infer<typeof channelKindSchema>;

/**
 * A channel alerts are delivered to. A webhook, Slack or Teams URL is a secret: it lives in the
 * secret store under `channel:<id>`, never here. A shell hook's command is here (the lead typed it).
 */
export const channelSchema = z.object({
  id: z.string().min(1).max(64),
  kind: channelKindSchema,
  label: z.string().trim().min(1).max(80),
  /** Shell hooks only: run with the message's JSON on stdin. */
  command: z.string().min(1).max(2000).optional(),
  /** Shell hooks only: stopped after this long (default 10 s). */
  timeoutSeconds: z.number().int().min(1).max(300).optional(),
  /** Alert kinds sent to this channel. */
  alerts: z.array(alertKindSchema),
  /** Workspace ids whose alerts go here; null: every workspace. */
  workspaces: z.array(z.string().min(1)).nullable(),
  /** Send the digest here too. */
  digest: z.boolean(),
  enabled: z.boolean(),
  /** Alerts raised before this instant are never sent here (adding a channel does not replay the past). */
  createdAt: z.iso.datetime(),
});
export type Channel = z.infer<typeof channelSchema>;

/** The alert kinds a new channel gets unless told otherwise: the loud ones, not good news or housekeeping. */
export const DEFAULT_CHANNEL_ALERTS: readonly SettingsAlertKind[] = [
  'threshold',
  'exhausted',
  'projected-run-out',
  'mid-period-audit',
  'member-budget',
];

/** The daily summary: off, every weekday, every day, or weekly (Mondays), at a local time. */
export const digestSettingsSchema = z.object({
  schedule: z.enum(['off', 'weekdays', 'daily', 'weekly']),
  time: clockTime,
  /** One desktop notification per account that opens the overview. */
  desktop: z.boolean(),
});
export type DigestSettings = z.infer<typeof digestSettingsSchema>;

/**
 * Everything the lead can set. Held by electron-store (typed, migrated); usage history lives in
 * SQLite and tokens in the secret store, never here.
 */
export const settingsSchema = z.object({
  version: z.literal(1),
  accounts: z.array(accountSchema),
  /** Run the embedded reference server with its simulator while no account is configured. */
  demo: z.boolean(),
  /** First run not yet past onboarding. */
  onboarded: z.boolean(),
  syncIntervalMinutes: z.number().int().min(1).max(1440),
  /** Data older than this shows as stale and raises a sync-stale alert. */
  staleAfterMinutes: z.number().int().min(5).max(10_080),
  /** The lead's thresholds per workspace: every pool of it, unless the pool has its own below. */
  thresholds: z.record(z.string(), thresholdSettingSchema),
  /** The lead's thresholds per workspace and pool (Base44's two pools differ a hundredfold). */
  poolThresholds: z.record(z.string(), z.partialRecord(poolKindSchema, thresholdSettingSchema)),
  /** Budgets per workspace and member, in credits per period. */
  budgets: z.record(z.string(), z.record(z.string(), z.number().positive())),
  notifications: z.object({
    enabled: z.boolean(),
    kinds: z.record(alertKindSchema, z.boolean()),
    /** Per workspace, kinds switched off there. */
    mutedByWorkspace: z.record(z.string(), z.array(alertKindSchema)),
  }),
  quietHours: z.object({ enabled: z.boolean(), start: clockTime, end: clockTime }),
  startAtLogin: z.boolean(),
  /**
   * The overview's order and shortlist: workspaces pinned to the top and hidden from the list (by
   * id, in the order pinned), and the large window's sort (the popover is always by urgency).
   */
  overview: z.object({
    pinned: z.array(z.string().min(1)).max(200),
    hidden: z.array(z.string().min(1)).max(200),
    sort: z.enum(['urgency', 'name']),
  }),
  /** Ask for today's reading of workspaces kept by hand whose last reading is older than `afterHours`. */
  readingReminder: z.object({
    enabled: z.boolean(),
    afterHours: z.number().int().min(1).max(720),
    weekdaysOnly: z.boolean(),
    at: clockTime,
  }),
  /** Look for a new release once a day (never offline or on a metered connection). */
  checkForUpdates: z.boolean(),
  theme: z.enum(['system', 'light', 'dark']),
  channels: z.array(channelSchema).max(50),
  /** At most one message per channel in this many seconds; alerts in between are merged into the next. */
  channelMinIntervalSeconds: z.number().int().min(0).max(86_400),
  digest: digestSettingsSchema,
  /** Keep account tokens in memory only (never on disk): they are entered again after a restart. */
  tokensSessionOnly: z.boolean(),
  /** How long one sync may keep retrying a server that fails (then it stops and says so). */
  syncBudgetMinutes: z.number().int().min(1).max(60),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  accounts: [],
  demo: false,
  onboarded: false,
  syncIntervalMinutes: 5,
  staleAfterMinutes: 30,
  thresholds: {},
  poolThresholds: {},
  budgets: {},
  notifications: {
    enabled: true,
    kinds: {
      threshold: true,
      exhausted: true,
      'mid-period-audit': true,
      'projected-run-out': true,
      'member-budget': true,
      'sync-stale': true,
      drift: true,
      // A pool back to normal and a new period are good news: the digest lists them, no pop-up.
      recovered: false,
      reset: false,
    },
    mutedByWorkspace: {},
  },
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  startAtLogin: false,
  overview: { pinned: [], hidden: [], sort: 'urgency' },
  readingReminder: { enabled: true, afterHours: 24, weekdaysOnly: true, at: '09:00' },
  checkForUpdates: true,
  theme: 'system',
  channels: [],
  channelMinIntervalSeconds: 60,
  digest: { schedule: 'weekdays', time: '09:00', desktop: true },
  tokensSessionOnly: false,
  syncBudgetMinutes: 5,
};

/** What the renderer may change: any top-level setting but the version, the accounts and the channels (own calls). */
export const settingsPatchSchema = settingsSchema
  .omit({ version: true, accounts: true, channels: true })
  .extend({
    // What the lead types now is whole credits: a budget of 1.5 is refused, not saved (older files
    // may hold fractions and still load).
    thresholds: z.record(z.string(), wholeThresholdSettingSchema),
    poolThresholds: z.record(z.string(), z.partialRecord(poolKindSchema, wholeThresholdSettingSchema)),
    budgets: z.record(z.string(), z.record(z.string(), z.number().int().positive())),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
