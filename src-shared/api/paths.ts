// The account API's paths, without zod: what a client needs to call it (routes.ts, the contract
// with its schemas, re-exports them).

/** Every route of the account API lives under this prefix; a breaking change gets a new one. */
export const API_PREFIX = '/v1';

/** Paths of the account API, for clients: ids are URL-encoded. */
export const apiPaths = {
  health: () => `${API_PREFIX}/health`,
  workspaces: () => `${API_PREFIX}/workspaces`,
  grants: (workspaceId: string) => `${API_PREFIX}/workspaces/${encodeURIComponent(workspaceId)}/grants`,
  usage: (workspaceId: string) => `${API_PREFIX}/workspaces/${encodeURIComponent(workspaceId)}/usage`,
  balance: (workspaceId: string) => `${API_PREFIX}/workspaces/${encodeURIComponent(workspaceId)}/balance`,
  events: (workspaceId: string) => `${API_PREFIX}/workspaces/${encodeURIComponent(workspaceId)}/events`,
} as const;
