import { builtinCatalog, type Catalog } from '../src-shared/catalog/catalog';
import type { ApiWorkspace } from '../src-shared/api/workspaces';
import { resolveWorkspace } from '../src-shared/engine/resolve-workspace';
import { LedgerError, validateLedger } from '../src-shared/ledger/parse-ledger';
import { toIso } from '../src-shared/time/instant';
import {
  LEDGER_VERSION,
  type Grant,
  type Ledger,
  type UsageEvent,
  type Workspace,
} from '../src-shared/types/ledger';
import { newToken, tokenPrefix, type TokenInfo, type TokenScope } from './db/accounts-repository';
import { canonicalInstant } from './db/events-repository';
import type { ServerStore } from './db/store';
import { recordUsage } from './record-usage';

/** What an import stored: ids already there are counted as duplicates and left as they were. */
export interface ImportSummary {
  accountId: number;
  workspaces: number;
  grants: number;
  rateCards: number;
  events: { received: number; inserted: number; duplicates: number };
}

/** A mistake an administrator can fix: one sentence, no stack (the CLI prints it and exits 1). */
export class AdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminError';
  }
}

export interface NewTokenOptions {
  label?: string;
  /** Default read. */
  scope?: TokenScope;
  /** The workspace an ingest token may write to (required for ingest, refused for read). */
  workspaceId?: string;
  /** A given token (the demo's); default a new random one. */
  token?: string;
}

/** Account and data management over one database: the CLI's import and token commands, tests, the simulator. */
export interface ServerAdmin {
  /** Creates an account and its first (read) token; the token is returned once and stored only hashed. */
  createAccount(name: string): { accountId: number; token: string };
  findAccount(name: string): number | undefined;
  /** Stores a token for an account and returns it: shown once, kept only hashed with its prefix. */
  createToken(accountId: number, options?: NewTokenOptions): string;
  /** The account's tokens: prefix, scope, workspace, label, created and last used; never the token. */
  listTokens(accountId: number): TokenInfo[];
  /** Revokes a token given whole or by its listed prefix (every token of the account when null); throws when none matched. */
  revokeTokens(accountId: number, tokenOrPrefix: string | null): number;
  /** Loads a ledger into an account in one transaction; validated first, nothing stored when it is bad. */
  importLedger(accountId: number, ledger: Ledger): ImportSummary;
  /** Everything an account holds, as a ledger file (the engine's input). */
  exportLedger(accountId: number): Ledger;
}

/** A ledger workspace with every pool resolved (catalog allowance and reset filled in), as the API lists it. */
export function toApiWorkspace(ws: Workspace, catalog: Catalog = builtinCatalog): ApiWorkspace {
  const resolved = resolveWorkspace(ws, catalog);
  return {
    id: ws.id,
    name: ws.name,
    provider: ws.provider,
    plan: ws.plan,
    existingCustomer: ws.existingCustomer ?? false,
    ...(ws.catalogVersion !== undefined ? { catalogVersion: ws.catalogVersion } : {}),
    ...(ws.billingDay !== undefined ? { billingDay: ws.billingDay } : {}),
    pools: resolved.pools.map((p) => ({
      pool: p.pool,
      allowance: p.allowance,
      reset: p.reset,
      overage: p.overage,
    })),
    members: ws.members ?? [],
    ...(ws.thresholds ? { thresholds: ws.thresholds } : {}),
  };
}

function byTime(a: UsageEvent, b: UsageEvent): number {
  return a.occurredAt < b.occurredAt
    ? -1
    : a.occurredAt > b.occurredAt
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;
}

/**
 * Stores a ledger that is already known to be valid, in one transaction: workspaces and grants are
 * inserted or replaced by id, events inserted unless their id is already there (first copy wins).
 */
export function writeLedger(
  store: ServerStore,
  accountId: number,
  ledger: Ledger,
  catalog: Catalog = builtinCatalog,
): ImportSummary {
  const workspaces = ledger.workspaces.map((ws) => toApiWorkspace(ws, catalog));
  return store.transaction(() => {
    const pks = new Map<string, number>();
    for (const ws of workspaces) {
      const pk = store.workspaces.upsert(accountId, ws);
      // Stored events must keep a pool to belong to, or /balance could no longer evaluate them.
      const orphan = store.eventsReader.pools(pk).find((pool) => !ws.pools.some((p) => p.pool === pool));
      if (orphan !== undefined) {
        throw new LedgerError(
          `workspace "${ws.id}": pool "${orphan}" has stored events on the server; keep it in the ledger's pools`,
        );
      }
      pks.set(ws.id, pk);
    }
    const grants = new Map<string, Grant[]>();
    const events = new Map<string, UsageEvent[]>();
    for (const ws of workspaces) {
      grants.set(ws.id, []);
      events.set(ws.id, []);
    }
    for (const g of ledger.grants) grants.get(g.workspaceId)?.push(g);
    for (const e of ledger.events)
      events.get(e.workspaceId)?.push({ ...e, occurredAt: canonicalInstant(e.occurredAt) });
    store.rateCards.upsert(accountId, ledger.rateCards ?? []);
    let inserted = 0;
    for (const ws of workspaces) {
      const pk = pks.get(ws.id)!;
      store.grants.upsert(pk, grants.get(ws.id)!);
      inserted += recordUsage(store, pk, events.get(ws.id)!.sort(byTime)).inserted;
      store.changed(pk); // its plan, members or grants may have changed even when no event was new
    }
    return {
      accountId,
      workspaces: workspaces.length,
      grants: ledger.grants.length,
      rateCards: (ledger.rateCards ?? []).length,
      events: { received: ledger.events.length, inserted, duplicates: ledger.events.length - inserted },
    };
  });
}

export function createAdmin(
  store: ServerStore,
  clock: () => number,
  catalog: Catalog = builtinCatalog,
): ServerAdmin {
  const now = () => toIso(clock());
  const admin: ServerAdmin = {
    createAccount: (name) => {
      return store.transaction(() => {
        const accountId = store.accounts.create(name, now());
        return { accountId, token: admin.createToken(accountId, { label: 'first token' }) };
      });
    },
    findAccount: (name) => store.accounts.findByName(name),
    createToken: (accountId, options = {}) => {
      const scope = options.scope ?? 'read';
      let workspacePk: number | null = null;
      if (scope === 'ingest') {
        if (options.workspaceId === undefined)
          throw new AdminError('an ingest token is bound to one workspace: name it with --workspace ID');
        const found = store.workspaces.find(accountId, options.workspaceId);
        if (!found)
          throw new AdminError(
            `no workspace "${options.workspaceId}" in this account: create it first (creditbar-server workspace add)`,
          );
        workspacePk = found.pk;
      } else if (options.workspaceId !== undefined) {
        throw new AdminError(
          'a read token reads the whole account: leave out --workspace, or use --scope ingest for a token that reports to one workspace',
        );
      }
      const token = options.token ?? newToken(scope);
      store.accounts.addToken({
        accountId,
        token,
        label: options.label ?? (scope === 'ingest' ? `ingest ${options.workspaceId}` : 'read'),
        createdAt: now(),
        scope,
        workspacePk,
      });
      return token;
    },
    listTokens: (accountId) => store.accounts.listTokens(accountId),
    revokeTokens: (accountId, tokenOrPrefix) => {
      const revoked = store.accounts.revokeTokens(accountId, tokenOrPrefix);
      if (revoked === 0)
        throw new AdminError(
          tokenOrPrefix === null
            ? 'this account has no tokens to revoke'
            : `no token of this account is or has the prefix "${tokenPrefix(tokenOrPrefix)}": list them with creditbar-server token list`,
        );
      return revoked;
    },
    importLedger: (accountId, input) =>
      writeLedger(store, accountId, validateLedger(input, 'ledger', catalog), catalog),
    exportLedger: (accountId) => {
      const stored = store.workspaces.list(accountId);
      const rateCards = store.rateCards.list(accountId);
      return {
        version: LEDGER_VERSION,
        workspaces: stored.map((s) => s.workspace),
        grants: stored.flatMap((s) => store.grants.list(s.pk, s.workspace.id)),
        events: stored.flatMap((s) =>
          store.eventsReader.upTo(s.pk, s.workspace.id, '9999-12-31T23:59:59.999Z'),
        ),
        ...(rateCards.length > 0 ? { rateCards } : {}),
      };
    },
  };
  return admin;
}
