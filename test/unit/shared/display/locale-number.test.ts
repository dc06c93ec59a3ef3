import { describe, expect, it } from 'vitest';
import {
  numberSeparators,
  parseLocaleNumber,
  parseLocaleNumberList,
} from '../../../../src-shared/display/locale-number';

const whole = { whole: true, what: 'A budget' };

describe('credit inputs read the way the user wrote them', () => {
  it("takes the locale's grouping: 10,000 in English, 10 000 in French, 10.000 in German", () => {
    expect(parseLocaleNumber('10,000', { ...whole, locale: 'en-US' })).toEqual({ ok: true, value: 10000 });
    // A French user types a plain space; Intl prints a narrow no-break one: both are grouping.
    expect(parseLocaleNumber('10 000', { ...whole, locale: 'fr-FR' })).toEqual({ ok: true, value: 10000 });
    expect(parseLocaleNumber('10\u202f000', { ...whole, locale: 'fr-FR' })).toEqual({
      ok: true,
      value: 10000,
    });
    expect(parseLocaleNumber('10.000', { ...whole, locale: 'de-DE' })).toEqual({ ok: true, value: 10000 });
    expect(parseLocaleNumber('1,250,000', { ...whole, locale: 'en-US' })).toEqual({
      ok: true,
      value: 1250000,
    });
    expect(numberSeparators('de-DE')).toEqual({ group: '.', decimal: ',' });
  });

  it('refuses a fraction where credits are whole, in one sentence naming what was typed', () => {
    expect(parseLocaleNumber('1.5', { ...whole, locale: 'en-US' })).toEqual({
      ok: false,
      message: 'A budget is a whole number of credits: "1.5" has a decimal part.',
    });
    expect(parseLocaleNumber('1,5', { ...whole, locale: 'de-DE' })).toEqual({
      ok: false,
      message: 'A budget is a whole number of credits: "1,5" has a decimal part.',
    });
    // "1.5" in German is neither grouping (three digits after the dot) nor a decimal: refused, not 15.
    const german = parseLocaleNumber('1.5', { ...whole, locale: 'de-DE' });
    expect(german.ok).toBe(false);
    expect(german.ok ? '' : german.message).toBe(
      'A budget must be a number of credits like 10.000: "1.5" is not one.',
    );
    // A group separator between anything but three digits is no grouping either.
    expect(parseLocaleNumber('10,00', { ...whole, locale: 'en-US' }).ok).toBe(false);
    expect(parseLocaleNumber('ten', { ...whole, locale: 'en-US' }).ok).toBe(false);
  });

  it('reads a list of thresholds: commas between values, grouping inside them', () => {
    expect(parseLocaleNumberList('50, 90, 100', { locale: 'en-US' })).toEqual({
      ok: true,
      values: [50, 90, 100],
    });
    // Percents take no grouping, so without spaces the commas still separate values.
    expect(parseLocaleNumberList('50,90,100', { locale: 'en-US', grouping: false })).toEqual({
      ok: true,
      values: [50, 90, 100],
    });
    expect(parseLocaleNumberList('10,000, 25,000', { locale: 'en-US', whole: true })).toEqual({
      ok: true,
      values: [10000, 25000],
    });
    expect(parseLocaleNumberList('10,000,25,000', { locale: 'en-US', whole: true })).toEqual({
      ok: true,
      values: [10000, 25000],
    });
    expect(parseLocaleNumberList('10 000; 25 000', { locale: 'fr-FR', whole: true })).toEqual({
      ok: true,
      values: [10000, 25000],
    });
    expect(parseLocaleNumberList('40 75 100', { locale: 'en-US' })).toEqual({
      ok: true,
      values: [40, 75, 100],
    });
    expect(parseLocaleNumberList('50, half', { locale: 'en-US' })).toEqual({
      ok: false,
      message: 'Enter numbers separated by commas, e.g. 50, 90, 100: "half" is not a number.',
    });
    expect(parseLocaleNumberList('  ', { locale: 'en-US' }).ok).toBe(false);
    expect(
      parseLocaleNumberList('5000.5', { locale: 'en-US', whole: true, what: 'A credit threshold' }),
    ).toEqual({
      ok: false,
      message: 'A credit threshold is a whole number of credits: "5000.5" has a decimal part.',
    });
  });
});
