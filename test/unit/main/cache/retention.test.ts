import { describe, expect, it } from 'vitest';
import { retentionHorizon } from '../../../../src-main/cache/retention';
import type { ResetRule } from '../../../../src-shared/types/ledger';

const t = (iso: string) => Date.parse(iso);

describe('retentionHorizon keeps the current and the previous period raw', () => {
  it.each<[ResetRule, string, string]>([
    [{ kind: 'calendar-month' }, '2026-11-20T12:00:00Z', '2026-10-01T00:00:00Z'],
    [{ kind: 'calendar-month' }, '2026-11-01T00:00:00Z', '2026-10-01T00:00:00Z'],
    [{ kind: 'calendar-month' }, '2026-01-05T00:00:00Z', '2025-12-01T00:00:00Z'],
    [{ kind: 'anchor-day', day: 15 }, '2026-11-20T00:00:00Z', '2026-10-15T00:00:00Z'],
    [{ kind: 'anchor-day', day: 15 }, '2026-11-10T00:00:00Z', '2026-09-15T00:00:00Z'],
    [{ kind: 'anchor-day', day: 31 }, '2026-03-10T00:00:00Z', '2026-01-31T00:00:00Z'],
    // A daily pool keeps the current and the previous calendar month, not two days.
    [{ kind: 'daily' }, '2026-11-20T08:00:00Z', '2026-10-01T00:00:00Z'],
    [{ kind: 'daily' }, '2026-01-01T00:00:00Z', '2025-12-01T00:00:00Z'],
  ])('%j at %s → %s', (rule, now, horizon) => {
    expect(retentionHorizon(rule, t(now))).toBe(t(horizon));
  });
});
