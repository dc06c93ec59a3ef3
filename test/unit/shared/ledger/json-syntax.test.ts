import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { describeJsonSyntaxError, findJsonSyntaxError } from '../../../../src-shared/ledger/json-syntax';

describe('describeJsonSyntaxError', () => {
  const cases: [string, string, string][] = [
    [
      'a word, then a newline (JSON.parse echoes both lines)',
      'not json{\n',
      "unexpected 'o' at line 1 column 2",
    ],
    [
      'a hole in an array on line 3',
      '{\n  "version": 1,\n  "workspaces": [,]\n}\n',
      "unexpected ',' at line 3 column 18",
    ],
    [
      'a trailing comma',
      '{"a": 1,\n}',
      "expected a property name in double quotes but found '}' at line 2 column 1",
    ],
    [
      'cut short',
      '{"version": 1,',
      'expected a property name in double quotes but found end of file at line 1 column 15',
    ],
    ['an unclosed array', '[1, 2', "expected ',' or ']' but found end of file at line 1 column 6"],
    ['a missing comma', '[1 2]', "expected ',' or ']' but found '2' at line 1 column 4"],
    ['a missing colon', '{"a" 1}', "expected ':' after a property name but found '1' at line 1 column 6"],
    [
      'an unquoted name',
      '{a: 1}',
      "expected a property name in double quotes but found 'a' at line 1 column 2",
    ],
    [
      'an unterminated string, at its start',
      '[\n  "abc\n]',
      'unescaped character U+000A in a string at line 2 column 7',
    ],
    ['a string cut at the end of the file', '"abc', 'unterminated string at line 1 column 1'],
    ['a bad escape', '"a\\xb"', "bad escape in a string: backslash then 'x' at line 1 column 3"],
    ['a bad \\u escape', '"\\u12g4"', 'bad \\u escape in a string at line 1 column 2'],
    ['a lone minus', '[-]', 'malformed number at line 1 column 2'],
    ['a leading zero', '[01]', "expected ',' or ']' but found '1' at line 1 column 3"],
    ['a misspelt literal', '[tru]', "unexpected ']' at line 1 column 5"],
    [
      'text after the value, CRLF lines',
      '[1]\r\n  x',
      "unexpected 'x' after the JSON value at line 2 column 3",
    ],
    ['an empty file', '', 'unexpected end of file at line 1 column 1'],
    ['a byte-order mark', '\uFEFF{}', 'unexpected character U+FEFF at line 1 column 1'],
  ];

  test.each(cases)('%s', (_name, text, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(describeJsonSyntaxError(text)).toBe(message);
  });

  test('deep nesting does not overflow the stack', () => {
    expect(describeJsonSyntaxError('['.repeat(200_000))).toBe(
      'unexpected end of file at line 1 column 200001',
    );
  });
});

describe('findJsonSyntaxError agrees with JSON.parse', () => {
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  test('JSON is never reported', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(findJsonSyntaxError(text)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  test('one character inserted, dropped or replaced: an error exactly when JSON.parse fails', () => {
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('insert', 'drop', 'replace'),
      ch: fc.constantFrom(...'{}[],:"\\ \n\t0123456789-+.eEtrufalsn/xu'),
    });
    fc.assert(
      fc.property(fc.json(), edit, (json, { at, kind, ch }) => {
        const k = json.length === 0 ? 0 : at % json.length;
        const text =
          kind === 'insert'
            ? json.slice(0, k) + ch + json.slice(k)
            : json.slice(0, k) + (kind === 'replace' ? ch : '') + json.slice(k + 1);
        expect(findJsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });
});
