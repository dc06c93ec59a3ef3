import { describe, expect, it } from 'vitest';
import {
  checkWebSender,
  isAllowedHost,
  readCookie,
  sameSecret,
  sessionCookieName,
  type GuardConfig,
} from '../../../../src-main/web/request-guards';

const config: GuardConfig = {
  port: 4321,
  token: 'a'.repeat(64),
  cookieName: sessionCookieName(4321),
  session: 'c'.repeat(64),
};
// The cookie carries the session's own value, never the URL's token.
const session = `creditbar-session-4321=${'c'.repeat(64)}`;

describe('isAllowedHost', () => {
  it.each([
    ['127.0.0.1:4321', true],
    ['localhost:4321', true],
    ['127.0.0.1', false],
    ['localhost', false],
    ['127.0.0.1:4322', false],
    ['LOCALHOST:4321', false],
    ['evil.example:4321', false],
    ['127.0.0.1.evil.example:4321', false],
    ['[::1]:4321', false],
    [undefined, false],
  ])('%s -> %s', (host, allowed) => {
    expect(isAllowedHost(host, 4321)).toBe(allowed);
  });
});

describe('readCookie', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['creditbar-session-4321=abc', 'abc'],
    ['theme=dark; creditbar-session-4321=abc; other=1', 'abc'],
    ['creditbar-session-43210=abc', undefined],
    ['xcreditbar-session-4321=abc', undefined],
    ['creditbar-session-4321', undefined],
  ])('%j -> %j', (header, value) => {
    expect(readCookie(header, 'creditbar-session-4321')).toBe(value);
  });
});

describe('sameSecret', () => {
  it('is true only for the same string, whatever the lengths', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abd', 'abc')).toBe(false);
    expect(sameSecret('ab', 'abc')).toBe(false);
    expect(sameSecret('', 'abc')).toBe(false);
    expect(sameSecret(undefined, 'abc')).toBe(false);
  });
});

describe('checkWebSender', () => {
  const host = '127.0.0.1:4321';
  it.each([
    [{ host, cookie: session }, true],
    [{ host, cookie: session, origin: 'http://127.0.0.1:4321', 'sec-fetch-site': 'same-origin' }, true],
    [{ host: 'localhost:4321', cookie: session, origin: 'http://localhost:4321' }, true],
    [{ host, cookie: session, origin: 'http://localhost:4321' }, false],
    [{ host, cookie: session, origin: 'https://127.0.0.1:4321' }, false],
    [{ host, cookie: session, origin: 'null' }, false],
    [{ host, cookie: session, 'sec-fetch-site': 'none' }, false],
    [{ host, cookie: session, 'sec-fetch-site': 'cross-site' }, false],
    [{ host }, false],
    [{ host, cookie: 'creditbar-session-4321=b' }, false],
    [{ host, cookie: `creditbar-session-4321=${'a'.repeat(64)}` }, false],
    [{ host: 'evil.example:4321', cookie: session }, false],
    [{ cookie: session }, false],
  ])('%j -> trusted %s', (headers, trusted) => {
    expect(checkWebSender(headers, config).trusted).toBe(trusted);
  });

  it('gives a reason that reads after "Refused <channel>: "', () => {
    expect(checkWebSender({ host }, config)).toEqual({
      trusted: false,
      reason: 'this page has no valid session; open the URL `npm run web` printed.',
    });
    expect(checkWebSender({ host, cookie: session, origin: 'http://evil.example' }, config)).toEqual({
      trusted: false,
      reason: 'the request came from another site.',
    });
  });

  it('trusts nobody before the URL token was swapped for a session, not even a cookie holding the token', () => {
    const fresh: GuardConfig = { ...config, session: null };
    const withToken = `creditbar-session-4321=${'a'.repeat(64)}`;
    expect(checkWebSender({ host, cookie: withToken }, fresh).trusted).toBe(false);
    expect(checkWebSender({ host, cookie: session }, fresh).trusted).toBe(false);
  });
});
