import { join, resolve } from 'node:path';
import { cacheDamageFoundText } from '../../../src-shared/display/cache-damage';
import { rulesAssumption } from '../../../src-shared/display/catalog-rules';
import { basisNoun, NO_MANUAL_DATA } from '../../../src-shared/display/data-basis';
import { evaluationJson, type AlertJson, type PoolStatusJson } from '../../../src-shared/engine/status-json';
import type { Settings } from '../../../src-shared/settings/settings';
import { toIso } from '../../../src-shared/time/instant';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings/settings';
import { freshnessPolicyOf, workspaceFreshness } from '../../app/compose-snapshot';
import { freshnessFactsOf, settingsOverrides } from '../../app/engine-view';
import { cardStateLabel } from '../../../src-shared/display/state-label';
import { distinctWorkspaceNames } from '../../../src-shared/display/workspace-names';
import { inUrgencyOrder, poolAsShown } from '../../app/pool-as-shown';
import { thresholdsInForce, thresholdTextOf } from '../../app/threshold-overrides';
import type { CachedWorkspace } from '../../db/repositories/workspaces-repository';
import type { Cache } from '../../cache/cache';
import { evaluateCache } from '../../cache/evaluate-cache';
import { cacheDamageMarked } from '../../cache/open-app-cache';
import { cacheFailureOf } from '../../db/cache-failure';
import { lastImportAt } from '../../manual/last-import';
import { freshnessOf } from '../../sync/freshness';
import { freshnessText } from '../../../src-shared/display/freshness-text';
import { syncFailureOf } from '../../sync/sync-failure';
import { openCacheFile, withCache } from '../cache-io';
import { openDataFolderToRead, SETTINGS_FILE } from '../data-folder';
import { budgetLines } from '../format/budget-lines';
import { statusTable } from '../format/status-table';
import { shortInstant } from '../format/table';
import { shownWorkspaces } from '../shown-workspaces';
import { asOfFlag, loadCatalog, parseFlags, type CliIo } from '../io';
import { CliError, EXIT_USAGE } from '../cli-error';

const USAGE = 'creditbar status (--data DIR | --db FILE) [--as-of ISO] [--json] [--catalog FILE]';

/** What `status --db` says in text mode: a cache file alone has no Settings, so the card may differ. */
export const NO_SETTINGS_NOTE =
  "Note: budgets and thresholds set in the app's Settings are not included (use --data DIR to include them).";

/** `creditbar status`: the engine's status of every cached workspace and pool, in the evaluate shape. */
export async function statusCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'status',
    argv,
    {
      db: { type: 'string' },
      data: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      catalog: { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length > 0)
    throw new CliError(`status: unexpected argument "${positionals[0]}"\nusage: ${USAGE}`, EXIT_USAGE);
  if (values.db !== undefined && values.data !== undefined)
    throw new CliError(
      `status: give --data DIR (the app's data folder, with its Settings) or --db FILE (a cache file alone), not both\nusage: ${USAGE}`,
      EXIT_USAGE,
    );
  if (!values.db && !values.data)
    throw new CliError(
      `status: missing --data DIR (the app's data folder) or --db FILE (a cache file)\nusage: ${USAGE}`,
      EXIT_USAGE,
    );
  const asOf = asOfFlag(values['as-of'], io);
  const catalog = await loadCatalog(values.catalog);
  const folder = values.data ? openDataFolderToRead(resolve(values.data), io) : null;
  if (folder && folder.reset.length > 0) {
    // The app replaces such values by the defaults when it starts: say so, and show what it would.
    const keys = folder.reset.map((k) => `"${k}"`).join(' and ');
    const file = join(resolve(values.data!), SETTINGS_FILE);
    io.stderr(`creditbar: ${file}: ${keys} not valid, so the defaults apply to them here as in the app\n`);
  }
  const opened = folder ? folder.cache : openCacheFile(values.db!, io, 'read-only');
  await withCache(opened, (cache) => {
    // A cache the app marked damaged (moved aside at its next start): its one sentence, first.
    const marked = cacheDamageMarked(cache.file);
    const damaged = marked === null ? null : cacheDamageFoundText(marked);
    try {
      statusOf(cache, damaged);
    } catch (err) {
      // What it could not read is that damage: the same sentence, not the CLI's other instruction.
      if (damaged !== null && cacheFailureOf(err, cache.file)?.kind === 'damaged')
        throw new CliError(damaged);
      throw err;
    }
  });

  function statusOf(cache: Cache, damaged: string | null): void {
    // The workspaces the app's cards show, by its own rule; the others are named, not evaluated.
    const { shown: workspaces, notShownLine } = shownWorkspaces(cache, folder?.settings ?? null);
    // The lead's budgets and thresholds as the app's runtime turns them into the engine's overrides.
    const overrides = folder ? settingsOverrides(workspaces, folder.settings, catalog) : undefined;
    const evaluation = evaluateCache(cache, {
      asOf,
      catalog,
      workspaceIds: workspaces.map((w) => w.workspace.id),
      ...(overrides ? { overrides } : {}),
    });
    const json = evaluationJson(evaluation);
    // Each pool as its card shows it (state, badge word), by the app's own helper over the card's
    // freshness (workspaceFreshness on the CLI's clock), listed in the tray's and the overview's
    // order (most urgent first): the table and the JSON alike.
    const settings = folder?.settings ?? DEFAULT_SETTINGS;
    const byId = new Map(workspaces.map((w) => [w.workspace.id, w]));
    // A name two workspaces share is printed with each one's id, so their rows say which is which.
    const names = distinctWorkspaceNames(workspaces.map((w) => w.workspace));
    const freshness = new Map(
      workspaces.map((w) => [
        w.workspace.id,
        workspaceFreshness(freshnessFactsOf(cache, w), { now: io.now(), settings }),
      ]),
    );
    const shown = json.pools.map((p) => {
      const { thresholdsInForce, ...state } = poolAsShown(
        p,
        freshness.get(p.workspaceId)!,
        settings,
        byId.get(p.workspaceId)!.workspace,
      );
      return { ...p, ...state, stateLabel: cardStateLabel({ ...state, thresholdsInForce }) };
    });
    const pools = inUrgencyOrder(shown, (p) => names.get(p.workspaceId) ?? p.workspaceId);
    const result = { ...json, pools };
    if (values.json) {
      if (damaged !== null) io.stderr(`creditbar: ${damaged}\n`);
      if (notShownLine !== null) io.stderr(`creditbar: ${notShownLine}\n`);
      io.stdout(JSON.stringify(result, null, 2) + '\n');
      return;
    }
    if (damaged !== null) io.stdout(`${damaged}\n\n`);
    const grants = workspaces.flatMap((w) => cache.read.grants.forWorkspace(w.key, w.workspace.id));
    const alerts = folder
      ? inCardWords(result.alerts, result.pools, workspaces, folder.settings)
      : result.alerts;
    const states = new Map(pools.map((p) => [`${p.workspaceId}/${p.pool}`, p.stateLabel]));
    io.stdout(statusTable(result.asOf, pools, alerts, names, grants, budgetLines(evaluation), states));
    // The card's freshness words: the folder's sync interval and stale limit, else the defaults.
    const policy = freshnessPolicyOf(folder?.settings ?? DEFAULT_SETTINGS);
    const lines = workspaces.flatMap((w) => {
      const { provider, catalogVersion } = w.workspace;
      // The card's sentence, under the workspace's line, where its rules are an assumption.
      const assumed = rulesAssumption(provider, catalogVersion, w.origin);
      return [dataLine(w), ...(assumed ? [`    ${assumed}`] : [])];
    });
    function dataLine(w: (typeof workspaces)[number]): string {
      const state = cache.read.syncState.workspace(w.key);
      const account = cache.read.accounts.get(w.accountId);
      if (w.origin === 'manual' || !account?.serverUrl) {
        const last = cache.read.readings
          .ofWorkspace(w.key, w.workspace.id)
          .filter((r) => !r.reading.dismissed)
          .at(-1);
        const source = w.origin === 'manual' ? 'added by hand' : 'imported from a ledger file';
        // The card's words: a hand-kept workspace is as fresh as its last reading or newest imported event.
        const imported = w.origin === 'manual' ? lastImportAt(cache, w) : null;
        const facts = [
          ...(last ? [`${basisNoun('reading')} ${shortInstant(last.reading.at)} UTC`] : []),
          ...(imported !== null ? [`${basisNoun('import')} ${shortInstant(toIso(imported))} UTC`] : []),
        ];
        if (facts.length === 0 && w.origin === 'manual') facts.push(NO_MANUAL_DATA.toLowerCase());
        return `  ${names.get(w.workspace.id)}: ${[source, ...facts].join('; ')}`;
      }
      const failure = syncFailureOf(cache.read.syncState.account(w.accountId), state);
      // The card's badge, word for word ("cached 12 minutes ago"), on the CLI's clock in UTC.
      const text = freshnessText(freshnessOf(state.lastSuccessAt, io.now(), policy, failure), io.now(), {
        locale: 'en-US',
        timeZone: 'UTC',
      });
      const freshness = `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
      return `  ${names.get(w.workspace.id)}: ${freshness}${state.lastError ? ` (last error: ${state.lastError})` : ''}`;
    }
    io.stdout(
      [
        '',
        'Data:',
        ...lines,
        ...(notShownLine !== null ? ['', notShownLine] : []),
        ...(folder ? [] : ['', NO_SETTINGS_NOTE]),
        '',
      ].join('\n'),
    );
  }
}

/**
 * Threshold alerts in the alert centre's words where the lead set credits ("50 credits of the
 * integration pool used", not the engine's "0.5%"), by the runtime's own thresholdsInForce.
 */
function inCardWords(
  alerts: AlertJson[],
  pools: readonly PoolStatusJson[],
  workspaces: readonly CachedWorkspace[],
  settings: Settings,
): AlertJson[] {
  const textOf = thresholdTextOf(
    workspaces.map((w) => ({
      id: w.workspace.id,
      pools: pools
        .filter((p) => p.workspaceId === w.workspace.id)
        .map((p) => ({
          pool: p.pool,
          thresholdsInForce: thresholdsInForce(settings, w.workspace, p.pool, p.allowance),
        })),
    })),
  );
  return alerts.map((a) => {
    const text =
      a.kind === 'threshold' && a.percent !== undefined
        ? textOf(a.workspaceId, a.pool, a.percent)
        : undefined;
    // The engine's sentence says the percent first ("Studio: 0.5% of the integration pool used ...").
    return text ? { ...a, message: a.message.replace(`${a.percent}% of the`, `${text} of the`) } : a;
  });
}
