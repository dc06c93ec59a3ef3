import { describe, expect, it } from 'vitest';
import { formatPercentUsed } from '../../../src-renderer/components/format';

describe('percent used on cards and reviews', () => {
  it.each([
    [49.98, '49.9%'], // under the 50 % mark: never shown as 50 %
    [89.99, '89.9%'],
    [50, '50%'],
    [54.6, '54.6%'],
    [0.04, '0%'],
    [100, '100%'],
  ])('%d reads %s', (percent, text) => {
    expect(formatPercentUsed(percent)).toBe(text);
  });
});
