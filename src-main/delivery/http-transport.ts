import { httpRequest } from '../net/http-request';

/** What a POST to a channel came back with (never the URL: it is a secret). */
export interface PostResult {
  ok: boolean;
  status: number | null;
  /** One line for the lead: "HTTP 500 from hooks.slack.com: internal_error", "timed out after 10 s". */
  error: string | null;
  /** Seconds the receiver asked us to wait (429/503 Retry-After), if it said. */
  retryAfterSeconds: number | null;
}

export interface PostRequest {
  url: string;
  body: unknown;
  headers: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Sends one channel POST; injected so tests can count attempts without a network. */
export type PostJson = (request: PostRequest) => Promise<PostResult>;

const SNIPPET = 160;

function retryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, (at - now) / 1000);
}

/** The host a message went to: enough to say where, never the secret path. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the channel URL';
  }
}

/**
 * POST `body` as JSON (node:http, see http-request.ts). Any 2xx is delivered (Slack answers 200 "ok", a Teams workflow
 * 202); redirects are not followed (a POST must not wander to another host with our alert); a
 * timeout, a network error or another status is a failure described in one line without the URL.
 */
export const postJson: PostJson = async ({ url, body, headers, timeoutMs, signal }) => {
  const host = hostOf(url);
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const res = await httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, SNIPPET);
    if (res.status >= 200 && res.status < 300)
      return { ok: true, status: res.status, error: null, retryAfterSeconds: null };
    const why =
      res.status >= 300 && res.status < 400 ? ' (a redirect: use the final URL)' : text ? `: ${text}` : '';
    return {
      ok: false,
      status: res.status,
      error: `HTTP ${res.status} from ${host}${why}`,
      retryAfterSeconds: retryAfter(res.headers.get('retry-after'), Date.now()),
    };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = timeout.aborted
      ? `timed out after ${Math.round(timeoutMs / 1000)} s`
      : signal?.aborted
        ? 'cancelled'
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { ok: false, status: null, error: `could not reach ${host}: ${why}`, retryAfterSeconds: null };
  }
};
