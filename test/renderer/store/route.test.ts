import { describe, expect, it } from 'vitest';
import { defaultMonth } from '../../../src-renderer/store/history-slice';
import { formatRoute, parseRoute } from '../../../src-renderer/store/route';

describe('routes', () => {
  it.each([
    ['', { screen: 'overview' }],
    ['#/overview', { screen: 'overview' }],
    ['#/history', { screen: 'history' }],
    ['#/alerts', { screen: 'alerts' }],
    ['#/settings', { screen: 'settings' }],
    ['#/workspace/zite%20pro', { screen: 'workspace', workspaceId: 'zite pro' }],
    ['#/workspace', { screen: 'overview' }],
    ['#/nowhere', { screen: 'overview' }],
  ])('%s parses', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips', () => {
    const r = { screen: 'workspace', workspaceId: 'a/b' } as const;
    expect(parseRoute(formatRoute(r))).toEqual(r);
  });
});

describe('defaultMonth', () => {
  it('opens the newest month before the running one', () => {
    expect(defaultMonth(['2026-11', '2026-10'], '2026-11-21T10:00:00Z')).toBe('2026-10');
    expect(defaultMonth(['2026-11'], '2026-11-21T10:00:00Z')).toBe('2026-11');
  });
});
