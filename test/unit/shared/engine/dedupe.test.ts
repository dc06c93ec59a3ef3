import { describe, expect, test } from 'vitest';
import { evaluate, event, ledger, pool, poolAt, workspace } from '../helpers/ledger-builders';

const zite = (id: string) => workspace({ id, name: id, provider: 'zite', plan: 'free', pools: undefined });
const email = (id: string, occurredAt: string, workspaceId = 'acme') =>
  event({ id, workspaceId, occurredAt, action: 'email' });
const AS_OF = '2026-03-31T00:00:00Z';

describe('an event id counts once per workspace', () => {
  test.each<[string, number]>([
    ['once', 1],
    ['twice', 2],
    ['five times', 5],
  ])('an email synced %s costs 5', (_name, copies) => {
    const events = Array.from({ length: copies }, () => email('mail-1', '2026-03-02T09:00:00Z'));
    const p = poolAt(ledger({ workspaces: [zite('acme')], events }), AS_OF);
    expect(p).toMatchObject({ used: 5, remaining: 995, byAction: { email: 5 }, byMember: { ana: 5 } });
  });

  test('copies interleaved with other events still count once', () => {
    // mail-1, mail-2, mail-1, mail-3, mail-1: three distinct emails, 15.
    const ids = ['mail-1', 'mail-2', 'mail-1', 'mail-3', 'mail-1'];
    const events = ids.map((id) => email(id, '2026-03-02T09:00:00Z'));
    expect(poolAt(ledger({ workspaces: [zite('acme')], events }), AS_OF).used).toBe(15);
  });

  test('a re-sent copy is not a blocked call', () => {
    // Allowance 10: the 8-credit call runs once; its copy neither charges nor blocks.
    const copy = () => event({ id: 'big', occurredAt: '2026-03-02T09:00:00Z', credits: 8 });
    const p = poolAt(
      ledger({ workspaces: [workspace({ pools: pool(10) })], events: [copy(), copy()] }),
      AS_OF,
    );
    expect(p).toMatchObject({ used: 8, remaining: 2, blockedCalls: 0, exhaustedAt: null });
  });

  test('the same id in two workspaces counts in both', () => {
    const l = ledger({
      workspaces: [zite('acme'), zite('globex')],
      events: [
        email('mail-1', '2026-03-02T09:00:00Z', 'acme'),
        email('mail-1', '2026-03-02T09:00:00Z', 'globex'),
      ],
    });
    const used = evaluate(l, AS_OF).pools.map((p) => [p.workspaceId, p.used]);
    expect(used).toEqual([
      ['acme', 5],
      ['globex', 5],
    ]);
  });

  test('the same id in two pools of one workspace is refused: which pool it drains would depend on the order', () => {
    const ws = workspace({
      pools: [
        { pool: 'integration', allowance: 100 },
        { pool: 'message', allowance: 100 },
      ],
    });
    const events = [
      event({ id: 'x', occurredAt: '2026-03-02T09:00:00Z', credits: 4 }),
      event({ id: 'x', pool: 'message', occurredAt: '2026-03-02T09:00:00Z', credits: 4 }),
    ];
    expect(() => evaluate(ledger({ workspaces: [ws], events }), AS_OF)).toThrow(
      'event "x" of workspace "acme" appears twice with different pool (integration and message)',
    );
  });
});
