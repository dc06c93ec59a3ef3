import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { SenderVerdict } from '../ipc/dispatch-invoke';

/**
 * What the guards compare a request against: the port the server listens on, the printed URL's
 * one-time token, and the session cookie's own random value once that token was swapped for it.
 */
export interface GuardConfig {
  port: number;
  token: string;
  cookieName: string;
  /** The session cookie's value; null until the URL's token has been used (it is used once). */
  session: string | null;
}

/**
 * The session cookie's name. Cookies ignore ports, so two servers on 127.0.0.1 would overwrite each
 * other's cookie under one shared name: the port keeps them apart.
 */
export function sessionCookieName(port: number): string {
  return `creditbar-session-${port}`;
}

/**
 * True when the Host header names this server exactly (127.0.0.1:PORT or localhost:PORT). Anything
 * else is a DNS-rebinding attempt (evil.example resolving to 127.0.0.1) or a misdirected request.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The value of one cookie from a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Compares two secrets in constant time (hashed first, so their lengths leak nothing either). */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** True when the request carries this server's session cookie. */
export function hasSession(headers: IncomingHttpHeaders, config: GuardConfig): boolean {
  return config.session !== null && sameSecret(readCookie(headers.cookie, config.cookieName), config.session);
}

/**
 * Whether a request may reach the API: the exact Host, no foreign Origin, no cross-site fetch
 * metadata, and the session cookie. The reason is one clause, shown after "Refused <channel>: ".
 */
export function checkWebSender(headers: IncomingHttpHeaders, config: GuardConfig): SenderVerdict {
  const host = headers.host;
  if (!isAllowedHost(host, config.port)) {
    return { trusted: false, reason: 'the request was addressed to another host name.' };
  }
  const origin = headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    return { trusted: false, reason: 'the request came from another site.' };
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') {
    return { trusted: false, reason: 'the request came from another site.' };
  }
  if (!hasSession(headers, config)) {
    return { trusted: false, reason: 'this page has no valid session; open the URL `npm run web` printed.' };
  }
  return { trusted: true };
}
