import { describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  balanceSchema,
  grantListSchema,
  healthSchema,
  usagePageSchema,
  workspaceListSchema,
} from '../../../../src-shared/api';
import { plainAnswer } from '../../../../src-shared/api/plain-answers';

const AT = '2026-11-01T10:00:00.000Z';
const workspace = {
  id: 'team',
  name: 'Team',
  provider: 'zite',
  plan: 'team',
  existingCustomer: false,
  catalogVersion: '2026-05-seed',
  pools: [{ pool: 'integration', allowance: 1000, reset: { kind: 'anchor-day', day: 5 }, overage: false }],
  members: [{ id: 'ana', name: 'Ana', budget: 10 }],
  thresholds: [50, 90, 100],
};
const grant = {
  id: 'g1',
  workspaceId: 'team',
  pool: 'integration',
  kind: 'bonus',
  credits: 5,
  grantedAt: AT,
};
const status = {
  workspaceId: 'team',
  pool: 'integration',
  periodStart: AT,
  periodEnd: '2026-12-01T00:00:00.000Z',
  resetsInSeconds: 60,
  allowance: 1000,
  bonus: 0,
  available: 1000,
  used: 1,
  remaining: 999,
  percentUsed: 0.1,
  blockedCalls: 0,
  exhaustedAt: null,
  thresholds: [{ percent: 50, reachedAt: null }],
  byAction: { email: 1 },
  byMember: { ana: 1 },
  byApp: { '': 1 },
  forecast: { burnPerDay: 1, projectedUsed: 30, low: 20, high: 40, runsOutAt: null },
  unknownActions: [],
};
const event = {
  id: 'e1',
  workspaceId: 'team',
  pool: 'message',
  memberId: 'ana',
  action: 'a',
  occurredAt: AT,
};

type Schema = { safeParse(body: unknown): { success: boolean; data?: unknown } };
/** Each kind: its schema, a valid answer, and answers that are not plainly valid (the schema decides those). */
const cases: [keyof typeof plainAnswer, Schema, unknown, unknown[]][] = [
  [
    'health',
    healthSchema,
    { status: 'ok', version: '1.0.0', apiVersion: 1, now: AT },
    [
      { status: 'ok', version: '1.0.0', apiVersion: 2, now: AT },
      { status: 'ok', version: '1.0.0', apiVersion: 1, now: '2026-11-01T12:00:00+02:00' },
      { status: 'ok', version: '1.0.0', apiVersion: 1, now: AT, extra: 1 },
    ],
  ],
  [
    'workspaceList',
    workspaceListSchema,
    { workspaces: [workspace], rateCards: [{ provider: 'zite', effectiveFrom: AT, rates: { email: 2 } }] },
    [
      { workspaces: [{ ...workspace, pools: [] }], rateCards: [] },
      { workspaces: [{ ...workspace, catalogVersion: 'x'.repeat(41) }], rateCards: [] },
      { workspaces: [{ ...workspace, thresholds: [0] }], rateCards: [] },
      { workspaces: [{ ...workspace, members: [{ id: 'ana', name: 'Ana', budget: 0 }] }], rateCards: [] },
      {
        workspaces: [{ ...workspace, pools: [{ ...workspace.pools[0], reset: { kind: 'daily', day: 1 } }] }],
        rateCards: [],
      },
      { workspaces: [workspace], rateCards: [{ provider: 'zite', effectiveFrom: AT, rates: { '': 2 } }] },
      {
        workspaces: [workspace],
        rateCards: [{ provider: 'zite', effectiveFrom: AT, rates: { email: 2e9 } }],
      },
      { workspaces: [{ ...workspace, provider: 'other' }], rateCards: [] },
      { workspaces: [{ ...workspace, toString: 'x' }], rateCards: [] },
    ],
  ],
  [
    'grantList',
    grantListSchema,
    {
      workspaceId: 'team',
      grants: [grant, { ...grant, id: 'g2', kind: 'adjustment', credits: -3, expiresAt: null }],
    },
    [
      { workspaceId: 'team', grants: [{ ...grant, credits: -1 }] },
      { workspaceId: 'team', grants: [{ ...grant, expiresAt: AT }] },
      { workspaceId: '', grants: [] },
    ],
  ],
  [
    'usagePage',
    usagePageSchema,
    {
      events: [event, { ...event, id: 'e2', app: '', units: 0, credits: 1, inputHash: 'h' }],
      nextCursor: 'c',
      hasMore: true,
    },
    [
      { events: [{ ...event, credits: -1 }], nextCursor: 'c', hasMore: true },
      { events: [{ ...event, app: undefined }], nextCursor: 'c', hasMore: true },
      { events: [event], nextCursor: '', hasMore: true },
    ],
  ],
  [
    'balance',
    balanceSchema,
    {
      workspaceId: 'team',
      asOf: AT,
      pools: [
        status,
        {
          ...status,
          pool: 'message',
          forecast: { ...status.forecast, from: AT },
          observed: { credits: 1, readings: 1, lastReadingAt: AT, backwards: [{ id: 'r', at: AT, by: 1 }] },
        },
      ],
    },
    [
      { workspaceId: 'team', asOf: AT, pools: [{ ...status, resetsInSeconds: 1.5 }] },
      { workspaceId: 'team', asOf: AT, pools: [{ ...status, blockedCalls: -1 }] },
      { workspaceId: 'team', asOf: AT, pools: [{ ...status, byMember: { ana: '1' } }] },
      { workspaceId: 'team', asOf: AT, pools: [{ ...status, observed: undefined }] },
    ],
  ],
  [
    'apiError',
    apiErrorSchema,
    { error: { code: 'not_found', message: 'No such workspace.' } },
    [{ error: { code: '', message: 'x' } }, { error: { code: 'x' } }, null, []],
  ],
];

describe('plainAnswer', () => {
  it.each(cases)(
    '%s: a valid answer passes by hand and is what its schema makes of it',
    (kind, schema, valid) => {
      expect(plainAnswer[kind](valid)).toBe(true);
      expect(schema.safeParse(valid)).toEqual({ success: true, data: valid });
    },
  );

  it.each(cases)('%s: an answer not plainly valid is left to the schema', (kind, schema, _valid, others) => {
    for (const body of others) {
      expect({ body, plain: plainAnswer[kind](body) }).toEqual({ body, plain: false });
      // What the schema says of it stands (rejected, or accepted in the form it makes).
      const parsed = schema.safeParse(body);
      if (parsed.success) expect(parsed.data).not.toBe(body);
    }
  });
});
