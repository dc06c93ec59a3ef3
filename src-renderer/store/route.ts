import type { PoolKind } from '../../src-shared/types/ledger';

/** The screens, addressed by the URL hash so that e2e tests and reloads can open any of them. */
export type Route =
  | { screen: 'overview' }
  | { screen: 'workspace'; workspaceId: string }
  /** The reading field of one pool (the reading reminder's click, a popover row's "Record reading"). */
  | { screen: 'reading'; workspaceId: string; pool: PoolKind }
  | { screen: 'history' }
  | { screen: 'alerts' }
  | { screen: 'settings' };

export type Screen = Route['screen'];

/** Reads `#/workspace/zite-pro` style hashes; anything unknown is the overview. */
export function parseRoute(hash: string): Route {
  const [screen, arg, extra] = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((p) => decodeURIComponent(p));
  switch (screen) {
    case 'workspace':
      return arg ? { screen: 'workspace', workspaceId: arg } : { screen: 'overview' };
    case 'reading':
      return arg && (extra === 'integration' || extra === 'message')
        ? { screen: 'reading', workspaceId: arg, pool: extra }
        : arg
          ? { screen: 'workspace', workspaceId: arg }
          : { screen: 'overview' };
    case 'history':
    case 'alerts':
    case 'settings':
      return { screen };
    default:
      return { screen: 'overview' };
  }
}

export function formatRoute(route: Route): string {
  if (route.screen === 'workspace') return `#/workspace/${encodeURIComponent(route.workspaceId)}`;
  if (route.screen === 'reading') return `#/reading/${encodeURIComponent(route.workspaceId)}/${route.pool}`;
  return `#/${route.screen}`;
}
