import { evaluateLedger } from '../../../src-shared/engine/evaluate';
import { evaluationJson } from '../../../src-shared/engine/status-json';
import { budgetLines } from '../format/budget-lines';
import { statusTable } from '../format/status-table';
import { asOfFlag, loadCatalog, loadLedger, onePositional, parseFlags, type CliIo } from '../io';

const USAGE = 'creditbar evaluate LEDGER.json [--as-of ISO] [--json] [--catalog FILE]';

/** `creditbar evaluate`: the engine's status of every workspace and pool of a ledger at an instant. */
export async function evaluateCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'evaluate',
    argv,
    { 'as-of': { type: 'string' }, json: { type: 'boolean' }, catalog: { type: 'string' } },
    USAGE,
  );
  const path = onePositional('evaluate', positionals, 'the ledger file', USAGE);
  const asOf = asOfFlag(values['as-of'], io);
  const catalog = await loadCatalog(values.catalog);
  const ledger = await loadLedger(path, catalog);
  const evaluation = evaluateLedger(ledger, { asOf, catalog });
  const result = evaluationJson(evaluation);
  if (values.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
  else
    io.stdout(
      statusTable(
        result.asOf,
        result.pools,
        result.alerts,
        new Map(ledger.workspaces.map((w) => [w.id, w.name])),
        ledger.grants,
        budgetLines(evaluation),
      ),
    );
}
