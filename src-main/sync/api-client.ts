import { fieldIssueText } from '../../src-shared/types/issue-text';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { z } from 'zod';
import type { Balance, GrantList, Health, UsagePage, WorkspaceList } from '../../src-shared/api';
import { apiPaths } from '../../src-shared/api/paths';
import { plainAnswer } from '../../src-shared/api/plain-answers';
import { parseInstant, toIso, type Millis } from '../../src-shared/time/instant';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  sleep as realSleep,
  type RetryPolicy,
} from './backoff';
import { httpRequest } from '../net/http-request';
import { SyncError } from './sync-errors';

/**
 * The account API's contract with its zod schemas, loaded the first time an answer is not plainly
 * valid (plain-answers.ts): a sync thread that only meets valid answers never loads zod.
 */
const contract = () => import('../../src-shared/api/index');
type Contract = Awaited<ReturnType<typeof contract>>;

/** How one answer is checked: by hand when plainly valid, else by its schema, which gives the verdict and the issue. */
interface AnswerCheck<T> {
  plain(body: unknown): boolean;
  schema(c: Contract): { safeParse(body: unknown): z.ZodSafeParseResult<T> };
}

const checks = {
  health: { plain: plainAnswer.health, schema: (c) => c.healthSchema } as AnswerCheck<Health>,
  workspaces: {
    plain: plainAnswer.workspaceList,
    schema: (c) => c.workspaceListSchema,
  } as AnswerCheck<WorkspaceList>,
  grants: { plain: plainAnswer.grantList, schema: (c) => c.grantListSchema } as AnswerCheck<GrantList>,
  usage: { plain: plainAnswer.usagePage, schema: (c) => c.usagePageSchema } as AnswerCheck<UsagePage>,
  balance: { plain: plainAnswer.balance, schema: (c) => c.balanceSchema } as AnswerCheck<Balance>,
};

/** A non-2xx body's error code and message, when it is the API's error shape. */
async function apiErrorOf(body: unknown): Promise<{ code: string; message: string } | null> {
  if (plainAnswer.apiError(body)) return (body as { error: { code: string; message: string } }).error;
  const parsed = (await contract()).apiErrorSchema.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}

/** Answers longer than this are parsed and validated in turns of their own (see attempt). */
const BIG_ANSWER_CHARS = 100_000;

/** Why a request is being retried, and after how long (for progress lines and tests). */
export interface RetryNotice {
  path: string;
  attempt: number;
  delayMs: Millis;
  reason: string;
}

export interface ApiClientOptions {
  /** The account server, e.g. https://api.example.com or http://127.0.0.1:4000. */
  baseUrl: string;
  token: string;
  /** Per request, headers and body included (default 30 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * The instant this client's retries end. With it, a server that answers but fails (5xx, a body
   * cut off, a timeout) is retried for as long as the next attempt starts before it, not a fixed
   * number of times: a sync keeps going while progress is possible. A server nobody listens at
   * still fails within a second. Without it, `retry.retries` bounds every request.
   */
  deadline?: Millis;
  /** Injected so that tests can assert the delays without waiting them. */
  sleep?: (ms: Millis, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => Millis;
  onRetry?: (notice: RetryNotice) => void;
  /**
   * What to tell a user whose token the server refuses (401), after the colon: where that user
   * keeps the token. Default: the app's Settings.
   */
  authHint?: string;
  /** What stays true when it gives up (default: the last synced data stays available); null: nothing to keep. */
  kept?: string | null;
  /**
   * Ask for compressed answers. Default: yes, except on loopback (the embedded demo server), where
   * compressing a megabyte page costs both processes CPU and saves no network.
   */
  compression?: boolean;
}

/** True for 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** The account API as the sync uses it: every answer validated with the contract's schemas. */
export interface AccountApi {
  readonly baseUrl: string;
  health(signal?: AbortSignal): Promise<Health & { offsetMs: number }>;
  workspaces(signal?: AbortSignal): Promise<WorkspaceList>;
  grants(workspaceId: string, signal?: AbortSignal): Promise<GrantList>;
  usage(
    workspaceId: string,
    page: { cursor: string | null; limit: number },
    signal?: AbortSignal,
  ): Promise<UsagePage>;
  balance(workspaceId: string, asOf: Millis, signal?: AbortSignal): Promise<Balance>;
}

/** A transient failure: retried with backoff, then reported as `kind`. */
class Transient extends Error {
  constructor(
    readonly kind: 'offline' | 'server',
    message: string,
    readonly status?: number,
    /** Nothing listens there (or the name does not resolve): retried less. */
    readonly unreachable = false,
    /** The answer started but broke off (a cut body): the server is there, its answer was broken. */
    readonly broken = false,
  ) {
    super(message);
  }
}

function brokenAnswer(path: string, status: number): Transient {
  return new Transient('server', `the answer to ${path} broke off before its end`, status, false, true);
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** The server accepted the connection, then closed it before answering: it is there, its answer broke. */
const CLOSED_MIDWAY = new Set(['ECONNRESET', 'EPIPE']);

function networkCode(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
  // Node reports a refused dual-stack connect as an AggregateError whose parts carry the codes.
  return cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (err as Error).message;
}

/** How many of the latest attempts tell whether the server is still making progress. */
const PROGRESS_WINDOW = 20;
/** The longest wait between tries while the server makes progress (see nextDelay). */
const PROGRESS_MAX_DELAY_MS = 2_000;

/** "40 s", "3 min". */
function describeSpan(ms: Millis): string {
  return ms < 120_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`;
}

/**
 * Creates the client. Network errors, timeouts, cut bodies and 5xx are retried with exponential
 * backoff and jitter (for a fixed count, or until `deadline`); 429 waits what Retry-After says; 4xx other than 429 fail at once; a body
 * that does not match the contract fails as `malformed` without a retry.
 */
export function createApiClient(options: ApiClientOptions): AccountApi {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const wait = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const authHint = options.authHint ?? 'check the token of this account in Settings';
  const acceptEncoding = (options.compression ?? !isLoopback(baseUrl)) ? 'gzip, deflate, br' : 'identity';

  async function attempt(
    path: string,
    signal: AbortSignal | undefined,
  ): Promise<{ body: unknown; status: number; retryAfter: string | null; big: boolean }> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const res = await httpRequest(baseUrl + path, {
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/json',
          'accept-encoding': acceptEncoding,
        },
        signal: combined,
      });
      // Reading the body is under the same timeout: a server that stalls mid-body is a timeout too.
      let text: string;
      try {
        text = await res.text();
      } catch (err) {
        if (signal?.aborted || timeout.aborted) throw err;
        // The headers came, then the connection closed before the body they promised: the server
        // is reachable and its answer broke, so the address is not what the user should check.
        throw brokenAnswer(path, res.status);
      }
      // A big answer (a usage page is ~1 MB) is read, parsed and validated in separate turns of the
      // event loop, so the app's main thread answers between them (each takes 5-25 ms for a page).
      const big = text.length > BIG_ANSWER_CHARS;
      if (big) await nextTurn();
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        // A 2xx body that is not JSON is most likely cut short in transit: retry it as transient.
        if (res.ok) throw brokenAnswer(path, res.status);
        body = undefined;
      }
      return { body, status: res.status, retryAfter: res.headers.get('retry-after'), big };
    } catch (err) {
      if (err instanceof Transient) throw err;
      if (signal?.aborted)
        throw new SyncError('cancelled', 'the sync was cancelled; nothing stored was lost');
      if (timeout.aborted)
        throw new Transient('offline', `no answer from ${baseUrl} within ${Math.round(timeoutMs / 1000)} s`);
      const code = networkCode(err);
      if (CLOSED_MIDWAY.has(code))
        throw new Transient(
          'server',
          `the connection to ${baseUrl} closed before the answer to ${path} came (${code})`,
          undefined,
          false,
          true,
        );
      throw new Transient('offline', `cannot reach ${baseUrl} (${code})`, undefined, UNREACHABLE.has(code));
    }
  }

  /**
   * Whether a transient failure ends the request: nothing listening fails fast; with a deadline,
   * a failing server is retried until the next attempt would start past it; else a fixed count.
   */
  function givesUp(err: Transient, failures: number, delay: Millis): boolean {
    if (err.unreachable) return failures >= Math.min(policy.unreachableRetries, policy.retries);
    if (options.deadline !== undefined) return now() + delay >= options.deadline;
    return failures >= policy.retries;
  }

  // The last few attempts' outcomes over every request of this client (true: answered).
  const recent: boolean[] = [];
  const record = (answered: boolean) => {
    recent.push(answered);
    if (recent.length > PROGRESS_WINDOW) recent.shift();
  };

  /**
   * The wait before the next try. With a deadline, while some of the last attempts were answered
   * the server is failing at random rather than down or overloaded: waits stay short (at most
   * PROGRESS_MAX_DELAY_MS), so a sync under a fault mix finishes; a server that answers nothing
   * gets the full exponential backoff.
   */
  function nextDelay(failures: number): Millis {
    if (options.deadline !== undefined && recent.includes(true))
      return backoffDelay(
        failures,
        { ...policy, maxDelayMs: Math.min(policy.maxDelayMs, PROGRESS_MAX_DELAY_MS) },
        random,
      );
    return backoffDelay(failures, policy, random);
  }

  async function request<T>(
    path: string,
    check: AnswerCheck<T>,
    what: string,
    signal?: AbortSignal,
  ): Promise<T> {
    let transient = 0;
    let limited = 0;
    let firstFailure = now();
    for (;;) {
      let delay: Millis;
      let reason: string;
      try {
        const { body, status, retryAfter, big } = await attempt(path, signal);
        if (status < 500) record(true);
        if (status >= 200 && status < 300) {
          if (big) await nextTurn();
          if (check.plain(body)) return body as T;
          const parsed = check.schema(await contract()).safeParse(body);
          if (parsed.success) return parsed.data;
          throw new SyncError(
            'malformed',
            `the server sent a malformed answer for ${what} (${fieldIssueText(parsed.error.issues[0]!, body)}): it was rejected whole and nothing stored changed; report it to the server's operator`,
            status,
          );
        }
        const error = await apiErrorOf(body);
        const code = error?.code;
        const message = error?.message ?? `HTTP ${status}`;
        if (status === 429) {
          const ms = parseRetryAfter(retryAfter, now()) ?? backoffDelay(limited, policy, random);
          if (limited >= policy.rateLimitRetries || ms > policy.maxRetryAfterMs) {
            throw new SyncError(
              'server',
              `the server keeps rate-limiting this token (429): try again after ${toIso(now() + ms)}`,
              status,
              code,
            );
          }
          limited++;
          delay = ms;
          reason = 'rate limited (429)';
        } else if (status >= 500) {
          throw new Transient('server', `the server failed with ${status} (${message})`, status);
        } else if (status === 401) {
          throw new SyncError('auth', `the server refused the token (401): ${authHint}`, status, code);
        } else if (status === 403) {
          // An ingest token (write-only) pasted where a read token belongs: the server says which it is.
          throw new SyncError(
            'auth',
            `the server refused this token for reading (403: ${message.replace(/\.$/, '')}): ${authHint}`,
            status,
            code,
          );
        } else if (status === 404 && path === apiPaths.health()) {
          // Every server of the contract answers its health check: a 404 there is an address with a
          // path (".../v1") or another program, not a workspace removed since.
          throw new SyncError(
            'other',
            `no Creditbar account API answers at ${baseUrl} (404 on ${path}): give the server's address alone, without a path such as /v1, e.g. https://credits.example.com`,
            status,
            code,
          );
        } else if (status === 404) {
          throw new SyncError(
            'other',
            `${what} is not on the server (404): it may have been removed or belong to another account`,
            status,
            code,
          );
        } else {
          throw new SyncError(
            'other',
            `the server rejected the request for ${what} (${status}: ${message})`,
            status,
            code,
          );
        }
      } catch (err) {
        if (!(err instanceof Transient)) throw err;
        record(false);
        delay = nextDelay(transient);
        if (givesUp(err, transient, delay)) {
          const attempts = `${transient + 1} attempt${transient === 0 ? '' : 's'}`;
          const over =
            options.deadline === undefined || err.unreachable
              ? attempts
              : `${attempts} over ${describeSpan(now() - firstFailure)}`;
          const kept =
            options.kept === null ? '' : `; ${options.kept ?? 'the last synced data stays available'}`;
          const broken = err.broken ? ' (the server answered, but its answer was broken in transit)' : '';
          throw new SyncError(
            err.kind,
            err.kind === 'offline' && !err.broken
              ? `${err.message}: check the server address and your connection${kept}`
              : `${err.message} after ${over}${broken}: try again later${kept}`,
            err.status,
          );
        }
        if (transient === 0) firstFailure = now();
        transient++;
        reason = err.message;
      }
      options.onRetry?.({ path, attempt: transient + limited, delayMs: delay, reason });
      try {
        await wait(delay, signal);
      } catch {
        throw new SyncError('cancelled', 'the sync was cancelled; nothing stored was lost');
      }
    }
  }

  return {
    baseUrl,
    async health(signal) {
      const sent = now();
      const health = await request(apiPaths.health(), checks.health, 'the health check', signal);
      const received = now();
      // The server's clock against ours, taken at the midpoint of the round trip.
      return { ...health, offsetMs: parseInstant(health.now) - Math.round((sent + received) / 2) };
    },
    workspaces: (signal) => request(apiPaths.workspaces(), checks.workspaces, 'the workspace list', signal),
    grants: (id, signal) =>
      request(apiPaths.grants(id), checks.grants, `the grants of workspace "${id}"`, signal),
    usage: (id, page, signal) => {
      const query = new URLSearchParams({ limit: String(page.limit) });
      if (page.cursor !== null) query.set('cursor', page.cursor);
      return request(
        `${apiPaths.usage(id)}?${query}`,
        checks.usage,
        `a usage page of workspace "${id}"`,
        signal,
      );
    },
    balance: (id, asOf, signal) =>
      request(
        `${apiPaths.balance(id)}?${new URLSearchParams({ asOf: toIso(asOf) })}`,
        checks.balance,
        `the balance of workspace "${id}"`,
        signal,
      ),
  };
}
