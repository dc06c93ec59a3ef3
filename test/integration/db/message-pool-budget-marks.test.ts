import { describe, expect, it } from 'vitest';
import { cacheFiles } from '../../fixtures/cache-files';

// Before c8cc084 a member budget counted every pool's credits, so a cache of that release can hold
// budget alerts raised on a Base44 message pool and closed message-pool summaries with budget marks.
// Opened today (migration 13) both go; the integration pool's keep theirs.

const NOW = Date.UTC(2026, 11, 3, 9);
const caches = cacheFiles(NOW);

const NOV = Date.UTC(2026, 10, 15);
const DEC = Date.UTC(2026, 11, 15);
const detail = (budgets: string) =>
  JSON.stringify({
    marks: { '50': NOV + 1000 },
    budgets: JSON.parse(budgets),
    unknownActions: [],
    window: { days: [], credits: [] },
    byAction: {},
    byMember: { sam: 300 },
    byApp: {},
    byDay: {},
    carryOut: [],
  });
const samOver = '[{"memberId":"sam","budget":200,"used":300,"reachedAt":1000}]';

describe('cache migration 13: budget marks of message pools', () => {
  it("drops the message pools' budget alerts (and what a channel was still to hear of them) and summary marks, keeps the rest", () => {
    // Schema 12, as the last release left it: Studio (Base44) with Sam over his budget of 200 on
    // both pools in November; one alert each, the message one still waiting for channel a.
    const cache = caches.fromSchema(
      12,
      `
      INSERT INTO accounts (id, label, server_url, created_at) VALUES ('acc-demo', 'Demo', 'http://127.0.0.1:1', 0);
      INSERT INTO workspaces (key, id, account_id, name, provider, plan, pools_declared, thresholds_declared, updated_at)
        VALUES (1, 'studio', 'acc-demo', 'Studio', 'base44', 'builder', 1, 0, 0);
      INSERT INTO raised_alerts (key, kind, workspace_id, pool, percent, at, raised_at, message, delivery, account_id, workspace_name)
        VALUES ('studio|message|budget|sam', 'member-budget', 'studio', 'message', NULL, 0, 0, 'Studio: Sam used 300 message credits', 'queued', 'acc-demo', 'Studio'),
               ('studio|integration|budget|sam', 'member-budget', 'studio', 'integration', NULL, 0, 0, 'Studio: Sam used 300 integration credits', 'shown', 'acc-demo', 'Studio'),
               ('studio|message|50', 'threshold', 'studio', 'message', 50, 0, 0, 'Studio: 50% of the message pool used', 'shown', 'acc-demo', 'Studio');
      INSERT INTO delivery_items (channel_id, key, kind, item, created_at, message_id)
        VALUES ('ch-a', 'studio|message|budget|sam', 'alert', '{}', 0, NULL),
               ('ch-a', 'studio|message|50', 'alert', '{}', 0, NULL);
      INSERT INTO period_summaries (workspace_key, pool, period_start, period_end, allowance, bonus, used, calls,
          blocked_calls, blocked_credits, exhausted_at, halfway_at, detail, computed_at)
        VALUES (1, 'message', ${NOV}, ${DEC}, 250, 0, 300, 300, 0, 0, NULL, NULL, '${detail(samOver)}', 0),
               (1, 'integration', ${NOV}, ${DEC}, 10000, 0, 300, 300, 0, 0, NULL, NULL, '${detail(samOver)}', 0);
    `,
    );
    expect(
      cache.alerts
        .list({ limit: 10 })
        .map((a) => a.key)
        .sort(),
    ).toEqual(['studio|integration|budget|sam', 'studio|message|50']);
    expect(cache.read.deliveries.waiting('ch-a').map((i) => i.key)).toEqual(['studio|message|50']);
    const [message] = cache.read.summaries.between(1, 'message', NOV, DEC);
    const [integration] = cache.read.summaries.between(1, 'integration', NOV, DEC);
    expect(message!.budgets).toEqual([]);
    // Everything else of the message summary stays as it was.
    expect(message!.marks).toEqual({ '50': NOV + 1000 });
    expect(message!.byMember).toEqual({ sam: 300 });
    expect(integration!.budgets).toEqual([{ memberId: 'sam', budget: 200, used: 300, reachedAt: 1000 }]);
  });
});
