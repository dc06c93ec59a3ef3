import type { Snapshot } from '../../../src-shared/ipc/snapshot';
import { modeOf } from '../../app/app-runtime';
import { CliError, EXIT_USAGE } from '../cli-error';
import { dataFlag, openDataFolder, type DataFolder } from '../data-folder';
import { parseFlags, type CliIo } from '../io';
import { createStdoutLog } from '../stdout-log';

const USAGE = 'creditbar watch --data DIR [--demo] [--json] [--once]';

/** Logs each alert the first time a snapshot lists it. */
function alertLogger(folder: DataFolder, log: ReturnType<typeof createStdoutLog>) {
  const seen = new Set(folder.cache.alerts.list().map((a) => a.key));
  let raised = 0;
  return {
    onSnapshot(snapshot: Snapshot) {
      for (const a of [...snapshot.alerts].reverse()) {
        if (seen.has(a.key)) continue;
        seen.add(a.key);
        raised++;
        log.info('alert raised', { key: a.key, kind: a.kind, message: a.message });
      }
    },
    get raised() {
      return raised;
    },
  };
}

/** Messages still undelivered after a run, one line each: which channel, why. */
function undelivered(folder: DataFolder): string[] {
  return folder.settings
    .get()
    .channels.filter((c) => c.enabled)
    .flatMap((c) => {
      const open = folder.cache.read.deliveries.openMessage(c.id);
      const waiting = folder.cache.read.deliveries.waiting(c.id).length;
      if (!open && waiting === 0) return [];
      const why = open?.lastError
        ? `: ${open.lastError}`
        : waiting > 0
          ? ' (waiting for the rate limit)'
          : '';
      return [`"${c.label}" (${c.id})${why}`];
    });
}

/**
 * `creditbar watch`: the app's runtime with no window, over the same data folder (settings, cache,
 * encrypted secrets): syncs on the scheduler, raises alerts, delivers them to the channels, logs to
 * stdout (JSON lines with --json). `--once` does one sync, one alert pass and one delivery round,
 * then exits: 0 when all went out, 1 when the sync failed or a message is still undelivered (it
 * stays in the delivery log and goes out on the next run).
 */
export async function watchCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'watch',
    argv,
    {
      data: { type: 'string' },
      demo: { type: 'boolean' },
      json: { type: 'boolean' },
      once: { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length > 0)
    throw new CliError(`watch: unexpected argument "${positionals[0]}"\nusage: ${USAGE}`, EXIT_USAGE);
  const dir = dataFlag('watch', values.data, USAGE);
  const log = createStdoutLog(io, values.json === true);
  const folder = openDataFolder(dir, io, {
    log,
    // No desktop here: a notification is a log line (channels carry alerts to people).
    notify: (n) => log.info('notification', { title: n.title, body: n.body }),
    // One run of --once reads the demo as it stands: live activity ticking during the seconds of a
    // sync would make each run raise whatever the simulator happened to add (a cron job or a CI
    // check must see the same demo twice). The long-running watcher keeps the demo live.
    ...(values.once ? { demo: { autoTick: false } } : {}),
  });
  const { settings, runtime } = folder;
  try {
    if (values.demo && settings.get().accounts.length === 0 && !settings.get().demo)
      settings.update({ demo: true, onboarded: true });
    const mode = modeOf(settings.get());
    if (mode === 'onboarding')
      throw new CliError(
        `watch: nothing to watch in ${dir}: add an account with "creditbar account add --data ${dir} --server URL --token-env NAME", or pass --demo`,
      );
    const alerts = alertLogger(folder, log);
    runtime.subscribe((s) => alerts.onSnapshot(s));
    log.info('watch started', {
      data: dir,
      mode,
      accounts: mode === 'demo' ? 1 : settings.get().accounts.length,
      channels: settings.get().channels.filter((c) => c.enabled).length,
      once: values.once === true,
    });
    if (values.once) return await once(folder, log, alerts);
    await untilStopped(folder, log);
  } finally {
    await folder.close();
  }
}

async function once(
  folder: DataFolder,
  log: ReturnType<typeof createStdoutLog>,
  alerts: { raised: number },
): Promise<void> {
  let syncError: Error | null = null;
  try {
    await folder.runtime.syncOnce();
  } catch (err) {
    syncError = err as Error;
  }
  await folder.runtime.delivery.flush();
  const left = undelivered(folder);
  log.info('watch done', { alertsRaised: alerts.raised, undelivered: left.length });
  if (syncError) throw new CliError(`watch: the sync failed: ${syncError.message}`);
  if (left.length > 0)
    throw new CliError(
      `watch: ${left.length} message(s) not delivered yet, kept for the next run: ${left.join('; ')}`,
    );
}

async function untilStopped(folder: DataFolder, log: ReturnType<typeof createStdoutLog>): Promise<void> {
  folder.runtime.start();
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      log.info('watch stopping');
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
