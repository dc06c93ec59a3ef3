import type {
  UpdateAction,
  UpdatePhase,
  UpdateStatus,
  UpdateUnsupportedReason,
} from '../../src-shared/ipc/update-status';

const HOUR = 3_600_000;

/** An automatic check runs at most once a day... */
export const CHECK_EVERY_MS = 24 * HOUR;
/** ...and, after a failed attempt, not again for an hour. */
export const RETRY_AFTER_MS = HOUR;

/** The network as far as the machine can tell; metered is null where the OS does not say (macOS). */
export interface NetworkState {
  online: boolean;
  metered: boolean | null;
}

/** What the running copy is: decides whether it can update itself. */
export interface InstallKind {
  packaged: boolean;
  platform: NodeJS.Platform;
  /** $APPIMAGE: set by the AppImage runtime to the AppImage file. */
  appImage: string | undefined;
  /** The `package-type` file electron-builder puts in a .deb's or .rpm's resources, if any. */
  packageType: string | null;
}

/**
 * Why this copy cannot update itself, or null. electron-updater replaces an AppImage in place and
 * installs a .deb or .rpm with the system's package tool; a copy run from an unpacked folder has
 * nothing it could replace, and a development run is not a release.
 */
export function unsupportedReason(kind: InstallKind): UpdateUnsupportedReason | null {
  if (!kind.packaged) return 'development';
  if (kind.platform !== 'linux') return null;
  if (kind.appImage) return null;
  return kind.packageType === 'deb' || kind.packageType === 'rpm' ? null : 'not-installed';
}

/** What started a check: the app's start, the hourly timer, a wake from sleep, or the lead's button. */
export type UpdateTrigger = 'start' | 'timer' | 'resume' | 'manual';

export interface UpdateCheckInput {
  trigger: UpdateTrigger;
  /** The "check for updates automatically" setting. */
  enabled: boolean;
  unsupported: UpdateUnsupportedReason | null;
  network: NetworkState;
  now: number;
  /** When a check last got an answer, and when one was last attempted (epoch ms), or null. */
  lastCheckAt: number | null;
  lastAttemptAt: number | null;
  /** A check or a download is running. */
  busy: boolean;
}

export type UpdateCheckDecision =
  | { check: true }
  | {
      check: false;
      reason: 'unsupported' | 'busy' | 'disabled' | 'not-due' | 'offline' | 'metered';
    };

/**
 * Whether to ask the release server now. Automatic checks: only in an installed copy, with the
 * setting on, once a day (an hour after a failed attempt), never offline and never on a metered
 * connection (an unknown one counts as unmetered: the check itself is a few KB). The lead's own
 * "Check now" skips the setting, the schedule and the metered rule, but not the network.
 */
export function decideUpdateCheck(input: UpdateCheckInput): UpdateCheckDecision {
  if (input.unsupported) return { check: false, reason: 'unsupported' };
  if (input.busy) return { check: false, reason: 'busy' };
  const manual = input.trigger === 'manual';
  if (!manual) {
    if (!input.enabled) return { check: false, reason: 'disabled' };
    const checkedRecently = input.lastCheckAt !== null && input.now - input.lastCheckAt < CHECK_EVERY_MS;
    const triedRecently = input.lastAttemptAt !== null && input.now - input.lastAttemptAt < RETRY_AFTER_MS;
    if (checkedRecently || triedRecently) return { check: false, reason: 'not-due' };
  }
  if (!input.network.online) return { check: false, reason: 'offline' };
  if (!manual && input.network.metered === true) return { check: false, reason: 'metered' };
  return { check: true };
}

/**
 * Whether a found update downloads by itself (an installer is ~100 MB): not on a metered connection,
 * where Settings offers a Download button instead.
 */
export function downloadAutomatically(network: NetworkState): boolean {
  return network.online && network.metered !== true;
}

function megabytes(bytes: number | null): string {
  return bytes === null ? '' : ` (${Math.max(1, Math.round(bytes / 1_000_000))} MB)`;
}

/** What to tell the lead about a phase: one sentence, and the buttons that make sense next. */
export function describeUpdate(
  phase: UpdatePhase,
  currentVersion: string,
): { message: string; actions: UpdateAction[] } {
  switch (phase.kind) {
    case 'unsupported':
      return {
        message:
          phase.reason === 'browser'
            ? 'Browser mode does not update itself: the desktop app checks for new releases.'
            : phase.reason === 'development'
              ? 'This is a development build: only an installed Creditbar checks for new releases.'
              : 'This copy was not installed from the AppImage or the .deb package: update it the way you installed it.',
        actions: [],
      };
    case 'idle':
      return { message: `You have Creditbar ${currentVersion}.`, actions: ['check'] };
    case 'skipped':
      return {
        message:
          phase.reason === 'offline'
            ? 'Not checked for updates: there is no network connection. Creditbar tries again later.'
            : phase.reason === 'metered'
              ? 'Not checked for updates on a metered connection. Check now to do it anyway.'
              : 'Automatic update checks are off.',
        actions: ['check'],
      };
    case 'checking':
      return { message: 'Checking for updates…', actions: [] };
    case 'up-to-date':
      return { message: `Creditbar ${currentVersion} is the latest version.`, actions: ['check'] };
    case 'available':
      return {
        message: `Creditbar ${phase.version} is available (you have ${currentVersion}). You are on a metered connection: download it${megabytes(phase.bytes)} when you are ready.`,
        actions: ['download'],
      };
    case 'downloading':
      return {
        message: `Downloading Creditbar ${phase.version}: ${Math.floor(phase.percent)} %.`,
        actions: [],
      };
    case 'ready':
      return {
        message: `Creditbar ${phase.version} is ready: restart to update, or it installs when you quit.`,
        actions: ['install'],
      };
    case 'error':
      return { message: `The update check failed: ${phase.message}`, actions: ['check'] };
  }
}

/** The status as sent to the renderer. */
export function updateStatus(
  phase: UpdatePhase,
  currentVersion: string,
  lastCheckAt: number | null,
): UpdateStatus {
  return {
    ...phase,
    currentVersion,
    lastCheckAt: lastCheckAt === null ? null : new Date(lastCheckAt).toISOString(),
    ...describeUpdate(phase, currentVersion),
  };
}

/** An updater error for the lead, and whether it still counts as an answer (retry tomorrow). */
export interface UpdateErrorView {
  message: string;
  /** The server answered (no release yet): wait a day like after a check, not an hour. */
  answered: boolean;
}

/**
 * An updater error as one short sentence. electron-updater's messages can carry a whole HTTP
 * response (headers and body); the lead needs the first line, and plain words for the usual cases.
 */
export function updateErrorView(error: unknown): UpdateErrorView {
  const raw = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_UPDATER_NO_PUBLISHED_VERSIONS' || code === 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND')
    return { message: 'no release is published yet. Creditbar looks again tomorrow.', answered: true };
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND')
    return {
      message: 'the latest release has no update file for this system yet. Creditbar looks again tomorrow.',
      answered: true,
    };
  if (/ERR_INTERNET_DISCONNECTED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET/.test(raw))
    return {
      message: 'the release server could not be reached. Creditbar tries again in an hour.',
      answered: false,
    };
  const first = raw.split('\n')[0]!.trim().replace(/\.$/, '');
  const short = first.length > 140 ? `${first.slice(0, 139)}…` : first || 'unknown error';
  return { message: `${short}. Creditbar tries again in an hour.`, answered: false };
}
