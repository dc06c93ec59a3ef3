import { INGEST_EARLIEST_MS, INGEST_MAX_AHEAD_MS, INGEST_MAX_FIELD_LENGTH } from '../api/ingest';
import { parseCreditsText } from '../display/credits';
import { cyrb53Lanes } from '../hash/cyrb53';
import { MAX_CREDITS, type PoolKind, type UsageEvent } from '../types/ledger';
import { toIso, type Millis } from '../time/instant';
import { parseCsvInstant } from './csv-instant';
import type { CsvField, CsvMapping } from './csv-mapping';

/** One record of the file: its cells and the line it starts on (1 is the header). */
export interface CsvRecord {
  line: number;
  cells: readonly string[];
}

/** A row that cannot become an event: the line, the column and what is wrong, in one sentence. */
export class CsvRowError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: string | null,
  ) {
    super(message);
    this.name = 'CsvRowError';
  }
}

/** The member named on rows that do not say who made the call. */
export const NO_MEMBER = '(not given)';

/** What a text cell holds, in a sentence about its length (the collector's limit). */
const TEXT_NAMES: Partial<Record<CsvField, string>> = {
  id: 'an id',
  memberId: 'a member',
  action: 'an action',
  app: 'an app',
  inputHash: 'an input hash',
};

export interface RowsToEventsOptions {
  workspaceId: string;
  /** The workspace's pools: a row naming another is refused. */
  pools: readonly PoolKind[];
  /** The pool of rows without a pool column. */
  defaultPool: PoolKind;
  /** Names the file in messages (`usage.csv`). */
  source: string;
  /** The clock: a row more than a day after it is a wrong year, as the collector judges a reported call. */
  now: Millis;
}

/** 16 hex digits of a string's content: ids derived from a row, the same on every import of the file. */
export function contentHash(text: string): string {
  const [h1, h2] = cyrb53Lanes(text);
  return h2.toString(16).padStart(8, '0') + h1.toString(16).padStart(8, '0');
}

/**
 * Turns the records under the header into usage events (with the line each comes from), checking every row before any is returned:
 * the first bad one throws a CsvRowError naming its line and column. A row without an id gets one
 * from its content (and how many identical rows came before it in the file), so a file imported
 * twice adds nothing the second time.
 */
export function rowsToEvents(
  headers: readonly string[],
  records: readonly CsvRecord[],
  mapping: CsvMapping,
  options: RowsToEventsOptions,
): { events: UsageEvent[]; lines: number[] } {
  const index = (field: CsvField) => (mapping[field] === undefined ? -1 : headers.indexOf(mapping[field]));
  const col = Object.fromEntries(
    (['occurredAt', 'action', 'credits', 'memberId', 'app', 'id', 'pool', 'units', 'inputHash'] as const).map(
      (f) => [f, index(f)],
    ),
  ) as Record<CsvField, number>;
  const events: UsageEvent[] = [];
  const lines: number[] = [];
  const repeats = new Map<string, number>();
  const ids = new Map<string, { line: number; key: string }>();
  for (const { line, cells } of records) {
    const fail = (field: CsvField, why: string): never => {
      const header = mapping[field] ?? field;
      throw new CsvRowError(`${options.source} line ${line}, column "${header}": ${why}`, line, header);
    };
    const cell = (field: CsvField) => (col[field] < 0 ? '' : (cells[col[field]] ?? '').trim());
    const number = (field: 'credits' | 'units', max: number): number | undefined => {
      const text = cell(field);
      if (text === '') return undefined;
      if (/^-\d/.test(text)) fail(field, `${text} is negative: a row records what a call cost`);
      // The grammar a credit figure has wherever it is typed ("4,200" as a spreadsheet quotes it, "2.5").
      const value = parseCreditsText(text);
      if (value === null) return fail(field, `"${text}" is not a number`);
      if (value > max) fail(field, `${text} is more than ${max.toLocaleString('en-US')}`);
      return value;
    };

    const when = cell('occurredAt');
    const t: Millis = parseCsvInstant(when);
    if (when === '') fail('occurredAt', 'empty: every row needs the instant of the call');
    if (Number.isNaN(t))
      fail(
        'occurredAt',
        `"${when}" is not a date: use ISO 8601 (2026-11-03T10:00:00Z) or YYYY-MM-DD HH:MM[:SS] (UTC)`,
      );
    if (t < INGEST_EARLIEST_MS) fail('occurredAt', `"${when}" is before 2000-01-01: check the year`);
    if (t > options.now + INGEST_MAX_AHEAD_MS)
      fail(
        'occurredAt',
        `"${when}" is more than a day after now (${toIso(options.now).slice(0, 16).replace('T', ' ')} UTC): check the year and the zone`,
      );
    const text = (field: CsvField): string => {
      const value = cell(field);
      if (value.length > INGEST_MAX_FIELD_LENGTH)
        fail(
          field,
          `${value.length.toLocaleString('en-US')} characters, where ${TEXT_NAMES[field]} has at most ${INGEST_MAX_FIELD_LENGTH}: is it the right column?`,
        );
      // A quoted cell that spans lines is valid CSV, but no id, member, action or app holds a line break:
      // it is a quote left open by the program that wrote the file, and would break every table.
      if (/[\u0000-\u001f\u007f]/.test(value))
        fail(
          field,
          `${JSON.stringify(value.slice(0, 40))} holds a line break or control character: check the quoting`,
        );
      return value;
    };
    const action = text('action');
    if (action === '')
      fail('action', 'empty: every row needs an action (email, llm, integration:twilio ...)');
    const poolText = cell('pool');
    let pool = options.defaultPool;
    if (poolText !== '') {
      const named = poolText.toLowerCase() as PoolKind;
      if (!options.pools.includes(named))
        fail('pool', `"${poolText}" is not a pool of ${options.workspaceId} (${options.pools.join(', ')})`);
      pool = named;
    }
    const credits = number('credits', MAX_CREDITS);
    const units = number('units', Number.MAX_SAFE_INTEGER);
    const memberId = text('memberId') || NO_MEMBER;
    const app = text('app');
    const inputHash = text('inputHash');
    const occurredAt = toIso(t);
    const key = [occurredAt, pool, memberId, app, action, units ?? '', credits ?? '', inputHash].join(
      '\u0001',
    );
    let id = text('id');
    if (id === '') {
      const n = repeats.get(key) ?? 0;
      repeats.set(key, n + 1);
      id = `csv-${contentHash(key)}${n > 0 ? `-${n + 1}` : ''}`;
    } else {
      const earlier = ids.get(id);
      if (earlier && earlier.key !== key)
        fail('id', `id "${id}" is on line ${earlier.line} too, with other values`);
      if (earlier) continue; // the same call listed twice: counted once
      ids.set(id, { line, key });
    }
    const event: UsageEvent = { id, workspaceId: options.workspaceId, pool, memberId, action, occurredAt };
    if (app !== '') event.app = app;
    if (units !== undefined) event.units = units;
    if (credits !== undefined) event.credits = credits;
    if (inputHash !== '') event.inputHash = inputHash;
    events.push(event);
    lines.push(line);
  }
  return { events, lines };
}
