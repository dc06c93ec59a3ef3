import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Catalog } from '../../src-shared/catalog/catalog';
import type { PoolBalance } from '../../src-shared/engine/pool-balances';
import type { Settings } from '../../src-shared/settings/settings';
import type { Millis } from '../../src-shared/time/instant';
import type { Cache } from '../cache/cache';
import type { EvaluateRequest } from '../evaluator/cache-evaluator';
import type { EvaluatedBatch } from '../evaluator/evaluate-batch';
import { EvaluatorCrashedError, type CacheEvaluatorClient } from '../evaluator/evaluator-client';
import { engineRequest, type EngineView } from './engine-view';

export interface ViewRefresherDeps {
  cache: Cache;
  evaluator: CacheEvaluatorClient;
  now: () => Millis;
  /** Read at each refresh: the accounts shown, the lead's thresholds and budgets, the catalog. */
  source(): {
    accountIds: readonly string[];
    settings: Pick<Settings, 'thresholds' | 'poolThresholds' | 'budgets'>;
    catalog: Catalog;
  };
  /** A new view to compose and publish (the refresh resolves once it is). */
  onView(view: EngineView): void | Promise<void>;
  /** The evaluation failed (the last view stays on screen). */
  onError(error: Error): void;
  log: { warn(message: string, context?: Record<string, unknown>): void };
}

/**
 * Keeps the engine view current without blocking the main thread: every evaluation runs in the
 * evaluator thread and this side only gathers the request and hands the result on. Refreshes
 * asked for while one runs are merged into one more run after it, so a burst of settings changes
 * costs two evaluations, not one each. A crashed evaluator thread is retried once on a new one.
 */
export function createViewRefresher(deps: ViewRefresherDeps) {
  const { cache } = deps;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  async function evaluate(requests: EvaluateRequest[], balances: EvaluateRequest[]): Promise<EvaluatedBatch> {
    try {
      return await deps.evaluator.evaluate(requests, { balances, viewForm: true });
    } catch (err) {
      if (!(err instanceof EvaluatorCrashedError)) throw err;
      deps.log.warn('evaluating again on a new evaluator thread', { error: err.message });
      return deps.evaluator.evaluate(requests, { balances, viewForm: true });
    }
  }

  /**
   * The view at now, evaluated together with the pool balances of `balances` requests (in one read
   * of the cache; a reconciliation needs a few numbers per pool, not a second whole evaluation).
   */
  async function run(balances: EvaluateRequest[] = []): Promise<PoolBalance[][]> {
    // Read before asking: the view then reflects at least every change up to here.
    const seq = cache.read.changes.last();
    const now = deps.now();
    const { request, workspaces } = engineRequest(cache, { now, ...deps.source() });
    const requests = request ? [request] : [];
    const asked = requests.length + balances.length > 0;
    const answer = asked ? await evaluate(requests, balances) : { evaluations: [], balances: [] };
    // The thread's answer was deserialised in the task that received it (~20 ms of CPU for 20
    // workspaces after a first sync): the snapshot is composed and the alert pass run in the next.
    if (asked) await nextTurn();
    const evaluation = request ? answer.evaluations[0]! : { asOf: now, pools: [], alerts: [] };
    await deps.onView({ evaluation, workspaces, seq });
    return answer.balances;
  }

  function refresh(): Promise<void> {
    if (!running) {
      running = run()
        .then(
          () => undefined,
          (err: unknown) => deps.onError(err as Error),
        )
        .finally(() => {
          running = null;
        });
      return running;
    }
    queued ??= running.then(() => {
      queued = null;
      return refresh();
    });
    return queued;
  }

  return {
    /** Evaluates the shown accounts at now and hands the view on; resolves once it has (or failed). */
    refresh,
    /**
     * The local balances of these workspaces at asOf, for a reconciliation: the view at now is
     * evaluated with them and handed on first, so the snapshot never waits for the server.
     */
    async reconcileAt(asOf: Millis, workspaceIds: readonly string[]): Promise<PoolBalance[]> {
      const { catalog } = deps.source();
      const [balances] = await run([{ asOf, workspaceIds, catalog }]);
      return balances!;
    },
    /** Whether the cache changed since this view was evaluated (new events, grants, plans). */
    stale: (view: EngineView | null): boolean => view === null || cache.read.changes.last() !== view.seq,
    /** Resolves when no refresh runs or waits. */
    async whenIdle(): Promise<void> {
      while (running || queued) await (queued ?? running);
    },
  };
}

export type ViewRefresher = ReturnType<typeof createViewRefresher>;
