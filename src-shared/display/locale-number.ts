/**
 * Numbers as a person types them in their locale: "10,000" (en), "10 000" (fr, with a space, a
 * no-break or a narrow no-break space), "10.000" (de), "1'000" (de-CH). A group separator counts only
 * between groups of exactly three digits, so "50,90,100" stays a list of three values in English and
 * "1.5" never reads as fifteen in German. Credits are whole: where a field takes whole credits, any
 * decimal part is refused with a sentence saying so, never rounded away.
 */

export interface NumberSeparators {
  group: string;
  decimal: string;
}

const SPACES = ' \u00a0\u202f';

/** The locale's group and decimal separators (Intl's own, so they match what formatCredits prints). */
export function numberSeparators(locale: string | readonly string[] = 'en-US'): NumberSeparators {
  const parts = new Intl.NumberFormat(locale as string | string[]).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A character class of the group separator; every kind of space when the locale groups with one. */
function groupClass(group: string): string {
  return SPACES.includes(group) ? `[${SPACES}]` : `[${escape(group)}]`;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

interface ParseOptions {
  locale?: string | readonly string[];
  /** Refuse a decimal part ("credits are whole"). */
  whole?: boolean;
  /** What the value is, for the sentence ("A budget", "A threshold"). */
  what?: string;
  /** Accept the locale's grouping (default). Percents never need it, so "50,90,100" stays three. */
  grouping?: boolean;
}

function pattern(sep: NumberSeparators, grouping = true): RegExp {
  const g = groupClass(sep.group);
  const d = escape(sep.decimal);
  // Grouped (1,234,567) or plain (1234567), an optional decimal part.
  const grouped = grouping ? `\\d{1,3}(?:${g}\\d{3})+(?:${d}\\d+)?|` : '';
  return new RegExp(`${grouped}\\d+(?:${d}\\d+)?`, 'y');
}

function toNumber(text: string, sep: NumberSeparators): number {
  const plain = text.replace(new RegExp(groupClass(sep.group), 'g'), '').replace(sep.decimal, '.');
  return Number(plain);
}

function example(locale: ParseOptions['locale']): string {
  return new Intl.NumberFormat((locale ?? 'en-US') as string | string[]).format(10000);
}

function read(token: string, sep: NumberSeparators, options: ParseOptions): ParsedNumber {
  const what = options.what ?? 'A value';
  const value = toNumber(token, sep);
  if (options.whole && token.includes(sep.decimal))
    return {
      ok: false,
      message: `${what} is a whole number of credits: "${token}" has a decimal part.`,
    };
  return { ok: true, value };
}

/** One number typed in the user's locale ("10,000", "10 000"), or the sentence saying what is wrong. */
export function parseLocaleNumber(text: string, options: ParseOptions = {}): ParsedNumber {
  const sep = numberSeparators(options.locale);
  const trimmed = text.trim();
  const re = pattern(sep, options.grouping);
  re.lastIndex = 0;
  const m = re.exec(trimmed);
  if (!m || m[0].length !== trimmed.length)
    return {
      ok: false,
      message: `${options.what ?? 'A value'} must be a number of credits like ${example(options.locale)}: "${trimmed}" is not one.`,
    };
  return read(m[0], sep, options);
}

/** The sentence for the word at the start of `rest`: quoted whole as typed ("12abc", "1e9"), never a piece of it. */
function notANumber(rest: string): ParsedList {
  const word = rest.split(/[\s,;]/)[0] || rest.slice(0, 1);
  return {
    ok: false,
    message: /^-\d/.test(word)
      ? `Enter numbers above 0 separated by commas, e.g. 50, 90, 100: "${word}" is negative.`
      : `Enter numbers separated by commas, e.g. 50, 90, 100: "${word}" is not a number.`,
  };
}

export type ParsedList = { ok: true; values: number[] } | { ok: false; message: string };

/**
 * A list of numbers ("50, 90, 100"; "10,000, 25,000"; "10 000 ; 25 000"), separated by commas,
 * semicolons or spaces; a separator that could also be the locale's grouping reads as grouping only
 * between groups of three digits ("10,000" is ten thousand, "50,90" is two values).
 */
export function parseLocaleNumberList(text: string, options: ParseOptions = {}): ParsedList {
  const sep = numberSeparators(options.locale);
  const re = pattern(sep, options.grouping);
  const between = /[\s,;]+/y;
  const values: number[] = [];
  const s = text.trim();
  let at = 0;
  while (at < s.length) {
    const start = at;
    re.lastIndex = at;
    const m = re.exec(s);
    if (!m) return notANumber(s.slice(at));
    const one = read(m[0], sep, options);
    if (!one.ok) return one;
    values.push(one.value);
    at = re.lastIndex;
    between.lastIndex = at;
    const gap = between.exec(s);
    if (gap) at = between.lastIndex;
    else if (at < s.length) return notANumber(s.slice(start));
  }
  if (values.length === 0)
    return { ok: false, message: 'Enter one or more numbers separated by commas, e.g. 50, 90, 100.' };
  return { ok: true, values };
}
