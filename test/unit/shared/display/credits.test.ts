import { describe, expect, it } from 'vitest';
import {
  formatCredits,
  formatCreditsPhrase,
  formatSignedCredits,
  formatWholeCredits,
} from '../../../../src-shared/display/credits';

describe('credits as every surface writes them', () => {
  it.each([
    [1234.56, '1,235'],
    [99.456, '99.46'],
    [0.5, '0.5'],
    [0, '0'],
  ])('%d credits → %s', (value, text) => {
    expect(formatCredits(value)).toBe(text);
  });

  it('signs changes and prints whole credits for terminal tables', () => {
    expect([formatSignedCredits(518), formatSignedCredits(-1200.4), formatSignedCredits(0)]).toEqual([
      '+518',
      '-1,200',
      '0',
    ]);
    expect(formatWholeCredits(13_802.37)).toBe('13,802');
  });

  it('says "1 credit", not "1 credits", for whatever reads as one', () => {
    expect(formatCreditsPhrase(1)).toBe('1 credit');
    expect(formatCreditsPhrase(1.001)).toBe('1 credit');
    expect(formatCreditsPhrase(-1)).toBe('-1 credit');
    expect(formatCreditsPhrase(0.5)).toBe('0.5 credits');
    expect(formatCreditsPhrase(0)).toBe('0 credits');
    expect(formatCreditsPhrase(1200)).toBe('1,200 credits');
    expect(formatCreditsPhrase(1.4, 'en-US', formatWholeCredits)).toBe('1 credit');
  });

  it("groups in the user's locale", () => {
    expect(formatCredits(25_019, 'de-DE')).toBe('25.019');
  });
});
