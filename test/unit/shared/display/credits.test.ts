import { describe, expect, it } from 'vitest';
import {
  formatCredits,
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

  it("groups in the user's locale", () => {
    expect(formatCredits(25_019, 'de-DE')).toBe('25.019');
  });
});
