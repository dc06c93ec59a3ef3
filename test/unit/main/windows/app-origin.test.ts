import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveAppOrigin } from '../../../../src-main/windows/app-origin';

describe('app origin', () => {
  const dev = resolveAppOrigin('http://localhost:5173', '/app/out/renderer/index.html');
  const built = resolveAppOrigin(undefined, '/app/out/renderer/index.html');

  it.each([
    [dev, 'http://localhost:5173/?window=popover', true],
    [dev, 'http://localhost:5173/src/main.tsx', true],
    [dev, 'http://localhost:5174/', false],
    [dev, 'http://127.0.0.1:5173/', false],
    [dev, 'https://evil.example.com/', false],
    [built, 'file:///app/out/renderer/index.html?window=main', true],
    [built, 'file:///app/out/renderer/index.html#/history', true],
    [built, 'file:///app/out/rendererX/index.html', false],
    [built, 'file:///app/out/main/index.js', false],
    [built, 'file:///etc/passwd', false],
    [built, 'https://evil.example.com/index.html', false],
    [built, 'not a url', false],
  ])('%#: %s', (origin, url, expected) => {
    expect(isAppUrl(url as string, origin)).toBe(expected);
  });

  it('refuses a dev-server URL that is not http(s)', () => {
    expect(() => resolveAppOrigin('file:///tmp/x', '/app/index.html')).toThrow(/http/);
  });
});
