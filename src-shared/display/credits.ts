/**
 * Credits as every surface writes them, in the user's locale: whole numbers from 100 up, at most two
 * decimals below (an LLM call can cost a fraction, and "0.5" must not read "1"). JSON keeps the exact
 * value; tables of a terminal print whole credits (`formatWholeCredits`).
 */

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string | readonly string[], digits: number, sign = false): Intl.NumberFormat {
  const key = `${typeof locale === 'string' ? locale : locale.join(',')}|${digits}|${sign}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale as string | string[], {
      maximumFractionDigits: digits,
      ...(sign ? { signDisplay: 'exceptZero' as const } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/** "25,019", "0.5", "99.46". */
export function formatCredits(value: number, locale: string | readonly string[] = 'en-US'): string {
  return numberFormat(locale, Math.abs(value) >= 100 ? 0 : 2).format(value);
}

/** A signed change: "+518", "−1,200", "0". */
export function formatSignedCredits(value: number, locale: string | readonly string[] = 'en-US'): string {
  return numberFormat(locale, Math.abs(value) >= 100 ? 0 : 2, true).format(value);
}

/**
 * Credits to two decimals at any size, for a sentence that compares two amounts (what was typed
 * against what a pool holds): rounded to whole credits, 9,999.6 held and 9,999.8 typed would read
 * "holds 10,000, fewer than the 10,000 typed".
 */
export function formatExactCredits(value: number, locale: string | readonly string[] = 'en-US'): string {
  return numberFormat(locale, 2).format(value);
}

/** Whole credits, rounded to the nearest: "1,235" (terminal tables). */
export function formatWholeCredits(value: number, locale: string | readonly string[] = 'en-US'): string {
  return numberFormat(locale, 0).format(value);
}

/**
 * An amount with its noun, singular when it reads as one: "1 credit", "0.5 credits", "1,200 credits".
 * `format` is how the amount is written (formatCredits unless a sentence wants whole or exact credits).
 */
export function formatCreditsPhrase(
  value: number,
  locale: string | readonly string[] = 'en-US',
  format: (value: number, locale: string | readonly string[]) => string = formatCredits,
): string {
  const text = format(value, locale);
  // What reads as one is one: 1.001 written "1" is "1 credit", as a reader counts it.
  const one = text === format(1, locale) || text === format(-1, locale);
  return `${text} ${one ? 'credit' : 'credits'}`;
}

/**
 * Credits written as text, the one grammar of a usage page's figure wherever it is typed or read (the
 * reading field, `--remaining`/`--used`/`--allowance`, a CSV's credits and units cells): digits with
 * an optional decimal part (a provider's charge may be a fraction: "2.5"), groups of three separated
 * by a comma, an underscore or any space ("4,200", "4 200"). Null for anything else (a sign, words,
 * "1e3", "1,5"); the caller says what it expected and checks the bounds.
 */
export function parseCreditsText(text: string): number | null {
  const plain = text.trim().replace(/(?<=\d)[,_\s\u00a0\u202f](?=\d{3}(\D|$))/g, '');
  if (!/^\d+(\.\d+)?$/.test(plain)) return null;
  const n = Number(plain);
  return Number.isFinite(n) ? n : null;
}
