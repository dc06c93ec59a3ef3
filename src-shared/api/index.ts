// The account-API contract: zod schemas for every request and response, shared by the reference
// server (src-server) and the sync client (src-main/sync). Pure: imports only src-shared and zod.
export * from './balance';
export * from './errors';
export * from './grants';
export * from './health';
export * from './ingest';
export * from './plain-answers';
export * from './pool-status';
export * from './routes';
export * from './usage';
export * from './workspaces';
