// JSON.parse's own message is engine-specific and may echo the input, newlines included (V8:
// `Unexpected token 'o', "not json{\n" is not valid JSON`), which breaks a one-line error. This
// scanner runs only after JSON.parse has failed and says where, by line and column.

/** Where text first stops being JSON, in one line: "unexpected 'o' at line 1 column 2". */
export function describeJsonSyntaxError(text: string): string {
  const found = findJsonSyntaxError(text);
  if (!found) return 'it cannot be parsed';
  const { line, column } = lineAndColumn(text, found.offset);
  return `${found.problem} at line ${line} column ${column}`;
}

/** Where JSON text goes wrong (a UTF-16 offset) and what is wrong there. */
export interface SyntaxProblem {
  offset: number;
  problem: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

function shown(ch: string | undefined): string {
  if (ch === undefined) return 'end of file';
  const code = ch.charCodeAt(0);
  return code < 0x20 || code === 0x7f || code === 0xfeff ? `character U+${hex(code)}` : `'${ch}'`;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** The first offset at which text is not JSON (RFC 8259), or null if it is JSON. Iterative, so
 * deep nesting cannot overflow the stack. */
export function findJsonSyntaxError(text: string): SyntaxProblem | null {
  let i = 0;
  const open: ('{' | '[')[] = [];
  const fail = (problem: string, offset = i): SyntaxProblem => ({ offset, problem });
  const found = () => `but found ${shown(text[i])}`;
  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  };
  /** Reads a string at text[i] === '"'; returns a problem or null. */
  const readString = (): SyntaxProblem | null => {
    const start = i++;
    for (;;) {
      const ch = text[i];
      if (ch === undefined) return fail('unterminated string', start);
      if (ch === '"') {
        i++;
        return null;
      }
      if (ch.charCodeAt(0) < 0x20) return fail(`unescaped ${shown(ch)} in a string`);
      if (ch === '\\') {
        i++;
        const esc = text[i];
        if (esc === 'u') {
          HEX4.lastIndex = i + 1;
          if (!HEX4.test(text)) return fail('bad \\u escape in a string', i - 1);
          i += 5;
        } else if (esc !== undefined && ESCAPES.has(esc)) i++;
        else return fail(`bad escape in a string: backslash then ${shown(esc)}`, i - 1);
      } else i++;
    }
  };
  /** Reads a property name and its colon; leaves i at the value. */
  const readKey = (): SyntaxProblem | null => {
    skipWhitespace();
    if (text[i] !== '"') return fail(`expected a property name in double quotes ${found()}`);
    const bad = readString();
    if (bad) return bad;
    skipWhitespace();
    if (text[i] !== ':') return fail(`expected ':' after a property name ${found()}`);
    i++;
    return null;
  };

  for (;;) {
    // A value is expected at i.
    skipWhitespace();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      i++;
      skipWhitespace();
      if (text[i] === (ch === '{' ? '}' : ']')) i++;
      else {
        open.push(ch);
        if (ch === '{') {
          const bad = readKey();
          if (bad) return bad;
        }
        continue;
      }
    } else if (ch === '"') {
      const bad = readString();
      if (bad) return bad;
    } else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) return fail('malformed number');
      i = NUMBER.lastIndex;
    } else {
      const word = ch === 't' ? 'true' : ch === 'f' ? 'false' : ch === 'n' ? 'null' : '';
      if (!word) return fail(`unexpected ${shown(ch)}`);
      for (const expected of word) {
        if (text[i] !== expected) return fail(`unexpected ${shown(text[i])}`);
        i++;
      }
    }
    // After a value: close containers, or a comma for the next value.
    for (;;) {
      skipWhitespace();
      const top = open.at(-1);
      if (top === undefined)
        return i < text.length ? fail(`unexpected ${shown(text[i])} after the JSON value`) : null;
      const close = top === '{' ? '}' : ']';
      if (text[i] === close) {
        i++;
        open.pop();
        continue;
      }
      if (text[i] !== ',') return fail(`expected ',' or '${close}' ${found()}`);
      i++;
      if (top === '{') {
        const bad = readKey();
        if (bad) return bad;
      }
      break;
    }
  }
}

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
