import type { WorkspaceOverrides } from '../../src-shared/engine/resolve-workspace';
import type { Settings, ThresholdSetting } from '../../src-shared/settings/settings';

/** The engine's default marks, when a lead set none. */
export const DEFAULT_MARKS: readonly number[] = [50, 90, 100];

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * A threshold setting in percent of a pool holding `available` credits. Credit thresholds ("warn me
 * at 40,000 used") become the percent they are of what the pool holds, between 0.01 and 100.
 */
export function thresholdPercents(setting: ThresholdSetting, available: number): number[] {
  if (setting.unit === 'percent') return [...new Set(setting.values)].sort((a, b) => a - b);
  const percents = setting.values.map((credits) =>
    available > 0 ? Math.min(100, Math.max(0.01, round2((credits / available) * 100))) : 100,
  );
  return [...new Set(percents)].sort((a, b) => a - b);
}

/**
 * The marks a pool card shows: the lead's thresholds in percent, else the workspace's own from the
 * account API, else 50, 90 and 100.
 */
export function poolMarks(
  setting: ThresholdSetting | undefined,
  workspaceThresholds: readonly number[] | undefined,
  available: number,
): number[] {
  if (setting) return thresholdPercents(setting, available);
  return [...(workspaceThresholds ?? DEFAULT_MARKS)];
}

/**
 * What the lead set in Settings as the engine's per-workspace overrides (thresholds and member
 * budgets). The engine takes one threshold list per workspace, so credit thresholds are converted
 * against `allowanceOf(workspaceId)`, the allowance of the workspace's first pool (its integration
 * pool on every catalog plan); a bonus granted later moves such a mark only on the card, not in alerts.
 */
export function overridesFromSettings(
  settings: Pick<Settings, 'thresholds' | 'budgets'>,
  allowanceOf: (workspaceId: string) => number | null,
): Record<string, WorkspaceOverrides> {
  const out: Record<string, WorkspaceOverrides> = {};
  for (const [workspaceId, setting] of Object.entries(settings.thresholds)) {
    const allowance = setting.unit === 'percent' ? 0 : allowanceOf(workspaceId);
    if (allowance === null) continue;
    (out[workspaceId] ??= {}).thresholds = thresholdPercents(setting, allowance);
  }
  for (const [workspaceId, budgets] of Object.entries(settings.budgets)) {
    if (Object.keys(budgets).length > 0) (out[workspaceId] ??= {}).budgets = { ...budgets };
  }
  return out;
}
