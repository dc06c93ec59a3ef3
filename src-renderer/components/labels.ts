import type { PoolKind } from '../../src-shared/types/ledger';
import { thresholdText } from '../../src-shared/display/threshold-text';
import { locales } from './format';
import type { RaisedAlert, ThresholdsInForce } from '../../src-shared/ipc/snapshot';
import type { ChannelKind, SettingsAlertKind } from '../../src-shared/settings/settings';

export const POOL_LABEL: Record<PoolKind, string> = {
  integration: 'Integration credits',
  message: 'Message credits',
};

export const ALERT_KIND_LABEL: Record<SettingsAlertKind, string> = {
  threshold: 'Threshold reached',
  exhausted: 'Pool ran dry',
  'mid-period-audit': 'Mid-period audit',
  'projected-run-out': 'Projected to run dry',
  'member-budget': 'Member over budget',
  'sync-stale': 'Sync stale',
  drift: 'Drift from server',
  recovered: 'Pool back to normal',
  reset: 'New period started',
};

/**
 * "90% used" for threshold alerts ("50,000 credits used" where the pool's thresholds are in credits,
 * never "Threshold 0.01% reached"), the kind's label otherwise.
 */
export function alertTitle(
  alert: Pick<RaisedAlert, 'kind' | 'percent'>,
  inForce?: Pick<ThresholdsInForce, 'unit' | 'values' | 'percents'>,
): string {
  if (alert.kind === 'threshold' && alert.percent !== null)
    return `${thresholdText(inForce, alert.percent, locales())} used`;
  return ALERT_KIND_LABEL[alert.kind];
}

export const DELIVERY_LABEL: Record<RaisedAlert['delivery'], string> = {
  shown: 'Notified',
  queued: 'Queued',
  silent: 'Silent',
};

export const PROVIDER_LABEL: Record<string, string> = { zite: 'Zite', base44: 'Base44', custom: 'Custom' };

/** "Pro plan" from "pro". */
export function planLabel(plan: string): string {
  return `${plan.charAt(0).toUpperCase()}${plan.slice(1)} plan`;
}

/** What each alert channel is called where a lead picks one. */
export const CHANNEL_KIND_LABEL: Record<ChannelKind, string> = {
  webhook: 'Webhook (JSON)',
  slack: 'Slack',
  teams: 'Microsoft Teams',
  shell: 'Shell command',
};
