/** Why this copy cannot update itself. */
export type UpdateUnsupportedReason = 'browser' | 'development' | 'not-installed';

/** Where the updater stands: what Settings shows and what the tray offers. */
export type UpdatePhase =
  | { kind: 'unsupported'; reason: UpdateUnsupportedReason }
  /** No check yet in this run. */
  | { kind: 'idle' }
  /** An automatic check was due and did not run, for this reason (a manual check still can). */
  | { kind: 'skipped'; reason: 'offline' | 'metered' | 'disabled' }
  | { kind: 'checking' }
  | { kind: 'up-to-date' }
  /** Found and not downloaded: the connection is metered, so the lead decides. */
  | { kind: 'available'; version: string; bytes: number | null }
  | { kind: 'downloading'; version: string; percent: number }
  /** Downloaded: installs on restart (or when Creditbar quits). */
  | { kind: 'ready'; version: string }
  | { kind: 'error'; message: string };

/** What a button in Settings (or the tray) can do next. */
export type UpdateAction = 'check' | 'download' | 'install';

export type UpdateStatus = UpdatePhase & {
  currentVersion: string;
  /** When a check last got an answer (ISO 8601), or null. */
  lastCheckAt: string | null;
  /** One sentence for the lead, without times (the screen adds "last checked ..." itself). */
  message: string;
  actions: UpdateAction[];
};
