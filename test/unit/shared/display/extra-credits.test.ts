import { describe, expect, it } from 'vitest';
import {
  extraCreditsText,
  grantKindsOf,
  type GrantFacts,
} from '../../../../src-shared/display/extra-credits';

// A period Nov 15 → Dec 15, seen on Dec 3.
const period = {
  start: Date.parse('2026-11-15T00:00:00Z'),
  end: Date.parse('2026-12-15T00:00:00Z'),
  asOf: Date.parse('2026-12-03T00:00:00Z'),
};
const grant = (kind: GrantFacts['kind'], grantedAt: string, more: Partial<GrantFacts> = {}): GrantFacts => ({
  pool: 'integration',
  kind,
  credits: 100,
  grantedAt,
  expiresAt: null,
  ...more,
});

describe('grantKindsOf', () => {
  it.each([
    ['a bonus granted in the period', [grant('bonus', '2026-11-20T00:00:00Z')], ['bonus']],
    [
      'a top-up bought before the period, valid a year',
      [grant('top-up', '2026-10-01T00:00:00Z', { expiresAt: '2027-10-01T00:00:00Z' })],
      ['top-up'],
    ],
    [
      'a bonus that expired before the period started',
      [grant('bonus', '2026-09-01T00:00:00Z', { expiresAt: '2026-11-15T00:00:00Z' })],
      [],
    ],
    ['a top-up granted after asOf', [grant('top-up', '2026-12-04T00:00:00Z')], []],
    [
      'an adjustment taking credits away',
      [grant('adjustment', '2026-11-20T00:00:00Z', { credits: -50 })],
      [],
    ],
    ['another pool’s top-up', [grant('top-up', '2026-11-20T00:00:00Z', { pool: 'message' })], []],
    [
      'a top-up then a bonus',
      [grant('top-up', '2026-11-16T00:00:00Z'), grant('bonus', '2026-11-20T00:00:00Z')],
      ['bonus', 'top-up'],
    ],
  ])('%s', (_name, grants, kinds) => {
    expect(grantKindsOf(grants as GrantFacts[], 'integration', period)).toEqual(kinds);
  });
});

describe('extraCreditsText', () => {
  it.each([
    [40, ['bonus'], 'includes 40 bonus credits'],
    [500, ['top-up'], 'includes 500 top-up credits'],
    [1540, ['bonus', 'top-up'], 'includes 1,540 bonus and top-up credits'],
    [20, ['bonus', 'top-up', 'adjustment'], 'includes 20 bonus, top-up and adjustment credits'],
    [20, [], 'includes 20 extra credits'],
    [0, ['bonus'], null],
  ] as const)('%s credits of %j: %s', (extra, kinds, text) => {
    expect(extraCreditsText(extra, kinds)).toBe(text);
  });
});
