import type { z } from 'zod';

/**
 * What a value is, as a sentence about a JSON field says it: `the text "5"`, `the number 5`, `an array`.
 * Long text is cut after 40 characters.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return 'nothing';
}

/** A value as a sentence quotes it beside what was expected: `"messages"`, `-1`, `an array`. */
function quoted(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string'
    ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
    : describeValue(value);
}

/** The value at `path` inside `root`, or undefined where the path leads nowhere. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/**
 * A zod path as a sentence names the field: `events[3].occurredAt`, `workspaces[0]`, `period`;
 * '' for the value as a whole. Every surface that names a bad field (a ledger file, an account API
 * answer, an IPC payload, a CLI flag's value) writes the path this way.
 */
export function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
}

/** zod's names for JSON types, as a sentence says them. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

const orList = (words: readonly string[]) =>
  words.length <= 2 ? words.join(' or ') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;

/** "at least 0" / "more than 0": a bound as zod gives it (inclusive or not), for a number. */
function bound(side: 'min' | 'max', limit: number | bigint, inclusive: boolean | undefined): string {
  const n = typeof limit === 'bigint' ? limit.toString() : limit.toLocaleString('en-US');
  if (side === 'min') return inclusive === false ? `more than ${n}` : `at least ${n}`;
  return inclusive === false ? `less than ${n}` : `at most ${n}`;
}

/** zod's own wording starts with a capital ("Invalid input: ...", "Too small: ..."); ours never does. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big))\b/;

/**
 * One zod issue in plain words, given the value it is about: "expected a number, not the text
 * "5"", "expected at least 0, not -1", "expected "integration" or "message", not the text
 * "messages"". A message a schema wrote itself (they start in lower case: "expected an ISO 8601
 * instant ...") is kept as it is. Every surface that names a bad field (a ledger file, the
 * collector's 422, an account API page, an IPC payload) says it this way.
 */
export function issueText(issue: z.core.$ZodIssue, value: unknown): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  const got = `not ${quoted(value)}`;
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? 'is missing'
        : `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, not ${describeValue(value)}`;
    case 'invalid_value':
      return `expected ${orList(issue.values.map((v) => JSON.stringify(v)))}, ${got}`;
    case 'too_small':
    case 'too_big': {
      const side = issue.code === 'too_small' ? 'min' : 'max';
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const n = Number(limit);
      if (issue.origin === 'string') {
        if (side === 'min' && n === 1) return 'expected text that is not empty';
        return `expected ${side === 'min' ? 'at least' : 'at most'} ${n.toLocaleString('en-US')} characters`;
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return `expected ${side === 'min' ? 'at least' : 'at most'} ${n.toLocaleString('en-US')} items`;
      return `expected ${bound(side, limit, issue.inclusive)}, ${got}`;
    }
    case 'invalid_format':
      return `expected ${issue.format === 'regex' ? 'another form' : `a valid ${issue.format}`}, ${got}`;
    case 'unrecognized_keys':
      return `${orList(issue.keys.map((k) => JSON.stringify(k)))} ${issue.keys.length === 1 ? 'is' : 'are'} not expected here`;
    default:
      return `is not valid (${got})`;
  }
}

/**
 * One issue as `field: what is wrong` (`events[3].occurredAt: expected an ISO 8601 instant ...`);
 * an issue about the value as a whole is named `whole` (`input`), or gives the text alone.
 */
export function fieldIssueText(issue: z.core.$ZodIssue, root: unknown, whole = ''): string {
  const field = pathText(issue.path) || whole;
  const text = issueText(issue, valueAt(root, issue.path));
  return field ? `${field}: ${text}` : text;
}
