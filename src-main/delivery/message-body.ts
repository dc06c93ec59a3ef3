import type { PoolKind } from '../../src-shared/types/ledger';
import type { RaisedAlert } from '../../src-shared/ipc/snapshot';

/**
 * The versioned JSON body every channel message is built from: what a generic webhook receives as
 * is, what a shell hook reads on stdin, and what the Slack and Teams formats are rendered from.
 * Documented in the README ("The webhook body"); a change that breaks a reader bumps `version`.
 */
export interface MessageBodyV1 {
  version: 1;
  /** alerts: one or more alerts (a burst merged into one message); digest: the daily or weekly summary; test: "Send a test". */
  type: 'alerts' | 'digest' | 'test';
  /** Equals the Idempotency-Key header: the same on every retry of this message. */
  id: string;
  /** When the message was formed (not when this attempt was made), ISO 8601 UTC. */
  createdAt: string;
  /** What a person reads first: plain text, no links, no markup; several lines for several alerts. */
  text: string;
  /** Empty for a digest. */
  alerts: AlertItemV1[];
  digest: DigestV1 | null;
}

/** One alert in a message, with the pool's numbers when it was raised. */
export interface AlertItemV1 {
  /** The alert's stable key (workspace|pool|period start|kind|threshold): dedupe on it. */
  key: string;
  kind: RaisedAlert['kind'];
  workspace: { id: string; name: string };
  pool: PoolKind | null;
  /** Percent of the pool used when raised (two decimals), null for alerts about no pool. */
  percent: number | null;
  /** The threshold of a threshold alert (100 for exhausted, 50 for the mid-period audit), else null. */
  threshold: number | null;
  used: number | null;
  available: number | null;
  remaining: number | null;
  resetsAt: string | null;
  /** When the forecast says the pool runs dry, if before the reset; else null. */
  runsOutAt: string | null;
  top: {
    member: { id: string; name: string; credits: number } | null;
    action: { name: string; credits: number } | null;
  };
  /** When the condition happened (a threshold: the crossing). */
  at: string;
  raisedAt: string;
  /** The alert's own sentence, as the alert centre lists it. */
  message: string;
  /** The notification's title and body: what a person reads first. */
  title: string;
  text: string;
}

/** The digest of one account. */
export interface DigestV1 {
  /** daily (weekdays or every day) or weekly (Mondays). */
  schedule: 'daily' | 'weekly';
  account: { id: string; label: string };
  /** The window it covers: from the previous digest's slot to this one's. */
  from: string;
  to: string;
  pools: DigestPoolV1[];
  /** Alerts raised in the window, newest first, every kind (recovered and reset included). */
  alerts: {
    key: string;
    kind: RaisedAlert['kind'];
    workspaceId: string;
    message: string;
    raisedAt: string;
  }[];
}

export interface DigestPoolV1 {
  workspace: { id: string; name: string };
  pool: PoolKind;
  used: number;
  available: number;
  remaining: number;
  percent: number;
  /** Credits used since the previous digest of this period; null on the first digest or in a new period. */
  change: number | null;
  /** What `change` is measured against: the previous digest's instant, or null. */
  changeSince: string | null;
  resetsAt: string;
  forecast: { projectedUsed: number; runsOutAt: string | null };
  top: AlertItemV1['top'];
}

/** The message's subject line: the first line of its text. */
export function subjectOf(body: Pick<MessageBodyV1, 'text'>): string {
  return body.text.split('\n', 1)[0] ?? '';
}
