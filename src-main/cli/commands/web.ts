import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createAppRuntime } from '../../app/app-runtime';
import { embeddedDemoServer } from '../../app/demo-server';
import { createPusher } from '../../ipc/push-to-renderer';
import { createFileLog } from '../../logging/file-log';
import { damagedCacheNotice, openAppCache } from '../../cache/open-app-cache';
import { defaultKeyDir } from '../../secrets/key-file-cipher';
import { createNodeSecretStore } from '../../secrets/node-secret-store';
import { InsecureSecretsError } from '../../secrets/private-files';
import { createSessionOnlySwitch } from '../../secrets/session-only-switch';
import { createJsonFileSettingsBackend, SettingsFileError } from '../../settings/settings-file-backend';
import { createSettingsStore } from '../../settings/settings-store';
import { startWebServer } from '../../web/web-server';
import { cacheOpenError } from '../cache-io';
import { CliError, EXIT_USAGE } from '../cli-error';
import { parseFlags, type CliIo } from '../io';

const USAGE = [
  'creditbar web [--demo] [--data DIR] [--port N] [--renderer DIR]',
  '  The app in a browser: its services in this process, the built UI on 127.0.0.1. Prints a URL to',
  '  open (it carries a one-time session token); Ctrl-C stops it. npm run web builds the UI first.',
  '  --demo          start the embedded demo: the reference server with simulated usage',
  '  --data DIR      cache and settings folder (default ~/.creditbar-web, or $CREDITBAR_WEB_DATA)',
  '  --port N        port on 127.0.0.1, 0 to 65535 (default: a free one)',
  '  --renderer DIR  the built renderer (default: out/renderer of this checkout)',
].join('\n');

/** The built renderer in a checkout (electron-vite build writes it). */
const DEFAULT_RENDERER = resolve(import.meta.dirname, '../../../out/renderer');

/** The checkout's version (Settings says it next to the update line). */
function checkoutVersion(): string {
  const file = resolve(import.meta.dirname, '../../../package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Where browser mode keeps its cache and settings unless told otherwise. */
export function defaultWebDataDir(env: Readonly<Record<string, string | undefined>>): string {
  return env['CREDITBAR_WEB_DATA'] || join(homedir(), '.creditbar-web');
}

function portFlag(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(
      `web: --port must be a whole number from 0 to 65535, got "${value}"\nusage: ${USAGE}`,
      EXIT_USAGE,
    );
  return port;
}

/**
 * `creditbar web` (npm run web): the app's real services in this process (cache, sync, engine,
 * alerts, and the embedded demo server), and the built renderer served on 127.0.0.1 with the IPC
 * contract over HTTP. Runs until Ctrl-C. Tokens of accounts added here are kept encrypted in the
 * data folder, with the key outside it (see node-secret-store.ts), so they survive a restart.
 * Whatever cannot be used (settings, the key's folder, the cache) is said in one line before
 * anything is created.
 */
export async function webCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'web',
    argv,
    {
      demo: { type: 'boolean' },
      data: { type: 'string' },
      port: { type: 'string' },
      renderer: { type: 'string' },
      'test-hooks': { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length > 0)
    throw new CliError(`web: unexpected argument "${positionals[0]}"\nusage: ${USAGE}`, EXIT_USAGE);
  const port = portFlag(values.port);
  const rendererDir = resolve(values.renderer ?? DEFAULT_RENDERER);
  if (!existsSync(join(rendererDir, 'index.html')) || !existsSync(join(rendererDir, 'web-transport.js'))) {
    throw new CliError(
      `web: no built renderer in ${rendererDir}: run \`npx electron-vite build\` first (npm run web does)`,
    );
  }
  const dataDir = resolve(values.data ?? defaultWebDataDir(process.env));
  const keyDir = defaultKeyDir(process.env);

  // Settings and the token store first: a broken settings file or an unsafe key folder is said in
  // one line before the data folder, the log or the cache is created.
  let settings: ReturnType<typeof createSettingsStore>;
  let secrets: ReturnType<typeof createSessionOnlySwitch>;
  try {
    const stored = createNodeSecretStore({ file: join(dataDir, 'tokens.json'), keyDir });
    settings = createSettingsStore(createJsonFileSettingsBackend(join(dataDir, 'settings.json')));
    if (settings.readOnlyReason) throw new CliError(`web: ${settings.readOnlyReason}`);
    secrets = createSessionOnlySwitch(stored, settings);
  } catch (err) {
    if (err instanceof SettingsFileError || err instanceof InsecureSecretsError)
      throw new CliError(`web: ${err.message}`);
    throw err;
  }
  // Private like any folder of secrets: `creditbar watch` over the same folder refuses one others can read.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const cacheFile = join(dataDir, 'cache.sqlite');
  let opened: ReturnType<typeof openAppCache>;
  try {
    opened = openAppCache(cacheFile, { now: io.now, deferCheck: true });
  } catch (err) {
    throw cacheOpenError(err, cacheFile);
  }
  const cache = opened.cache;
  const log = createFileLog(join(dataDir, 'logs', 'creditbar.log'));
  log.info('cache opened', {
    checkMs: opened.checkMs,
    checkDeferred: opened.deferredCheck !== null,
    abnormalShutdown: opened.abnormalShutdown,
    movedAside: opened.movedAside,
  });
  if (values.demo && settings.get().accounts.length === 0 && !settings.get().demo)
    settings.update({ demo: true, onboarded: true });

  const runtime = createAppRuntime({
    cache,
    settings,
    secrets,
    startDemo: embeddedDemoServer(dataDir),
    // No desktop here: a notification is a line in the terminal (and the alert centre lists it).
    notify: (n) => io.stdout(`notification: ${n.title} | ${n.body.replace(/\n/g, ' | ')}\n`),
    log,
    appVersion: checkoutVersion(),
    checkCache: opened.deferredCheck,
  });
  const server = await startWebServer({ handlers: runtime.handlers, rendererDir, port, log });
  const push = createPusher(() => server.clients());
  runtime.subscribe((snapshot) => push('onSnapshot', snapshot));
  const damaged = damagedCacheNotice(opened);
  if (damaged) {
    runtime.addNotice('cache-damaged', damaged);
    log.warn('the cache was damaged and moved aside', { to: opened.movedAside, damage: opened.damage });
  }
  runtime.start();

  io.stdout(
    [
      "Creditbar in browser mode (the app's services in this process, the UI in your browser)",
      `  open          ${server.url}`,
      `  data          ${dataDir}`,
      `  mode          ${runtime.snapshot().mode}${runtime.snapshot().mode === 'onboarding' ? ' (the page offers the demo)' : ''}`,
      settings.get().tokensSessionOnly
        ? '  tokens        kept for this session only (Settings › Accounts): enter them again after a restart'
        : `  tokens        encrypted in ${join(dataDir, 'tokens.json')}, the key in ${keyDir} (readable only by you)`,
      ...(damaged ? [`  cache         ${damaged}`] : []),
      'Ctrl-C stops it.',
      '',
    ].join('\n'),
  );

  await new Promise<void>((done) => {
    let stopping = false;
    const hooks = values['test-hooks'] ? createInterface({ input: process.stdin }) : null;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      // An open stdin would keep the process alive after the stop (closing readline only pauses it).
      if (hooks) {
        hooks.close();
        process.stdin.destroy();
      }
      void (async () => {
        await server.close();
        await runtime.dispose();
        opened.close();
        io.stdout('Stopped.\n');
        done();
      })();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // End-to-end tests drive what no page can: "stop-demo" takes the demo server away (offline).
    hooks?.on('line', (line) => {
      // The runtime keeps the account, so the next sync meets a closed port, as when a real server goes down.
      if (line.trim() === 'stop-demo')
        void runtime
          .demoServer()
          ?.close()
          .then(() => io.stdout('test-hook: demo server stopped\n'));
      if (line.trim() === 'quit') stop();
    });
  });
}
