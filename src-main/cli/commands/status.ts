import { rulesAssumption } from '../../../src-shared/display/catalog-rules';
import { basisNoun, NO_MANUAL_DATA } from '../../../src-shared/display/data-basis';
import { evaluationJson } from '../../../src-shared/engine/status-json';
import { toIso } from '../../../src-shared/time/instant';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings/settings';
import { evaluateCache } from '../../cache/evaluate-cache';
import { lastImportAt } from '../../manual/last-import';
import { describeFreshness, freshnessOf } from '../../sync/freshness';
import { syncFailureOf } from '../../sync/sync-failure';
import { dbFlag, openCacheFile, withCache } from '../cache-io';
import { budgetLines } from '../format/budget-lines';
import { statusTable } from '../format/status-table';
import { shortInstant } from '../format/table';
import { asOfFlag, loadCatalog, parseFlags, type CliIo } from '../io';
import { CliError, EXIT_USAGE } from '../cli-error';

const USAGE = 'creditbar status --db FILE [--as-of ISO] [--json] [--catalog FILE]';

/** `creditbar status`: the engine's status of every cached workspace and pool, in the evaluate shape. */
export async function statusCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'status',
    argv,
    {
      db: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      catalog: { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length > 0)
    throw new CliError(`status: unexpected argument "${positionals[0]}"\nusage: ${USAGE}`, EXIT_USAGE);
  const file = dbFlag('status', values.db, USAGE);
  const asOf = asOfFlag(values['as-of'], io);
  const catalog = await loadCatalog(values.catalog);
  await withCache(openCacheFile(file, io, 'read'), (cache) => {
    const evaluation = evaluateCache(cache, { asOf, catalog });
    const result = evaluationJson(evaluation);
    if (values.json) {
      io.stdout(JSON.stringify(result, null, 2) + '\n');
      return;
    }
    const workspaces = cache.read.workspaces.list();
    const names = new Map(workspaces.map((w) => [w.workspace.id, w.workspace.name]));
    const grants = workspaces.flatMap((w) => cache.read.grants.forWorkspace(w.key, w.workspace.id));
    io.stdout(statusTable(result.asOf, result.pools, result.alerts, names, grants, budgetLines(evaluation)));
    const policy = {
      liveForMs: DEFAULT_SETTINGS.syncIntervalMinutes * 60_000,
      staleAfterMs: DEFAULT_SETTINGS.staleAfterMinutes * 60_000,
    };
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
        return `  ${w.workspace.name}: ${[source, ...facts].join('; ')}`;
      }
      const failure = syncFailureOf(cache.read.syncState.account(w.accountId), state);
      const freshness = describeFreshness(freshnessOf(state.lastSuccessAt, io.now(), policy, failure));
      return `  ${w.workspace.name}: ${freshness}${state.lastError ? ` (last error: ${state.lastError})` : ''}`;
    }
    io.stdout(['', 'Data:', ...lines, ''].join('\n'));
  });
}
