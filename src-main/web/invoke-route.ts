import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvokeResult } from '../../src-shared/ipc/invoke-result';
import { dispatchInvoke, invokeNameOf, type DispatchLog, type SenderVerdict } from '../ipc/dispatch-invoke';
import type { InvokeHandlers } from '../ipc/invoke-handlers';

export interface InvokeRouteOptions {
  handlers: InvokeHandlers;
  log: DispatchLog;
  maxBodyBytes: number;
}

/**
 * POST /api/invoke/<channel> with {"payload": ...}: the browser-mode twin of one ipcMain.handle.
 * The request's verdict goes to dispatchInvoke as its sender check, so a refused call gets the same
 * InvokeResult the Electron wrapper gives. Untrusted callers and unknown channels are answered
 * before the body is read, and their connection closed; a body that is not one JSON object {"payload"?} is refused like a payload
 * that fails its schema. Every InvokeResult is sent with status 200, except the transport's own
 * refusals (400 not JSON, 413 too large, 415 not application/json).
 */
export async function handleInvoke(
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
  verdict: SenderVerdict,
  options: InvokeRouteOptions,
): Promise<void> {
  const dispatch = (payload: unknown) =>
    dispatchInvoke(options.handlers, channel, payload, () => verdict, options.log);
  const refuse = (status: number, why: string) => {
    const message = `Invalid input for ${channel}: ${why}`;
    options.log.warn('IPC call refused: invalid input', { channel, issues: message, transport: 'http' });
    sendResult(res, status, { ok: false, error: { code: 'invalid-input', message } }, channel, options.log);
  };

  // Refused before a byte of the body is read: the answer goes out with "Connection: close", so
  // the socket closes after it instead of being kept busy draining what the caller still sends.
  if (!verdict.trusted || !invokeNameOf(channel)) {
    res.setHeader('Connection', 'close');
    sendResult(res, 200, await dispatch(undefined), channel, options.log);
    return;
  }
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    res.setHeader('Connection', 'close');
    return refuse(415, 'send the payload as application/json.');
  }
  const body = await readBody(req, options.maxBodyBytes);
  if (body === 'too-large') {
    res.setHeader('Connection', 'close');
    return refuse(413, `the request is larger than ${formatBytes(options.maxBodyBytes)}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return refuse(400, 'the request body is not JSON.');
  }
  if (!isEnvelope(parsed)) return refuse(400, 'expected a JSON object {"payload": ...}.');
  sendResult(res, 200, await dispatch(parsed.payload), channel, options.log);
}

function isEnvelope(value: unknown): value is { payload?: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.keys(value).every((key) => key === 'payload');
}

/** The body as text, or 'too-large' once it passes the cap (the rest is drained, never kept). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | 'too-large'> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > maxBytes ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('The client went away before its request arrived.'));
    });
  });
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

function sendResult(
  res: ServerResponse,
  status: number,
  result: InvokeResult<unknown>,
  channel: string,
  log: DispatchLog,
): void {
  let body: string;
  try {
    body = JSON.stringify(result);
  } catch (error) {
    // Electron's structured clone would refuse the same value; say so instead of failing the request.
    log.error('IPC result not sent: its value is not JSON', { channel, error });
    body = JSON.stringify({
      ok: false,
      error: { code: 'failed', message: `${channel} returned a value that cannot be sent.` },
    });
  }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}
