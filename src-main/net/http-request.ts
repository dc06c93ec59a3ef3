import { request as plainRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** What the app reads of an answer (the part of fetch's Response it used). */
export interface HttpAnswer {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  /** The body, decompressed and decoded as UTF-8; rejects when it breaks off or `signal` aborts. */
  text(): Promise<string>;
}

/** Redirects followed before giving up (fetch's limit). */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * A network failure shaped as fetch reports one (a TypeError whose `cause` carries the system
 * error and its code), so that callers read `err.cause.code` the same way.
 */
function networkFailure(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('This operation was aborted');
}

/** The body stream undone of its content-encoding (gzip, deflate, br), as fetch does. */
function decoded(res: IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

function readText(res: IncomingMessage, signal: AbortSignal | undefined): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const body = decoded(res);
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (err: Error | null) => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      if (err) {
        res.destroy();
        reject(err);
      } else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onAbort = () => finish(abortReason(signal!));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    // The connection closed before the body it announced: the answer broke off.
    res.once('aborted', () =>
      finish(networkFailure(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))),
    );
    res.once('error', (err) => finish(networkFailure(err)));
    if (body !== res) body.once('error', (err) => finish(networkFailure(err)));
    body.on('data', (chunk: Buffer) => chunks.push(chunk));
    body.once('end', () => finish(res.complete ? null : networkFailure(new Error('the answer ended early'))));
  });
}

function once(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal | undefined,
) {
  return new Promise<IncomingMessage>((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const send = url.protocol === 'https:' ? httpsRequest : plainRequest;
    const sent =
      body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const req = send(url, { method, headers: sent });
    const onAbort = () => {
      req.destroy();
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    req.once('response', (res) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(res);
    });
    req.once('error', (err) => {
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.aborted ? abortReason(signal) : networkFailure(err));
    });
    req.end(body);
  });
}

export interface HttpRequest {
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** 'follow' (a GET; the token is not sent to another origin) or 'manual' (the 3xx is the answer). */
  redirect?: 'follow' | 'manual';
  /** Covers the headers and the body. */
  signal?: AbortSignal;
}

/**
 * One request over node:http(s), answering what the app read of fetch: the main process never
 * loads Node's fetch (undici), whose first use compiles it on the main thread (35-110 ms once per
 * process) and keeps more memory. Failures are shaped as fetch's (a TypeError with the system
 * error as its cause); bodies are decompressed as fetch decompresses them.
 */
export async function httpRequest(target: string, request: HttpRequest): Promise<HttpAnswer> {
  const { method = 'GET', body, redirect = 'follow', signal } = request;
  let url: URL;
  try {
    url = new URL(target);
  } catch (err) {
    throw new TypeError(`Invalid URL: ${target}`, { cause: err });
  }
  let sent = request.headers;
  for (let hops = 0; ; hops++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw networkFailure(new Error(`unsupported protocol ${url.protocol}`));
    const res = await once(url, method, sent, body, signal);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (redirect === 'follow' && REDIRECTS.has(status) && location) {
      res.resume();
      if (hops >= MAX_REDIRECTS) throw networkFailure(new Error('redirect count exceeded'));
      const next = new URL(location, url);
      if (next.origin !== url.origin)
        sent = Object.fromEntries(Object.entries(sent).filter(([k]) => k.toLowerCase() !== 'authorization'));
      url = next;
      continue;
    }
    return {
      status,
      ok: status >= 200 && status < 300,
      headers: {
        get: (name) => {
          const value = res.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
      },
      text: () => readText(res, signal),
    };
  }
}
