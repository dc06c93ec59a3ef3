import { plainSpaces } from '../../src-shared/display/dates';
import type { Channel } from '../../src-shared/settings/settings';
import type { PostJson } from './http-transport';
import type { MessageBodyV1 } from './message-body';
import type { RunShell } from './shell-transport';
import { slackPayload } from './slack-format';
import { teamsPayload } from './teams-format';

/** The outcome of one attempt to deliver a message. */
export interface SendResult {
  ok: boolean;
  error: string | null;
  retryAfterSeconds: number | null;
  /** The process is stopping: the attempt does not count as a failure, the message stays due. */
  cancelled: boolean;
}

export interface SendContext {
  post: PostJson;
  runShell: RunShell;
  /** The channel's URL from the secret store (null: none stored). */
  url: string | null;
  attempt: number;
  httpTimeoutMs: number;
  shellTimeoutMs: number;
  userAgent: string;
  signal?: AbortSignal;
}

/** The body as each channel kind wants it: ours as is, or Slack's and Teams' own formats. */
export function wireBody(kind: Exclude<Channel['kind'], 'shell'>, body: MessageBodyV1): unknown {
  switch (kind) {
    case 'webhook':
      return body;
    case 'slack':
      return slackPayload(body);
    case 'teams':
      return teamsPayload(body);
  }
}

/** The variables a shell hook gets besides the JSON on stdin: enough for a one-line script. */
export function hookVariables(body: MessageBodyV1, attempt: number): Record<string, string> {
  const first = body.alerts[0];
  return {
    CREDITBAR_TYPE: body.type,
    CREDITBAR_ID: body.id,
    CREDITBAR_ATTEMPT: String(attempt),
    CREDITBAR_COUNT: String(body.alerts.length),
    CREDITBAR_TEXT: body.text,
    CREDITBAR_KEY: first?.key ?? '',
    CREDITBAR_KIND: first?.kind ?? '',
    CREDITBAR_WORKSPACE: first?.workspace.id ?? body.digest?.account.id ?? '',
    CREDITBAR_POOL: first?.pool ?? '',
    CREDITBAR_PERCENT: first?.percent === null || first?.percent === undefined ? '' : String(first.percent),
  };
}

/**
 * One attempt to deliver a message to a channel: a POST with the Idempotency-Key header, or the
 * shell hook with the JSON on stdin. Never throws; the result says what happened in one line.
 */
export async function sendMessage(
  channel: Channel,
  message: MessageBodyV1,
  ctx: SendContext,
): Promise<SendResult> {
  // Its sentences date "Dec 1" with the screens' unbroken space; a channel's reader is a program or a
  // chat that wraps on its own, so it gets plain spaces, as a script greps them.
  const body = JSON.parse(plainSpaces(JSON.stringify(message))) as MessageBodyV1;
  const cancelled = () => ctx.signal?.aborted === true;
  if (channel.kind === 'shell') {
    if (!channel.command)
      return {
        ok: false,
        error: 'no command is set for this hook',
        retryAfterSeconds: null,
        cancelled: false,
      };
    const r = await ctx.runShell({
      command: channel.command,
      stdin: JSON.stringify(body),
      env: hookVariables(body, ctx.attempt),
      timeoutMs: channel.timeoutSeconds ? channel.timeoutSeconds * 1000 : ctx.shellTimeoutMs,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    return { ok: r.ok, error: r.error, retryAfterSeconds: null, cancelled: !r.ok && cancelled() };
  }
  if (ctx.url === null)
    return {
      ok: false,
      error: "this channel's URL is missing from the secret store: remove the channel and add it again",
      retryAfterSeconds: null,
      cancelled: false,
    };
  const r = await ctx.post({
    url: ctx.url,
    body: wireBody(channel.kind, body),
    headers: {
      'idempotency-key': body.id,
      'user-agent': ctx.userAgent,
      'x-creditbar-type': body.type,
      'x-creditbar-attempt': String(ctx.attempt),
    },
    timeoutMs: ctx.httpTimeoutMs,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  return {
    ok: r.ok,
    error: r.error,
    retryAfterSeconds: r.retryAfterSeconds,
    cancelled: !r.ok && cancelled(),
  };
}
