import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUsagePage, usagePageSchema } from '../../../../src-shared/api/usage';
import { parseInstant, parseUtcInstant } from '../../../../src-shared/time/instant';

const event = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'e1',
  workspaceId: 'team',
  pool: 'integration',
  memberId: 'ana',
  app: 'crm',
  action: 'email',
  units: 2,
  credits: 0.5,
  occurredAt: '2026-11-01T10:00:00.000Z',
  inputHash: 'h1',
  ...extra,
});
const page = (events: unknown[], rest: Record<string, unknown> = {}) => ({
  events,
  nextCursor: 'c1',
  hasMore: false,
  ...rest,
});

/** The fast parser must give what the schema gives: the same verdict, data and first issue. */
function expectSameAsSchema(body: unknown) {
  const fast = parseUsagePage(body);
  const schema = usagePageSchema.safeParse(body);
  expect(fast.success).toBe(schema.success);
  if (fast.success && schema.success) expect(fast.data).toEqual(schema.data);
  else expect(fast.error!.issues[0]).toEqual(schema.error!.issues[0]);
  return fast;
}

describe('parseUsagePage gives what usagePageSchema.safeParse gives', () => {
  it.each<[string, unknown, boolean]>([
    ['a page of plain events', page([event(), event({ id: 'e2' })]), true],
    ['optional fields left out', page([{ ...event(), app: undefined }]), true],
    ['an empty page', page([]), true],
    [
      'no optional field at all',
      page([
        {
          id: 'e',
          workspaceId: 'w',
          pool: 'message',
          memberId: 'm',
          action: 'a',
          occurredAt: '2026-11-01T10:00:00Z',
        },
      ]),
      true,
    ],
    ['an empty app name', page([event({ app: '' })]), true],
    ['zero credits', page([event({ credits: 0, units: 0 })]), true],
    ['an instant with an offset', page([event({ occurredAt: '2026-11-01T10:00:00+02:00' })]), true],
    ['four fraction digits', page([event({ occurredAt: '2026-11-01T10:00:00.0001Z' })]), true],
    ['one fraction digit', page([event({ occurredAt: '2026-11-01T10:00:00.5Z' })]), true],
    ['29 February of a leap year', page([event({ occurredAt: '2024-02-29T00:00:00Z' })]), true],
    ['a key the schema strips', page([event({ extra: 1 })]), true],
    [
      'an own __proto__ key',
      page([
        JSON.parse(
          '{"__proto__":1,"id":"e","workspaceId":"w","pool":"message","memberId":"m","action":"a","occurredAt":"2026-11-01T10:00:00Z"}',
        ),
      ]),
      true,
    ],
    ['a top-level key the schema strips', page([event()], { total: 3 }), true],
    ['29 February of 2026', page([event(), event({ occurredAt: '2026-02-29T00:00:00.000Z' })]), false],
    ['hour 24', page([event({ occurredAt: '2026-11-01T24:00:00.000Z' })]), false],
    ['second 60', page([event({ occurredAt: '2026-11-01T00:00:60.000Z' })]), false],
    ['a space for T', page([event({ occurredAt: '2026-11-01 10:00:00.000Z' })]), false],
    ['a lower-case z', page([event({ occurredAt: '2026-11-01T10:00:00.000z' })]), false],
    ['a date only', page([event({ occurredAt: '2026-11-01' })]), false],
    ['an unknown pool', page([event({ pool: 'other' })]), false],
    ['an empty id', page([event({ id: '' })]), false],
    ['a numeric member', page([event({ memberId: 7 })]), false],
    ['negative units', page([event({ units: -1 })]), false],
    ['infinite credits', page([event({ credits: Infinity })]), false],
    ['credits as text', page([event({ credits: '3' })]), false],
    ['an empty input hash', page([event({ inputHash: '' })]), false],
    ['a null app', page([event({ app: null })]), false],
    ['a missing action', page([{ ...event(), action: undefined }]), false],
    ['a null record', page([event(), null]), false],
    ['an array for a record', page([[]]), false],
    ['events that are not an array', page({} as never), false],
    ['an empty cursor', page([event()], { nextCursor: '' }), false],
    ['hasMore as text', page([event()], { hasMore: 'yes' }), false],
    ['no body', null, false],
    ['a string body', 'events', false],
  ])('%s', (_name, body, success) => {
    expect(expectSameAsSchema(body).success).toBe(success);
  });

  it('names the record and field of the first bad event, as the schema does', () => {
    const result = parseUsagePage(page([event(), event({ id: 'e2', credits: -2 })]));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['events', 1, 'credits']);
  });

  it('returns a plain page’s records as they are, without copying them', () => {
    const e = event();
    const result = parseUsagePage(page([e]));
    expect(result.success && result.data.events[0]).toBe(e);
  });

  it('agrees with the schema on events with any field replaced, removed or added', () => {
    const fields = [...Object.keys(event()), 'extra', 'toString'];
    const value = fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.constantFrom(
        '',
        'message',
        '2026-11-01T10:00:00Z',
        '2026-13-01T10:00:00.000Z',
        '2026-11-31T10:00:00.000Z',
      ),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.double(),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...fields), value, fc.boolean()), { maxLength: 3 }),
        (edits) => {
          const e = event();
          for (const [field, v, remove] of edits) {
            if (remove) delete e[field];
            else e[field] = v;
          }
          expectSameAsSchema(page([event({ id: 'e0' }), e]));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('parseUtcInstant', () => {
  it.each([
    ['2026-11-01T10:00:00.000Z', Date.UTC(2026, 10, 1, 10)],
    ['2026-11-01T10:00:00Z', Date.UTC(2026, 10, 1, 10)],
    ['2024-02-29T23:59:59.999Z', Date.UTC(2024, 1, 29, 23, 59, 59, 999)],
    ['2026-11-01T10:00:00+00:00', NaN],
    ['2026-11-01T10:00:00.5Z', NaN],
    ['2026-02-29T00:00:00.000Z', NaN],
    ['not an instant', NaN],
  ])('%s', (s, expected) => {
    expect(parseUtcInstant(s)).toBe(expected);
    if (!Number.isNaN(expected)) expect(parseInstant(s)).toBe(expected);
  });

  it('parseInstant still reads offsets through Date.parse', () => {
    expect(parseInstant('2026-11-01T12:00:00+02:00')).toBe(Date.UTC(2026, 10, 1, 10));
  });
});
