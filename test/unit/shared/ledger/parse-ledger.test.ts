import { describe, expect, test } from 'vitest';
import { evaluateLedger } from '../../../../src-shared/engine/evaluate';
import { LedgerError, parseLedgerText, validateLedger } from '../../../../src-shared/ledger/parse-ledger';

/** A valid ledger as plain JSON data: a Zite Free workspace, a bonus and four events. */
function valid() {
  return {
    version: 1,
    workspaces: [{ id: 'acme', name: 'Acme', provider: 'zite', plan: 'free' } as Record<string, unknown>],
    grants: [
      {
        id: 'g-1',
        workspaceId: 'acme',
        pool: 'integration',
        kind: 'bonus',
        credits: 20,
        grantedAt: '2026-03-01T00:00:00Z',
      } as Record<string, unknown>,
    ],
    events: ['e-1', 'e-2', 'e-3', 'e-4'].map(
      (id, i) =>
        ({
          id,
          workspaceId: 'acme',
          pool: 'integration',
          memberId: 'ana',
          action: 'email',
          occurredAt: `2026-03-0${i + 2}T09:00:00Z`,
        }) as Record<string, unknown>,
    ),
  };
}
type Data = ReturnType<typeof valid>;

/** The message validateLedger throws for data changed by `edit`. */
function messageFor(edit: (d: Data) => void, source = 'march.json'): string {
  const data = valid();
  edit(data);
  try {
    validateLedger(data, source);
  } catch (err) {
    expect(err).toBeInstanceOf(LedgerError);
    return (err as Error).message;
  }
  throw new Error('expected the ledger to be rejected');
}

test('a valid ledger is returned as a ledger, pools filled in later from the catalog', () => {
  const l = validateLedger(valid());
  expect(l.events).toHaveLength(4);
  const [p] = evaluateLedger(l, { asOf: Date.parse('2026-03-10T00:00:00Z') }).pools;
  expect(p).toMatchObject({ pool: 'integration', current: { allowance: 1000, used: 20 } });
});

describe('a bad record is named by its id and the field', () => {
  test.each<[string, (d: Data) => void, string[]]>([
    ['event without occurredAt', (d) => delete d.events[1]!.occurredAt, ['"e-2"', 'occurredAt']],
    [
      'event with a date that is not ISO 8601',
      (d) => (d.events[0]!.occurredAt = 'yesterday'),
      ['"e-1"', 'occurredAt'],
    ],
    ['event on Feb 30', (d) => (d.events[2]!.occurredAt = '2026-02-30T10:00:00Z'), ['"e-3"', 'occurredAt']],
    ['event with negative credits', (d) => (d.events[3]!.credits = -3), ['"e-4"', 'credits']],
    ['event with credits as a string', (d) => (d.events[1]!.credits = '5'), ['"e-2"', 'credits']],
    ['event without action', (d) => delete d.events[0]!.action, ['"e-1"', 'action']],
    ['event in a pool that is not a pool kind', (d) => (d.events[0]!.pool = 'ai'), ['"e-1"', 'pool']],
    ['event of an unknown workspace', (d) => (d.events[2]!.workspaceId = 'globex'), ['"e-3"', 'workspaceId']],
    [
      'event in a pool the workspace does not have',
      (d) => (d.events[2]!.pool = 'message'),
      ['"e-3"', 'pool'],
    ],
    ['grant without credits', (d) => delete d.grants[0]!.credits, ['"g-1"', 'credits']],
    ['grant of an unknown kind', (d) => (d.grants[0]!.kind = 'gift'), ['"g-1"', 'kind']],
    ['grant with a bad expiresAt', (d) => (d.grants[0]!.expiresAt = 'never'), ['"g-1"', 'expiresAt']],
    ['grant of an unknown workspace', (d) => (d.grants[0]!.workspaceId = 'globex'), ['"g-1"', 'workspaceId']],
    [
      'workspace with an unknown provider',
      (d) => (d.workspaces[0]!.provider = 'acme-cloud'),
      ['"acme"', 'provider'],
    ],
    [
      'workspace with anchor day 32',
      (d) => (d.workspaces[0]!.pools = [{ pool: 'integration', reset: { kind: 'anchor-day', day: 32 } }]),
      ['"acme"', 'reset'],
    ],
    ['workspace without a plan', (d) => delete d.workspaces[0]!.plan, ['"acme"', 'plan']],
  ])('%s', (_name, edit, parts) => {
    const message = messageFor(edit);
    expect(message.startsWith('march.json')).toBe(true);
    for (const part of parts) expect(message).toContain(part);
  });

  test.each<[string, (d: Data) => void]>([
    ['without an id', (d) => delete d.events[1]!.id],
    ['with an empty id', (d) => (d.events[1]!.id = '')],
  ])('a record %s is named by its array and index', (_name, edit) => {
    expect(messageFor(edit)).toMatch(/events\[1\].*\bid\b/);
  });

  test('only the first bad record is named', () => {
    const message = messageFor((d) => {
      d.events[1]!.occurredAt = 'soon';
      d.events[3]!.occurredAt = 'later';
    });
    expect(message).toContain('"e-2"');
    expect(message).not.toContain('"e-4"');
  });

  test.each<[string, (d: Data) => void]>([
    ['version 2', (d) => ((d as { version: number }).version = 2)],
    ['no version', (d) => delete (d as { version?: number }).version],
  ])('%s names the version', (_name, edit) => {
    expect(messageFor(edit)).toContain('version');
  });

  test('a ledger without events names the events array', () => {
    expect(messageFor((d) => delete (d as { events?: unknown }).events)).toContain('events');
  });
});

describe('a pool without an allowance says "allowance" and names the workspace', () => {
  test.each<[string, Record<string, unknown>]>([
    ['Base44 (the seed gives no plan sizes)', { id: 'b44', name: 'B', provider: 'base44', plan: 'builder' }],
    [
      'Base44 pool listed without allowance',
      { id: 'b44', name: 'B', provider: 'base44', plan: 'builder', pools: [{ pool: 'integration' }] },
    ],
    ['Zite Enterprise (custom allowance)', { id: 'big', name: 'Big', provider: 'zite', plan: 'enterprise' }],
    [
      'Zite Free message pool (AI credits: not in the seed)',
      { id: 'z', name: 'Z', provider: 'zite', plan: 'free', pools: [{ pool: 'message' }] },
    ],
    ['custom provider', { id: 'own', name: 'Own', provider: 'custom', plan: 'mine' }],
    ['Zite plan the catalog does not know', { id: 'z2', name: 'Z', provider: 'zite', plan: 'platinum' }],
  ])('%s', (_name, ws) => {
    const message = messageFor((d) => {
      d.workspaces.push(ws);
    });
    expect(message).toContain('allowance');
    expect(message).toContain(`"${ws.id as string}"`);
  });

  test('an allowance in the ledger is enough', () => {
    const data = valid();
    data.workspaces.push({
      id: 'b44',
      name: 'B',
      provider: 'base44',
      plan: 'builder',
      pools: [{ pool: 'integration', allowance: 500 }],
    });
    expect(() => validateLedger(data)).not.toThrow();
  });
});

describe('parseLedgerText', () => {
  test('text that is not JSON says so and names the file', () => {
    expect(() => parseLedgerText('{"version": 1,', 'march.json')).toThrow(LedgerError);
    expect(() => parseLedgerText('{"version": 1,', 'march.json')).toThrow(/^march\.json: .*JSON/);
  });

  test('bad JSON over several lines gives one line with the line and column, never the echoed text', () => {
    const text = '{\n  "version": 1,\n  "workspaces": [,]\n}\n';
    expect(() => parseLedgerText(text, 'march.json')).toThrow(
      new LedgerError("march.json: not valid JSON: unexpected ',' at line 3 column 18"),
    );
    expect(() => parseLedgerText('not json{\n', 'march.json')).toThrow(
      new LedgerError("march.json: not valid JSON: unexpected 'o' at line 1 column 2"),
    );
  });

  test('JSON that is not a ledger object is rejected', () => {
    expect(() => parseLedgerText('[1, 2, 3]', 'march.json')).toThrow(LedgerError);
  });

  test('valid text parses', () => {
    expect(parseLedgerText(JSON.stringify(valid())).workspaces[0]!.id).toBe('acme');
  });
});

test('evaluateLedger refuses a bad reference before evaluating anything', () => {
  const data = valid();
  data.events[3]!.workspaceId = 'globex';
  expect(() => evaluateLedger(data as never, { asOf: Date.parse('2026-03-10T00:00:00Z') })).toThrow(
    /"e-4".*workspaceId/,
  );
});

// zod's own words leaked into these: "credits is invalid: Invalid input: expected number, received
// string", "Too small: expected number to be >=0", "Invalid option: expected one of "zite"|...".
describe('what is wrong with a field is said in plain words, with the value the file holds', () => {
  test.each<[string, (d: Data) => void, string]>([
    [
      'credits written as text',
      (d) => (d.events[1]!.credits = '5'),
      'march.json: events[1] (id "e-2"): credits is invalid: expected a number, not the text "5"',
    ],
    [
      'negative credits',
      (d) => (d.events[3]!.credits = -3),
      'march.json: events[3] (id "e-4"): credits is invalid: expected at least 0, not -3',
    ],
    [
      'a pool kind misspelt',
      (d) => (d.events[0]!.pool = 'messages'),
      'march.json: events[0] (id "e-1"): pool is invalid: expected "integration" or "message", not "messages"',
    ],
    [
      'an unknown provider',
      (d) => (d.workspaces[0]!.provider = 'bubble'),
      'march.json: workspaces[0] (id "acme"): provider is invalid: expected "zite", "base44" or "custom", not "bubble"',
    ],
    [
      'a grant kind without its hyphen',
      (d) => (d.grants[0]!.kind = 'topup'),
      'march.json: grants[0] (id "g-1"): kind is invalid: expected "bonus", "top-up" or "adjustment", not "topup"',
    ],
    [
      'a billing day past 31',
      (d) => (d.workspaces[0]!.billingDay = 40),
      'march.json: workspaces[0] (id "acme"): billingDay is invalid: expected at most 31, not 40',
    ],
    [
      'a number for an id',
      (d) => (d.events[2]!.id = 7),
      'march.json: events[2]: id is invalid: expected text, not the number 7',
    ],
    [
      'events that are not an array',
      (d) => ((d as { events: unknown }).events = 'none'),
      'march.json: events: expected an array, not the text "none"',
    ],
  ])('%s', (_name, edit, message) => {
    expect(messageFor(edit)).toBe(message);
  });

  test('a message the schema words itself is kept as it is', () => {
    expect(messageFor((d) => (d.events[0]!.occurredAt = 'yesterday'))).toBe(
      'march.json: events[0] (id "e-1"): occurredAt is invalid: expected an ISO 8601 instant such as 2026-11-01T00:00:00Z',
    );
  });
});
