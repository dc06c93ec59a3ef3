import type { Ledger, UsageEvent, Workspace } from '../../src-shared/types/ledger';

const PLANS = ['pro', 'business', 'team'] as const;
const ACTIONS = ['email', 'email', 'integration:twilio', 'integration:hubspot', 'document', 'db'] as const;
const DAY = 86_400_000;

/** A small deterministic generator (mulberry32), so every run sees the same year. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `workspaces` Zite workspaces (Pro, Business and Team in turn, five members, four apps each) with
 * `perDay` calls a weekday (a third of it at weekends) from twelve months before `now` up to `now`:
 * the "year of data" the performance figures are measured over.
 */
export function yearLedger(workspaces: number, perDay: number, now: number): Ledger {
  const rand = random(20);
  const start = Date.UTC(new Date(now).getUTCFullYear() - 1, new Date(now).getUTCMonth(), 1);
  const list: Workspace[] = [];
  const events: UsageEvent[] = [];
  for (let w = 1; w <= workspaces; w++) {
    const id = `ws-${String(w).padStart(2, '0')}`;
    const members = Array.from({ length: 5 }, (_, m) => ({
      id: `${id}-m${m + 1}`,
      name: `Member ${m + 1} of ${w}`,
    }));
    list.push({
      id,
      name: `Workspace ${w}`,
      provider: 'zite',
      plan: PLANS[w % PLANS.length]!,
      existingCustomer: w % 2 === 0,
      members,
    });
    let n = 0;
    for (let day = start; day < now; day += DAY) {
      const weekend = [0, 6].includes(new Date(day).getUTCDay());
      const count = Math.round(perDay * (weekend ? 0.33 : 1) * (0.6 + rand() * 0.8));
      for (let i = 0; i < count; i++) {
        const at = day + Math.floor(rand() * DAY);
        if (at >= now) continue;
        events.push({
          id: `${id}-${++n}`,
          workspaceId: id,
          pool: 'integration',
          memberId: members[Math.floor(rand() ** 2 * members.length)]!.id,
          app: `app-${1 + Math.floor(rand() * 4)}`,
          action: ACTIONS[Math.floor(rand() * ACTIONS.length)]!,
          occurredAt: new Date(at).toISOString(),
        });
      }
    }
  }
  return { version: 1, workspaces: list, grants: [], events };
}
