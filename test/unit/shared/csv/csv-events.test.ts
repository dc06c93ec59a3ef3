import { describe, expect, test } from 'vitest';
import { CsvRowError, rowsToEvents, type CsvRecord } from '../../../../src-shared/csv/csv-events';
import type { CsvMapping } from '../../../../src-shared/csv/csv-mapping';

const headers = ['Date', 'Type', 'Credits', 'User', 'App', 'Pool'];
const mapping: CsvMapping = {
  occurredAt: 'Date',
  action: 'Type',
  credits: 'Credits',
  memberId: 'User',
  app: 'App',
  pool: 'Pool',
};
const options = {
  workspaceId: 'studio',
  pools: ['integration', 'message'] as const,
  defaultPool: 'integration' as const,
  source: 'usage.csv',
  now: Date.parse('2026-12-01T00:00:00Z'),
};

function rows(...cells: string[][]): CsvRecord[] {
  return cells.map((c, i) => ({ line: i + 2, cells: c }));
}

function convert(records: CsvRecord[], m: CsvMapping = mapping) {
  return rowsToEvents(headers, records, m, { ...options, pools: [...options.pools] });
}

describe('rows become usage events', () => {
  test('every field, empty ones left out, pools by name', () => {
    const { events, lines } = convert(
      rows(
        ['2026-11-03 10:00', 'email', '', 'ana', 'crm', ''],
        ['2026-11-03T11:00:00Z', 'message', '2.5', '', '', 'Message'],
      ),
    );
    expect(lines).toEqual([2, 3]);
    expect(events[0]).toMatchObject({
      workspaceId: 'studio',
      pool: 'integration',
      memberId: 'ana',
      app: 'crm',
      action: 'email',
      occurredAt: '2026-11-03T10:00:00.000Z',
    });
    expect(events[0]).not.toHaveProperty('credits');
    expect(events[1]).toMatchObject({ pool: 'message', memberId: '(not given)', credits: 2.5 });
    expect(events[1]).not.toHaveProperty('app');
  });

  test('ids derived from the content are the same on every import; identical rows stay apart', () => {
    const a = convert(
      rows(
        ['2026-11-03 10:00', 'email', '', 'ana', '', ''],
        ['2026-11-03 10:00', 'email', '', 'ana', '', ''],
        ['2026-11-03 10:01', 'email', '', 'ana', '', ''],
      ),
    );
    const b = convert(
      rows(
        ['2026-11-03 10:00', 'email', '', 'ana', '', ''],
        ['2026-11-03 10:00', 'email', '', 'ana', '', ''],
        ['2026-11-03 10:01', 'email', '', 'ana', '', ''],
      ),
    );
    const ids = a.events.map((e) => e.id);
    expect(ids).toEqual(b.events.map((e) => e.id));
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toMatch(/^csv-[0-9a-f]{16}$/);
    expect(ids[1]).toBe(`${ids[0]}-2`);
    // The same call written with another date form is the same row.
    expect(convert(rows(['2026-11-03T10:00:00Z', 'email', '', 'ana', '', ''])).events[0]!.id).toBe(ids[0]);
  });

  test('an id column is used as it is; the same call listed twice counts once, a clash is refused', () => {
    const m = { ...mapping, id: 'Id' };
    const h = [...headers, 'Id'];
    const twice = rowsToEvents(
      h,
      rows(
        ['2026-11-03', 'email', '', 'ana', '', '', 'e1'],
        ['2026-11-03', 'email', '', 'ana', '', '', 'e1'],
      ),
      m,
      { ...options, pools: ['integration'] },
    );
    expect(twice.events.map((e) => e.id)).toEqual(['e1']);
    expect(() =>
      rowsToEvents(
        h,
        rows(
          ['2026-11-03', 'email', '', 'ana', '', '', 'e1'],
          ['2026-11-03', 'llm', '', 'ana', '', '', 'e1'],
        ),
        m,
        { ...options, pools: ['integration'] },
      ),
    ).toThrow('usage.csv line 3, column "Id": id "e1" is on line 2 too, with other values');
  });
});

describe('a bad row is named by line and column, and nothing is returned', () => {
  test.each<[string[], string]>([
    [
      ['03/11/2026', 'email', '', '', '', ''],
      'usage.csv line 3, column "Date": "03/11/2026" is not a date: use ISO 8601',
    ],
    [
      ['', 'email', '', '', '', ''],
      'usage.csv line 3, column "Date": empty: every row needs the instant of the call',
    ],
    [['2026-11-03', '', '', '', '', ''], 'usage.csv line 3, column "Type": empty: every row needs an action'],
    [['2026-11-03', 'email', '-3', '', '', ''], 'usage.csv line 3, column "Credits": -3 is negative'],
    [
      ['2026-11-03', 'email', '3 credits', '', '', ''],
      'usage.csv line 3, column "Credits": "3 credits" is not a number',
    ],
    [
      ['2026-11-03', 'email', '1e12', '', '', ''],
      'usage.csv line 3, column "Credits": "1e12" is not a number',
    ],
    [
      ['2026-11-03', 'email', '2000000000', '', '', ''],
      'usage.csv line 3, column "Credits": 2000000000 is more than 1,000,000,000',
    ],
    [
      ['2026-11-03', 'email', '', '', '', 'workflow'],
      'usage.csv line 3, column "Pool": "workflow" is not a pool of studio (integration, message)',
    ],
  ])('%j', (bad, message) => {
    const attempt = () => convert(rows(['2026-11-03', 'email', '1', 'ana', '', ''], bad));
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(CsvRowError);
  });
});
