import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceSchema } from '../../../src-shared/api';
import { evaluateLedger } from '../../../src-shared/engine/evaluate';
import { evaluationJson } from '../../../src-shared/engine/status-json';
import { call, errorOf, fixtureLedger, startTestServer, type TestServer } from './server-fixture';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const CLI = resolve(import.meta.dirname, '../../../bin/creditbar');

describe('GET /v1/workspaces/{id}/balance', () => {
  let server: TestServer;
  let token: string;
  let accountId: number;

  beforeAll(async () => {
    server = await startTestServer({ clock: () => NOW });
    ({ accountId, token } = server.admin.createAccount('acme-co'));
    server.admin.importLedger(accountId, fixtureLedger(60));
  });
  afterAll(() => server.stop());

  it.each(['2026-11-10T08:30:00Z', '2026-11-19T23:59:59Z', '2026-11-25T12:00:00Z', '2026-12-20T00:00:00Z'])(
    'equals the engine over the same records at asOf=%s, per pool',
    async (asOf) => {
      const ledger = server.admin.exportLedger(accountId);
      const engine = evaluationJson(evaluateLedger(ledger, { asOf: Date.parse(asOf) }));
      for (const ws of ['acme', 'b44']) {
        const r = await call(server, `/v1/workspaces/${ws}/balance?asOf=${asOf}`, { token });
        expect(r.status).toBe(200);
        const balance = balanceSchema.parse(r.body);
        expect(balance.asOf).toBe(new Date(asOf).toISOString());
        expect(balance.pools).toEqual(engine.pools.filter((p) => p.workspaceId === ws));
      }
    },
  );

  it('equals `creditbar evaluate --json` on the same ledger file (one engine, two places)', async () => {
    const file = join(server.dir, 'ledger.json');
    writeFileSync(file, JSON.stringify(server.admin.exportLedger(accountId)));
    const asOf = '2026-11-22T06:00:00Z';
    const { stdout } = await promisify(execFile)(process.execPath, [
      CLI,
      'evaluate',
      file,
      '--as-of',
      asOf,
      '--json',
    ]);
    const cli = JSON.parse(stdout) as { pools: { workspaceId: string }[] };
    const served = [];
    for (const ws of ['acme', 'b44'])
      served.push(
        ...balanceSchema.parse(
          (await call(server, `/v1/workspaces/${ws}/balance?asOf=${asOf}`, { token })).body,
        ).pools,
      );
    expect(served).toEqual(cli.pools);
    // The fixture exercises the interesting rules: a dated rate card, a bonus, an anchor day, two pools.
    expect(served.map((p) => [p.workspaceId, p.pool, p.periodStart])).toEqual([
      ['acme', 'integration', '2026-11-01T00:00:00.000Z'],
      ['b44', 'integration', '2026-11-15T00:00:00.000Z'],
      ['b44', 'message', '2026-11-15T00:00:00.000Z'],
    ]);
    expect(served[1]!.bonus).toBe(20);
  });

  it("defaults asOf to the server's clock", async () => {
    const balance = balanceSchema.parse((await call(server, '/v1/workspaces/acme/balance', { token })).body);
    expect(balance.asOf).toBe('2026-11-25T12:00:00.000Z');
    expect(balance.pools[0]!.resetsInSeconds).toBe((Date.parse('2026-12-01T00:00:00Z') - NOW) / 1000);
  });

  it('refuses an asOf that is not an instant, naming the parameter', async () => {
    for (const bad of ['yesterday', '2026-11-31T00:00:00Z', '2026-11-25']) {
      const r = await call(server, `/v1/workspaces/acme/balance?asOf=${bad}`, { token });
      expect(r.status).toBe(400);
      expect(errorOf(r).code).toBe('invalid_parameter');
      expect(errorOf(r).message).toContain('"asOf"');
    }
  });
});
