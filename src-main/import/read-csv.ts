import { parse } from 'csv-parse/sync';
import { CsvRowError, type CsvRecord } from '../../src-shared/csv/csv-events';

/** A CSV file split into its header and records, each with the line it starts on. */
export interface CsvTable {
  headers: string[];
  records: CsvRecord[];
}

interface ParsedRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

/** Where each non-blank line starts being a record: the line numbers of the lines that are not empty. */
function nonEmptyLines(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (from <= text.length) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    const length = end - from - (text.charCodeAt(end - 1) === 13 ? 1 : 0);
    if (length > 0) out.push(line);
    line++;
    from = end + 1;
  }
  return out;
}

function csvError(err: unknown, source: string): CsvRowError {
  const e = err as { code?: string; lines?: number; message: string };
  const line = e.lines ?? 0;
  const fields = /expect (\d+), got (\d+)/.exec(e.message);
  if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && fields)
    return new CsvRowError(
      `${source} line ${line}: ${fields[2]} fields where the header has ${fields[1]}`,
      line,
      null,
    );
  if (e.code === 'CSV_QUOTE_NOT_CLOSED')
    return new CsvRowError(`${source} line ${line}: a quoted field is never closed`, line, null);
  return new CsvRowError(`${source} line ${line}: not valid CSV (${e.message.split(':')[0]})`, line, null);
}

/**
 * Parses CSV text with csv-parse: a byte order mark is dropped, quoted fields may hold commas,
 * quotes and line breaks, blank lines are skipped, and every record must have as many fields as the
 * header. A file that cannot be read as CSV fails with one sentence naming the line.
 */
export function readCsv(text: string, source: string): CsvTable {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true });
  } catch (err) {
    throw csvError(err, source);
  }
  if (rows.length === 0)
    throw new CsvRowError(`${source} is empty: expected a header line and rows`, 1, null);
  const headers = rows[0]!.map((h) => h.trim());
  // One record per non-blank line unless a quoted field holds a line break: then ask csv-parse where
  // each record ends (twice as slow, so only when needed).
  const starts = nonEmptyLines(text);
  if (starts.length === rows.length) {
    return { headers, records: rows.slice(1).map((cells, i) => ({ line: starts[i + 1]!, cells })) };
  }
  const parsed = parse(text, { bom: true, info: true, skip_empty_lines: true }) as unknown as ParsedRecord[];
  const records: CsvRecord[] = [];
  let previousEnd = parsed[0]!.info.lines;
  let previousEmpty = parsed[0]!.info.empty_lines;
  for (let i = 1; i < parsed.length; i++) {
    const { record, info } = parsed[i]!;
    // info.lines is where the record ends; it starts after the previous one and any blank lines.
    records.push({ line: previousEnd + 1 + (info.empty_lines - previousEmpty), cells: record });
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
  }
  return { headers, records };
}
