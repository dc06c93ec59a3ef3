import type { z } from 'zod';
import { builtinCatalog, type Catalog } from '../catalog/catalog';
import { EngineInputError } from '../engine/errors';
import { byWorkspace, resolveLedger } from '../engine/evaluate';
import { markFirstEventCopies } from '../engine/first-copies';
import { issueText, pathText, valueAt } from '../types/issue-text';
import { type Ledger } from '../types/ledger';
import { ledgerSchema } from '../types/ledger-schema';
import { describeJsonSyntaxError } from './json-syntax';

/** A ledger that cannot be used, with one sentence naming where and what. */
export class LedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerError';
  }
}

type Path = readonly PropertyKey[];

/** An id as a message quotes it: a runaway one (thousands of characters) is cut after 40. */
function shortened(id: string): string {
  return id.length > 60 ? `${id.slice(0, 40)}… (${id.length} characters)` : id;
}

/** `events[12] (id "e-13")`: the record by its id where it has one, else its array and index. */
function describeRecord(data: unknown, path: Path): { record: string; rest: Path } {
  if (path.length >= 2 && typeof path[0] === 'string' && typeof path[1] === 'number') {
    const array = (data as Record<string, unknown>)[path[0]];
    const item = Array.isArray(array) ? (array[path[1]] as { id?: unknown } | undefined) : undefined;
    const id =
      item && typeof item === 'object' && typeof item.id === 'string' && item.id !== ''
        ? ` (id "${shortened(item.id)}")`
        : '';
    return { record: `${path[0]}[${path[1]}]${id}`, rest: path.slice(2) };
  }
  return { record: path.length > 0 ? String(path[0]) : 'the ledger', rest: path.slice(1) };
}

/** One sentence for the first problem zod found, naming the record and the field. */
export function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
  if (issue.path.length === 0) return 'expected a JSON object with version, workspaces, grants and events';
  const { record, rest } = describeRecord(data, issue.path);
  const field = pathText(rest);
  const text = issueText(issue, valueAt(data, issue.path));
  const missing =
    text === 'is missing' || (issue.code === 'invalid_type' && issue.message.endsWith('received undefined'));
  if (!field) return `${record}: ${missing ? 'is missing' : text}`;
  return `${record}: ${field} ${missing ? 'is missing' : `is invalid: ${text}`}`;
}

/**
 * Validates parsed JSON as a ledger: its shape (zod), then its references and allowances (every
 * grant and event names a known workspace and pool, every pool has an allowance) and that copies of
 * an event id are exact. Throws a
 * LedgerError naming the first bad record; returns the ledger only when all of it can be evaluated.
 */
export function validateLedger(data: unknown, source = 'ledger', catalog: Catalog = builtinCatalog): Ledger {
  const parsed = ledgerSchema.safeParse(data);
  if (!parsed.success) {
    throw new LedgerError(`${source}: ${describeIssue(data, parsed.error.issues[0]!)}`);
  }
  try {
    const resolved = resolveLedger(parsed.data, catalog);
    // Imports store the first copy of an id: copies that differ are refused here, as the engine does.
    for (const [id, events] of byWorkspace(resolved, parsed.data.events)) markFirstEventCopies(id, events);
  } catch (err) {
    if (err instanceof EngineInputError) throw new LedgerError(`${source}: ${err.message}`);
    throw err;
  }
  return parsed.data;
}

/** Parses and validates a ledger file's text; `source` (the file name) prefixes every message. */
export function parseLedgerText(text: string, source = 'ledger', catalog: Catalog = builtinCatalog): Ledger {
  let data: unknown;
  // A byte-order mark, as Windows editors save UTF-8, is not part of the JSON (RFC 8259 lets a reader skip it).
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    data = JSON.parse(json);
  } catch {
    throw new LedgerError(`${source}: not valid JSON: ${describeJsonSyntaxError(json)}`);
  }
  return validateLedger(data, source, catalog);
}
