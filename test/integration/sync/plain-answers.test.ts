// The sync checks each answer by hand first and loads the API's zod schemas only for one that is not
// plainly valid (src-shared/api/plain-answers.ts): the reference server's own answers must all pass
// by hand, and give what the schemas give.
import { afterEach, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  apiPaths,
  balanceSchema,
  grantListSchema,
  healthSchema,
  usagePageSchema,
  workspaceListSchema,
} from '../../../src-shared/api';
import { plainAnswer } from '../../../src-shared/api/plain-answers';
import { httpRequest } from '../../../src-main/net/http-request';
import { recentLedger, serverWith } from './sync-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe("the reference server's answers", () => {
  it('are plainly valid: each passes by hand and is what its schema makes of it', async () => {
    const ledger = recentLedger(20);
    const s = await serverWith(ledger);
    cleanups.push(() => s.server.close());
    const get = async (path: string, token = s.token): Promise<unknown> => {
      const r = await httpRequest(s.server.url + path, { headers: { authorization: `Bearer ${token}` } });
      return JSON.parse(await r.text()) as unknown;
    };
    const id = ledger.workspaces[0]!.id;
    const answers: [keyof typeof plainAnswer, unknown, { safeParse(b: unknown): { data?: unknown } }][] = [
      ['health', await get(apiPaths.health()), healthSchema],
      ['workspaceList', await get(apiPaths.workspaces()), workspaceListSchema],
      ['grantList', await get(apiPaths.grants(id)), grantListSchema],
      ['usagePage', await get(`${apiPaths.usage(id)}?limit=500`), usagePageSchema],
      [
        'balance',
        await get(`${apiPaths.balance(id)}?asOf=${encodeURIComponent(new Date().toISOString())}`),
        balanceSchema,
      ],
      ['apiError', await get(apiPaths.workspaces(), 'not-a-token'), apiErrorSchema],
    ];
    // The fixture's answers carry what the hand checks cover: grants, members, thresholds, rate cards, events.
    const list = answers[1]![1] as {
      workspaces: { members: unknown[]; thresholds?: unknown[] }[];
      rateCards: unknown[];
    };
    expect(list.rateCards.length).toBeGreaterThan(0);
    expect(list.workspaces.some((w) => w.members.length > 0 && w.thresholds)).toBe(true);
    expect((answers[2]![1] as { grants: unknown[] }).grants.length).toBeGreaterThan(0);
    expect((answers[3]![1] as { events: unknown[] }).events).toHaveLength(500);
    for (const [kind, body, schema] of answers) {
      expect({ kind, plain: plainAnswer[kind](body) }).toEqual({ kind, plain: true });
      expect(schema.safeParse(body).data).toEqual(body);
    }
  });
});
