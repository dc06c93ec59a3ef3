import { z } from 'zod';
import type { Millis } from '../time/instant';
import { grantKindSchema } from '../types/ledger-schema';
import { EventColumns } from './event-columns';
import type { Lot } from './lots';
import type { ObservedSpan, ReadingMark } from './observed-usage';
import type { RepeatGroup } from './period-result';

/** Sums per dictionary code in the order codes were first seen, as a saved walk keeps them. */
export interface CodeSumsState {
  order: number[];
  /** One per code of `order`. */
  sums: number[];
}

/**
 * Everything a pool walk holds in the middle of a period (PoolWalk.saveState): enough to resume it
 * over only the events after `walkedTo`, with the same result as walking the period again. Member,
 * action and app codes refer to the dictionaries it lists; input fingerprints are named in `repeats`.
 */
export interface WalkState {
  period: { start: Millis; end: Millis };
  walkedTo: Millis;
  book: { lots: Lot[]; total: number };
  gi: number;
  bonus: number;
  available: number;
  exhaustedAt: Millis | null;
  used: number;
  calls: number;
  blockedCalls: number;
  blockedCredits: number;
  halfwayAt: Millis | null;
  reached: (Millis | null)[];
  nextThreshold: number;
  members: string[];
  actions: string[];
  apps: string[];
  byAction: CodeSumsState;
  byMember: CodeSumsState;
  /** Per member code, that member's credits by action code. */
  byMemberAction: [number, CodeSumsState][];
  byApp: CodeSumsState;
  /** Day indexes (from the period's first day) with calls, and their credits. */
  days: number[];
  byDay: number[];
  /** Action codes priced as unknown, in the order met. */
  unknown: number[];
  /** Member code and when the member reached the budget. */
  budgetReached: [number, Millis][];
  repeats: RepeatGroup[];
  /** Calls with a price in the trailing window: instants and prices, oldest first. */
  windowT: Float64Array;
  windowP: Float64Array;
  ri: number;
  observedFrom: Millis;
  observed: number;
  /** null: no observation yet. */
  lastObservation: Millis | null;
  spans: ObservedSpan[];
  /** Charged calls of a pool with readings (ChargedPoint), as two columns. */
  pointsT: Float64Array;
  pointsC: Float64Array;
  readingMarks: ReadingMark[];
}

/** A saved walk that cannot be read: damaged, cut short, or from another format. Never trusted. */
export class WalkStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WalkStateError';
  }
}

/** The format written by encodeWalkState; another version is refused, not converted. */
export const WALK_STATE_VERSION = 1;
const MAGIC = 0x4b574243; // "CBWK" little-endian
const HEADER_BYTES = 16;

const num = z.number().finite();
const int = z.number().int().nonnegative();
const instantOrNull = num.nullable();
const sums = z.object({ order: z.array(int), sums: z.array(num) }).strict();
const jsonSchema = z
  .object({
    period: z.object({ start: num, end: num }).strict(),
    walkedTo: num,
    book: z
      .object({
        lots: z.array(
          z
            .object({
              id: z.string(),
              kind: z.union([grantKindSchema, z.literal('allowance')]),
              grantedAt: num,
              expiresAt: num.nullable(),
              balance: num,
            })
            .strict(),
        ),
        total: num,
      })
      .strict(),
    gi: int,
    bonus: num,
    available: num,
    exhaustedAt: instantOrNull,
    used: num,
    calls: int,
    blockedCalls: int,
    blockedCredits: num,
    halfwayAt: instantOrNull,
    reached: z.array(instantOrNull),
    nextThreshold: int,
    members: z.array(z.string()),
    actions: z.array(z.string()),
    apps: z.array(z.string()),
    byAction: sums,
    byMember: sums,
    byMemberAction: z.array(z.tuple([int, sums])),
    byApp: sums,
    days: z.array(int),
    byDay: z.array(num),
    unknown: z.array(int),
    budgetReached: z.array(z.tuple([int, num])),
    repeats: z.array(
      z
        .object({
          inputHash: z.string(),
          action: z.string(),
          day: z.number().int(),
          calls: int,
          credits: num,
        })
        .strict(),
    ),
    window: int,
    ri: int,
    observedFrom: num,
    observed: num,
    lastObservation: instantOrNull,
    spans: z.array(z.object({ from: num, to: num, credits: num }).strict()),
    points: int,
    readingMarks: z.array(
      z.object({ id: z.string(), at: num, after: num, credits: num, backwardsBy: num }).strict(),
    ),
  })
  .strict();

/** FNV-1a over 32-bit words (the length is a multiple of 4): catches a damaged file cheaply. */
function checksum(bytes: Uint8Array, length: number): number {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, length / 4);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193) >>> 0;
  return h;
}

/**
 * A walk's state as bytes: a header (magic, version, sizes), the state as JSON (UTF-16), then its long
 * columns (window and charged points) as raw float64, then a checksum of all that.
 */
export function encodeWalkState(state: WalkState): Uint8Array {
  const { windowT, windowP, pointsT, pointsC, book, ...rest } = state;
  const json = JSON.stringify({
    ...rest,
    book: {
      total: book.total,
      lots: book.lots.map((l) => ({ ...l, expiresAt: Number.isFinite(l.expiresAt) ? l.expiresAt : null })),
    },
    window: windowT.length,
    points: pointsT.length,
  });
  // UTF-16 code units as they are: src-shared has no TextEncoder, and the JSON part is small.
  const jsonPadded = Math.ceil((json.length * 2) / 8) * 8;
  const floats = 2 * windowT.length + 2 * pointsT.length;
  const body = HEADER_BYTES + jsonPadded + floats * 8;
  const bytes = new Uint8Array(body + 8);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, WALK_STATE_VERSION, true);
  view.setUint32(8, json.length, true);
  view.setUint32(12, floats, true);
  const units = new Uint16Array(bytes.buffer, HEADER_BYTES, json.length);
  for (let i = 0; i < json.length; i++) units[i] = json.charCodeAt(i);
  const f = new Float64Array(bytes.buffer, HEADER_BYTES + jsonPadded, floats);
  f.set(windowT, 0);
  f.set(windowP, windowT.length);
  f.set(pointsT, 2 * windowT.length);
  f.set(pointsC, 2 * windowT.length + pointsT.length);
  view.setUint32(body, checksum(bytes, body), true);
  return bytes;
}

/** Reads what encodeWalkState wrote, checking all of it; WalkStateError when anything is off. */
export function decodeWalkState(input: Uint8Array): WalkState {
  // Float64Array needs an 8-byte aligned offset: a copy of a misaligned view (a Buffer's subarray,
  // whose slice() would be a view again).
  const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input);
  if (bytes.length < HEADER_BYTES + 8) throw new WalkStateError('the saved walk is cut short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (view.getUint32(0, true) !== MAGIC) throw new WalkStateError('the saved walk is not a walk state');
  const version = view.getUint32(4, true);
  if (version !== WALK_STATE_VERSION)
    throw new WalkStateError(
      `the saved walk is of format ${version}, this version reads ${WALK_STATE_VERSION}`,
    );
  const jsonLength = view.getUint32(8, true);
  const floats = view.getUint32(12, true);
  const jsonPadded = Math.ceil((jsonLength * 2) / 8) * 8;
  const body = HEADER_BYTES + jsonPadded + floats * 8;
  if (bytes.length !== body + 8) throw new WalkStateError('the saved walk has the wrong length');
  if (view.getUint32(body, true) !== checksum(bytes, body))
    throw new WalkStateError('the saved walk is damaged (checksum)');
  let raw: unknown;
  try {
    const units = new Uint16Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, jsonLength);
    let text = '';
    for (let i = 0; i < units.length; i += 8192)
      text += String.fromCharCode(...units.subarray(i, Math.min(units.length, i + 8192)));
    raw = JSON.parse(text);
  } catch {
    throw new WalkStateError('the saved walk is damaged (not JSON)');
  }
  const parsed = jsonSchema.safeParse(raw);
  if (!parsed.success)
    throw new WalkStateError(`the saved walk is malformed: ${parsed.error.issues[0]?.message}`);
  const { window, points, book, ...json } = parsed.data;
  if (2 * window + 2 * points !== floats) throw new WalkStateError('the saved walk has the wrong length');
  const f = new Float64Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES + jsonPadded, floats);
  const state: WalkState = {
    ...json,
    book: {
      total: book.total,
      lots: book.lots.map((l) => ({ ...l, expiresAt: l.expiresAt ?? Number.POSITIVE_INFINITY })),
    },
    windowT: f.slice(0, window),
    windowP: f.slice(window, 2 * window),
    pointsT: f.slice(2 * window, 2 * window + points),
    pointsC: f.slice(2 * window + points),
  };
  checkCodes(state);
  return state;
}

/** Every code the state holds names an entry of its dictionaries; lists that go together are as long. */
function checkCodes(s: WalkState): void {
  const within = (codes: readonly number[], size: number, what: string) => {
    for (const c of codes) if (c >= size) throw new WalkStateError(`the saved walk names an unknown ${what}`);
  };
  const pairs = (x: CodeSumsState, size: number, what: string) => {
    if (x.order.length !== x.sums.length) throw new WalkStateError('the saved walk is malformed (sums)');
    within(x.order, size, what);
  };
  pairs(s.byAction, s.actions.length, 'action');
  pairs(s.byMember, s.members.length, 'member');
  pairs(s.byApp, s.apps.length, 'app');
  within(
    s.byMemberAction.map(([m]) => m),
    s.members.length,
    'member',
  );
  for (const [, x] of s.byMemberAction) pairs(x, s.actions.length, 'action');
  within(s.unknown, s.actions.length, 'action');
  within(
    s.budgetReached.map(([m]) => m),
    s.members.length,
    'member',
  );
  for (const names of [s.members, s.actions, s.apps])
    if (new Set(names).size !== names.length) throw new WalkStateError('the saved walk is malformed (names)');
  if (s.days.length !== s.byDay.length) throw new WalkStateError('the saved walk is malformed (days)');
  if (s.nextThreshold > s.reached.length)
    throw new WalkStateError('the saved walk is malformed (thresholds)');
}

/**
 * Empty columns whose dictionaries give the state's members, actions, apps and input fingerprints
 * the codes it kept: the events after `walkedTo` are appended to them and the walk resumes over them.
 */
export function columnsFor(state: WalkState, capacity = 1024): EventColumns {
  const columns = new EventColumns(capacity);
  for (const m of state.members) columns.members.code(m);
  for (const a of state.actions) columns.actions.code(a);
  for (const a of state.apps) columns.apps.code(a);
  for (const g of state.repeats) columns.hashes.code(g.inputHash);
  return columns;
}
