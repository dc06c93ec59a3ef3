import { fieldIssueText } from '../../src-shared/types/issue-text';
import type { z } from 'zod';
import { invokeContract, type InvokeName } from '../../src-shared/ipc/contract';
import type { InvokeResult } from '../../src-shared/ipc/invoke-result';
import type { InvokeHandlers } from './invoke-handlers';

/** Whether the caller may use the API at all; decided by the transport (Electron sender, browser token). */
export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

/** Where dispatch reports refusals and handler failures (the app's logger; never the payload, it may hold a token). */
export interface DispatchLog {
  warn(message: string, context: Record<string, unknown>): void;
  error(message: string, context: Record<string, unknown>): void;
}

const byChannel: ReadonlyMap<string, InvokeName> = new Map(
  (Object.keys(invokeContract) as InvokeName[]).map((name) => [invokeContract[name].channel, name]),
);

/** The contract name of a channel, or undefined when the contract has no such channel. */
export function invokeNameOf(channel: string): InvokeName | undefined {
  return byChannel.get(channel);
}

/** Zod issues as one line that names each bad field: "period: expected YYYY-MM", "limit: expected a number, not the text "5"". */
export function describeIssues(error: z.ZodError, input: unknown): string {
  return error.issues.map((issue) => fieldIssueText(issue, input, 'input')).join('; ');
}

/**
 * The core of every invoke, shared by the Electron IPC wrapper and the browser-mode transport: check
 * the sender, find the call, parse the payload with its schema (rejected, never coerced), run the
 * handler. Never throws: every outcome is an InvokeResult.
 */
export async function dispatchInvoke(
  handlers: InvokeHandlers,
  channel: string,
  payload: unknown,
  senderCheck: () => SenderVerdict,
  log?: DispatchLog,
): Promise<InvokeResult<unknown>> {
  const verdict = senderCheck();
  if (!verdict.trusted) {
    log?.warn('IPC call refused: untrusted sender', { channel, reason: verdict.reason });
    return {
      ok: false,
      error: { code: 'untrusted-sender', message: `Refused ${channel}: ${verdict.reason}` },
    };
  }
  const name = invokeNameOf(channel);
  if (!name) {
    log?.warn('IPC call refused: unknown channel', { channel });
    return {
      ok: false,
      error: { code: 'unknown-channel', message: `Creditbar has no call named ${channel}.` },
    };
  }
  const parsed = invokeContract[name].input.safeParse(payload);
  if (!parsed.success) {
    const message = `Invalid input for ${channel}: ${describeIssues(parsed.error, payload)}`;
    log?.warn('IPC call refused: invalid input', { channel, issues: message });
    return { ok: false, error: { code: 'invalid-input', message } };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    log?.error('IPC handler failed', { channel, error });
    const message = error instanceof Error && error.message ? error.message : `${channel} failed.`;
    return { ok: false, error: { code: 'failed', message } };
  }
}
