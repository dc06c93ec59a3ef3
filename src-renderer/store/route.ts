/** The screens, addressed by the URL hash so that e2e tests and reloads can open any of them. */
export type Route =
  | { screen: 'overview' }
  | { screen: 'workspace'; workspaceId: string }
  | { screen: 'history' }
  | { screen: 'alerts' }
  | { screen: 'settings' };

export type Screen = Route['screen'];

/** Reads `#/workspace/zite-pro` style hashes; anything unknown is the overview. */
export function parseRoute(hash: string): Route {
  const [screen, arg] = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((p) => decodeURIComponent(p));
  switch (screen) {
    case 'workspace':
      return arg ? { screen: 'workspace', workspaceId: arg } : { screen: 'overview' };
    case 'history':
    case 'alerts':
    case 'settings':
      return { screen };
    default:
      return { screen: 'overview' };
  }
}

export function formatRoute(route: Route): string {
  return route.screen === 'workspace'
    ? `#/workspace/${encodeURIComponent(route.workspaceId)}`
    : `#/${route.screen}`;
}
