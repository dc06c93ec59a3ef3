import { describe, expect, test } from 'vitest';
import { readCsv } from '../../../../src-main/import/read-csv';

describe('reading a CSV file', () => {
  test('a byte order mark, quoted commas, doubled quotes, CRLF and blank lines', () => {
    const text = '\uFEFFDate,Type,App\r\n2026-11-03,email,"crm, eu"\r\n\r\n2026-11-04,llm,"say ""hi"""\r\n';
    expect(readCsv(text, 'x.csv')).toEqual({
      headers: ['Date', 'Type', 'App'],
      records: [
        { line: 2, cells: ['2026-11-03', 'email', 'crm, eu'] },
        { line: 4, cells: ['2026-11-04', 'llm', 'say "hi"'] },
      ],
    });
  });

  test('a quoted field over several lines: each record keeps the line it starts on', () => {
    const text = 'Date,Type,Note\n2026-11-03,email,"one\ntwo"\n\n2026-11-04,llm,x\n';
    expect(readCsv(text, 'x.csv').records.map((r) => [r.line, r.cells[2]])).toEqual([
      [2, 'one\ntwo'],
      [5, 'x'],
    ]);
  });

  test.each([
    ['Date,Type\n2026-11-03,email,extra\n', 'x.csv line 2: 3 fields where the header has 2'],
    ['Date,Type\n2026-11-03,"email\n', 'x.csv line 2: a quoted field is never closed'],
    ['', 'x.csv is empty: expected a header line and rows'],
  ])('%j fails with one sentence', (text, message) => {
    expect(() => readCsv(text, 'x.csv')).toThrow(message);
  });
});
