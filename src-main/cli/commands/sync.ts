import { builtinCatalog } from '../../../src-shared/catalog/catalog';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings/settings';
import { createApiClient, type RetryNotice } from '../../sync/api-client';
import { driftOf } from '../../sync/reconcile';
import { syncAccount, type SyncProgress, type SyncSummary } from '../../sync/sync-account';
import { SyncError } from '../../sync/sync-errors';
import { createCacheIfAbsent, dbFlag, openCacheFile, removeCreatedCache, withCache } from '../cache-io';
import { CliError, EXIT_USAGE } from '../cli-error';
import { loadCatalog, parseFlags, type CliIo } from '../io';

const USAGE =
  'creditbar sync --server URL --token-env NAME --db FILE [--account ID] [--page-size N] [--timeout SECONDS] [--budget MINUTES] [--progress] [--json]';

/** Exit code of a sync cancelled with Ctrl-C (128 + SIGINT), as shells expect. */
const EXIT_CANCELLED = 130;

const count = (n: number) => n.toLocaleString('en-US');

function serverFlag(value: string | undefined): URL {
  if (!value) throw new CliError(`sync: missing --server URL\nusage: ${USAGE}`, EXIT_USAGE);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`--server "${value}" is not a URL: use e.g. http://127.0.0.1:4000`, EXIT_USAGE);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`--server "${value}" must be an http:// or https:// URL`, EXIT_USAGE);
  }
  return url;
}

function positiveInt(flag: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new CliError(`--${flag} "${value}" must be a whole number from 1 to ${max}`, EXIT_USAGE);
  return n;
}

/** One line a person reads after a sync. */
export function summaryLine(summary: SyncSummary, server: string): string {
  const seconds = ((summary.finishedAt - summary.startedAt) / 1000).toFixed(1);
  const duplicates = summary.received - summary.inserted;
  const drifting = summary.workspaces.flatMap((w) =>
    w.drift
      .filter((d) => driftOf(d) !== 0)
      .map((d) => `${w.workspaceId} ${d.pool} ${driftOf(d) > 0 ? '+' : ''}${count(driftOf(d))}`),
  );
  const checked = summary.workspaces.some((w) => w.drift.length > 0);
  const drift = !checked
    ? ''
    : drifting.length === 0
      ? '; balances match the server'
      : `; drift against the server: ${drifting.join(', ')}`;
  const skew =
    Math.abs(summary.serverOffsetMs) >= 60_000
      ? `; the server's clock is ${Math.round(summary.serverOffsetMs / 60_000)} min off ours`
      : '';
  return (
    `synced ${summary.workspaces.length} workspace(s) from ${server}: ${count(summary.inserted)} new event(s)` +
    `${duplicates > 0 ? ` (${count(duplicates)} already cached)` : ''} in ${summary.pages} page(s), ${seconds} s${drift}${skew}`
  );
}

/**
 * Progress on stderr: on a terminal one line redrawn at most every 200 ms; with --progress and no
 * terminal (logs, tests), one line per page stored.
 */
function progressPrinter(io: CliIo) {
  let last = 0;
  let shown = false;
  return {
    update(p: SyncProgress) {
      const text = `syncing ${p.workspaceId}: ${count(p.received)} events (${count(p.total)} in all)`;
      if (!io.isTty) return io.stderr(`${text}\n`);
      const t = io.now();
      if (t - last < 200) return;
      last = t;
      shown = true;
      io.stderr(`\r\x1b[K${text}`);
    },
    /** A failed request about to be tried again: said, so that a long sync under faults is not silent. */
    retry(n: RetryNotice) {
      const text = `retrying ${n.path} in ${(n.delayMs / 1000).toFixed(1)} s (attempt ${n.attempt + 1}): ${n.reason}`;
      if (!io.isTty) return io.stderr(`${text}\n`);
      last = io.now();
      shown = true;
      io.stderr(`\r\x1b[K${text}`);
    },
    clear() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}

/** `creditbar sync`: pulls an account's workspaces, grants and usage into a cache file. */
export async function syncCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'sync',
    argv,
    {
      server: { type: 'string' },
      'token-env': { type: 'string' },
      db: { type: 'string' },
      account: { type: 'string' },
      'page-size': { type: 'string' },
      timeout: { type: 'string' },
      budget: { type: 'string' },
      catalog: { type: 'string' },
      json: { type: 'boolean' },
      progress: { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length > 0)
    throw new CliError(`sync: unexpected argument "${positionals[0]}"\nusage: ${USAGE}`, EXIT_USAGE);
  const server = serverFlag(values.server);
  const tokenEnv = values['token-env'];
  if (!tokenEnv)
    throw new CliError(
      `sync: missing --token-env NAME (the environment variable holding the account token)\nusage: ${USAGE}`,
      EXIT_USAGE,
    );
  const token = process.env[tokenEnv];
  if (!token)
    throw new CliError(
      `the environment variable ${tokenEnv} is empty or not set: put the account's token in it`,
      EXIT_USAGE,
    );
  const file = dbFlag('sync', values.db, USAGE);
  const pageSize = positiveInt('page-size', values['page-size'], 5000, 5000);
  const timeoutMs = positiveInt('timeout', values.timeout, 30, 3600) * 1000;
  // A server that answers but fails is retried for this long (the app's Settings has the same one).
  const budgetMs = positiveInt('budget', values.budget, DEFAULT_SETTINGS.syncBudgetMinutes, 60) * 60_000;
  const catalog = values.catalog ? await loadCatalog(values.catalog) : builtinCatalog;
  const baseUrl = server.href.replace(/\/+$/, '');
  const account = { id: values.account ?? server.origin, label: server.host, serverUrl: baseUrl };

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = io.isTty || values.progress ? progressPrinter(io) : null;
  // A first sync that fails before it stores any usage (server unreachable, token refused ...)
  // leaves no file behind; once pages are stored they are kept, so that the next sync resumes.
  const created = createCacheIfAbsent(file);
  let storedUsage = false;
  let succeeded = false;
  try {
    const summary = await withCache(openCacheFile(file, io, 'create'), (cache) =>
      syncAccount(account, {
        cache,
        api: createApiClient({
          baseUrl,
          token,
          timeoutMs,
          deadline: io.now() + budgetMs,
          now: io.now,
          ...(progress ? { onRetry: (n: RetryNotice) => progress.retry(n) } : {}),
          authHint: `check the token in the environment variable ${tokenEnv} (--token-env)`,
        }),
        now: io.now,
        catalog,
        pageSize,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.total > 0) storedUsage = true;
          progress?.update(p);
        },
      }),
    );
    progress?.clear();
    io.stdout(values.json ? JSON.stringify(summary, null, 2) + '\n' : summaryLine(summary, baseUrl) + '\n');
    if (summary.errors.length > 0) throw new CliError(summary.errors.join('\ncreditbar: '));
    succeeded = true;
  } catch (err) {
    progress?.clear();
    if (err instanceof SyncError)
      throw new CliError(err.message, err.kind === 'cancelled' ? EXIT_CANCELLED : 1);
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
    if (created && !succeeded && !storedUsage) removeCreatedCache(file);
  }
}
