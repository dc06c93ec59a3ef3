import { formatCredits } from '../../src-shared/display/credits';
import type { ApiPool } from '../../src-shared/api/workspaces';
import { parseInstant } from '../../src-shared/time/instant';
import { MAX_CREDITS, type Member, type Provider } from '../../src-shared/types/ledger';
import { instantSchema, providerSchema } from '../../src-shared/types/ledger-schema';
import { ServerCliError } from './cli-io';
import { numberFlag } from './flags';

/** `--provider`: zite, base44 or custom. */
export function providerFlag(text: string | undefined): Provider | undefined {
  if (text === undefined) return undefined;
  const parsed = providerSchema.safeParse(text);
  if (!parsed.success) throw new ServerCliError(`--provider must be zite, base44 or custom (got "${text}")`);
  return parsed.data;
}

/** A whole number of credits from a flag (allowances, budgets). */
export function creditsFlag(name: string, text: string | undefined): number | undefined {
  return text === undefined ? undefined : numberFlag(name, text, 0, 0, MAX_CREDITS);
}

/** `--billing-day N`: 1-31 (clamped to a short month's last day by the engine). */
export function billingDayFlag(text: string | undefined): number | undefined {
  return text === undefined ? undefined : numberFlag('billing-day', text, 1, 1, 31, true);
}

/** `--thresholds 50,90,100` (percent of what the pool holds); `default` (update only) gives null. */
export function thresholdsFlag(text: string | undefined, allowDefault: boolean): number[] | null | undefined {
  if (text === undefined) return undefined;
  if (allowDefault && text === 'default') return null;
  const values = text.split(',').map((t) => Number(t.trim()));
  if (text.trim() === '' || values.some((v) => !(v > 0 && v <= 100)))
    throw new ServerCliError(
      `--thresholds must be percentages above 0 and at most 100, separated by commas, e.g. 50,90,100 (got "${text}")${allowDefault ? '; "default" goes back to 50,90,100' : ''}`,
    );
  return [...new Set(values)].sort((a, b) => a - b);
}

/** `--member id:Name` (repeatable): a member id and its display name. */
export function memberFlags(texts: string[] | undefined): Member[] {
  return (texts ?? []).map((text) => {
    const colon = text.indexOf(':');
    if (colon <= 0 || colon === text.length - 1)
      throw new ServerCliError(`--member must read id:Name, e.g. --member ana:"Ana Lima" (got "${text}")`);
    return { id: text.slice(0, colon), name: text.slice(colon + 1) };
  });
}

/** An ISO 8601 instant from a flag, in epoch milliseconds. */
export function instantFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!instantSchema.safeParse(text).success)
    throw new ServerCliError(
      `--${name} must be an ISO 8601 instant such as 2026-11-25T09:00:00Z (got "${text}")`,
    );
  return parseInstant(text);
}

const DAY_MS = 86_400_000;

/** `--expires`: an instant, `never`, or a time after `from` such as 30d, 12w or 1y (365 days). */
export function expiresFlag(text: string | undefined, from: number): number | null | undefined {
  if (text === undefined) return undefined;
  if (text === 'never') return null;
  const relative = /^(\d+)(d|w|y)$/.exec(text);
  if (relative)
    return from + Number(relative[1]) * { d: 1, w: 7, y: 365 }[relative[2] as 'd' | 'w' | 'y'] * DAY_MS;
  if (instantSchema.safeParse(text).success) return parseInstant(text);
  throw new ServerCliError(
    `--expires must be an ISO 8601 instant, a time after --at such as 30d, 12w or 1y, or never (got "${text}")`,
  );
}

/** `integration 50,000 a period, resets on the 1st (UTC)`: a pool in one phrase. */
export function describePool(p: ApiPool): string {
  const reset =
    p.reset.kind === 'calendar-month'
      ? 'resets on the 1st (UTC)'
      : p.reset.kind === 'anchor-day'
        ? `resets on day ${p.reset.day} (UTC)`
        : 'resets daily (UTC)';
  return `${p.pool} ${formatCredits(p.allowance)} a period, ${reset}${p.overage ? ', billed past zero' : ''}`;
}

/** `1 event`, `1,234 events`. */
export function counted(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
