import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdmin } from '../../../src-server/admin';
import { createBalanceCache } from '../../../src-server/balance-cache';
import { openServerDatabase } from '../../../src-server/db/connection';
import { createStore, type ServerStore } from '../../../src-server/db/store';
import { evaluateStored } from '../../../src-server/evaluate-stored';
import { addGrant } from '../../../src-server/grant-admin';
import { recordUsage } from '../../../src-server/record-usage';
import { updateWorkspace } from '../../../src-server/workspace-admin';
import { builtinCatalog } from '../../../src-shared/catalog/catalog';
import type { UsageEvent } from '../../../src-shared/types/ledger';
import { prng } from '../../fixtures/team-month';
import { fixtureLedger } from './server-fixture';

const HOUR = 3_600_000;
const START = Date.parse('2026-11-01T00:00:00Z');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A real server database in a temp folder holding the fixture ledger (acme: Zite Pro; b44: two pools, a bonus). */
function serverStore(): { store: ServerStore; accountId: number } {
  const dir = mkdtempSync(join(tmpdir(), 'creditbar-balance-cache-'));
  const db = openServerDatabase(join(dir, 'server.sqlite'));
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const store = createStore(db);
  const admin = createAdmin(store, () => START, builtinCatalog);
  const { accountId } = admin.createAccount('acme-co');
  admin.importLedger(accountId, fixtureLedger(40));
  return { store, accountId };
}

/** One event of a workspace at instant t, of either kind the fixture has (priced by action or with credits). */
function eventAt(ws: 'acme' | 'b44', id: string, t: number, rand: () => number): UsageEvent {
  const occurredAt = new Date(t).toISOString();
  if (ws === 'acme') {
    const member = ['ana', 'ben', 'dora'][Math.floor(rand() * 3)]!;
    const action = ['email', 'integration:twilio', 'document', 'db'][Math.floor(rand() * 4)]!;
    return { id, workspaceId: ws, pool: 'integration', memberId: member, app: 'crm', action, occurredAt };
  }
  return rand() < 0.3
    ? { id, workspaceId: ws, pool: 'message', memberId: 'cy', action: 'message', credits: 1, occurredAt }
    : {
        id,
        workspaceId: ws,
        pool: 'integration',
        memberId: 'cy',
        action: ['llm', 'pdf', 'file'][Math.floor(rand() * 3)]!,
        units: 200 + Math.floor(rand() * 3000),
        occurredAt,
      };
}

function ingest(store: ServerStore, accountId: number, ws: string, events: UsageEvent[]): void {
  store.transaction(() => {
    const stored = store.workspaces.find(accountId, ws)!;
    recordUsage(store, stored.pk, events, {
      unknownMembers: { known: stored.workspace.members, at: new Date(START).toISOString() },
    });
  });
}

describe("/balance's per-workspace cache", () => {
  it('answers what the engine answers over every stored record, after every write of a random sequence', () => {
    const { store, accountId } = serverStore();
    const balances = createBalanceCache(store, builtinCatalog);
    const rand = prng(14);
    let asOf = START + 20 * 24 * HOUR;
    const newest = { acme: START + 27 * 24 * HOUR, b44: START + 27 * 24 * HOUR };
    let n = 0;
    const kinds = new Set<string>();
    for (let step = 0; step < 60; step++) {
      const ws = rand() < 0.5 ? 'acme' : 'b44';
      const r = rand();
      let kind: string;
      if (r < 0.35) {
        kind = 'in order';
        const batch = Array.from({ length: 1 + Math.floor(rand() * 20) }, () => {
          newest[ws] += Math.floor(rand() * 2 * HOUR);
          return eventAt(ws, `${ws}-new-${n++}`, newest[ws], rand);
        });
        ingest(store, accountId, ws, batch);
      } else if (r < 0.5) {
        kind = 'late';
        const at = START + Math.floor(rand() * 40 * 24 * HOUR);
        ingest(store, accountId, ws, [eventAt(ws, `${ws}-late-${n++}`, at, rand)]);
      } else if (r < 0.6) {
        kind = 'repeated';
        // Ids already stored come again (the server keeps the first copy), with one new event.
        const again = store.eventsReader.page(store.workspaces.find(accountId, ws)!.pk, ws, 0, 5).events;
        ingest(store, accountId, ws, [...again, eventAt(ws, `${ws}-new-${n++}`, ++newest[ws], rand)]);
      } else if (r < 0.67) {
        kind = 'grant';
        addGrant(
          store,
          accountId,
          ws,
          {
            pool: 'integration',
            kind: 'top-up',
            credits: 25 + Math.floor(rand() * 100),
            grantedAt: START + Math.floor(rand() * 40 * 24 * HOUR),
            expiresAt: null,
          },
          builtinCatalog,
        );
      } else if (r < 0.74) {
        kind = 'thresholds';
        const thresholds = rand() < 0.5 ? [25, 60, 100] : null;
        updateWorkspace(store, accountId, ws, { thresholds }, builtinCatalog);
      } else if (r < 0.8) {
        kind = 'future';
        ingest(store, accountId, ws, [eventAt(ws, `${ws}-future-${n++}`, asOf + 5 * 24 * HOUR, rand)]);
      } else {
        kind = 'nothing';
      }
      kinds.add(kind);
      // Mostly forward, as a clock goes; sometimes an earlier asOf (a client whose clock is behind).
      asOf += rand() < 0.15 ? -Math.floor(rand() * 48 * HOUR) : Math.floor(rand() * 24 * HOUR);
      for (const id of ['acme', 'b44']) {
        const stored = store.workspaces.find(accountId, id)!;
        expect(balances.balance(accountId, stored, asOf), `${kind} at step ${step} (${id})`).toEqual(
          evaluateStored(store, accountId, stored, asOf, builtinCatalog),
        );
      }
    }
    expect([...kinds].sort()).toEqual(
      ['future', 'grant', 'in order', 'late', 'nothing', 'repeated', 'thresholds'].sort(),
    );
  });

  it('reads and walks only what a steady ingest adds; nothing when nothing changed', () => {
    const { store, accountId } = serverStore();
    const balances = createBalanceCache(store, builtinCatalog);
    const rand = prng(3);
    const month = Array.from({ length: 2000 }, (_, i) =>
      eventAt('acme', `bulk-${i}`, START + 27 * 24 * HOUR + i * 60_000, rand),
    );
    ingest(store, accountId, 'acme', month);
    const acme = () => store.workspaces.find(accountId, 'acme')!;
    let asOf = START + 29 * 24 * HOUR;
    const check = () =>
      expect(balances.balance(accountId, acme(), asOf)).toEqual(
        evaluateStored(store, accountId, acme(), asOf, builtinCatalog),
      );
    check(); // the first request loads the workspace: 40 fixture events + 2,000
    expect(balances.costs()).toEqual([
      expect.objectContaining({ pool: 'integration', read: 2040, held: 2040, rewalked: true }),
    ]);

    // After the instant the last request asked about: nothing walked so far moves.
    const last = asOf + 60_000;
    ingest(
      store,
      accountId,
      'acme',
      Array.from({ length: 100 }, (_, i) => eventAt('acme', `steady-${i}`, last + i * 1000, rand)),
    );
    asOf += HOUR;
    check();
    // 100 new events read and walked, from where the last walk stopped.
    expect(balances.costs()).toEqual([
      expect.objectContaining({ read: 100, held: 2140, walked: 100, rewalked: false }),
    ]);

    asOf += HOUR;
    check();
    expect(balances.costs()).toEqual([expect.objectContaining({ read: 0, walked: 0, rewalked: false })]);

    // A late event: its pool is re-read from its instant (the 2,000 bulk events after it and the
    // 100 steady ones, plus itself) and walked again from memory.
    ingest(store, accountId, 'acme', [eventAt('acme', 'late', START + 27 * 24 * HOUR + 30_000, rand)]);
    check();
    expect(balances.costs()).toEqual([expect.objectContaining({ read: 2100, held: 2141, rewalked: true })]);

    // New thresholds: the walked month re-marked (PoolWalk.remark), nothing read or walked again.
    updateWorkspace(store, accountId, 'acme', { thresholds: [10, 20] }, builtinCatalog);
    check();
    expect(balances.costs()).toEqual([expect.objectContaining({ read: 0, walked: 0, rewalked: false })]);
  });
});
