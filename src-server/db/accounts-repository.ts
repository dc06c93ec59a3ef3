import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Tokens are random 32-byte strings, so one unsalted SHA-256 is enough to store them safely. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What a token may do: read an account (sync) or only POST usage events to one workspace. */
export type TokenScope = 'read' | 'ingest';

export const TOKEN_SCOPES: readonly TokenScope[] = ['read', 'ingest'];

/** Ingest tokens say what they are, so one pasted into the wrong place is recognisable at a glance. */
const INGEST_MARKER = 'cb_ingest_';

/** A new token: `cb_` (read) or `cb_ingest_` (ingest) and 32 random bytes, base64url. */
export function newToken(scope: TokenScope = 'read'): string {
  return `${scope === 'ingest' ? INGEST_MARKER : 'cb_'}${randomBytes(32).toString('base64url')}`;
}

/** The part of a token that is kept to list and revoke it: its marker and 8 characters (48 of 256 bits). */
export function tokenPrefix(token: string): string {
  const marker = token.startsWith(INGEST_MARKER)
    ? INGEST_MARKER.length
    : token.startsWith('cb_demo_')
      ? 'cb_demo_'.length
      : token.startsWith('cb_')
        ? 3
        : 0;
  return token.slice(0, marker + 8);
}

/** Who a token is, as the auth hook needs it. */
export interface TokenAuth {
  accountId: number;
  scope: TokenScope;
  /** The one workspace an ingest token may write to; null for a read token. */
  workspace: { pk: number; id: string } | null;
}

/** A token as `token list` shows it: never the token itself. */
export interface TokenInfo {
  /** Null for tokens issued before prefixes were kept. */
  prefix: string | null;
  scope: TokenScope;
  workspaceId: string | null;
  label: string;
  createdAt: string;
  /** The last authenticated request with it (to the minute), or null when it was never used. */
  lastUsedAt: string | null;
}

export interface NewTokenRow {
  accountId: number;
  token: string;
  label: string;
  createdAt: string;
  scope: TokenScope;
  workspacePk: number | null;
}

export interface AccountsRepository {
  create(name: string, createdAt: string): number;
  findByName(name: string): number | undefined;
  /** Every account, by name (the CLI picks the only one when --account is left out). */
  list(): { id: number; name: string }[];
  /** Stores a token (hashed) for an account; the token itself is never stored, only its prefix. */
  addToken(row: NewTokenRow): void;
  /** The account, scope and workspace of a token, by the token's hash (see hashToken), or undefined. */
  authForTokenHash(hash: string): TokenAuth | undefined;
  listTokens(accountId: number): TokenInfo[];
  /** Records that the token with this hash made a request at `at` (ISO); false when it no longer exists. */
  markTokenUsed(hash: string, at: string): boolean;
  /**
   * Deletes the account's tokens named by `tokenOrPrefix`: the whole token, or the prefix that
   * `listTokens` shows (every token of the account when null). Returns how many went.
   */
  revokeTokens(accountId: number, tokenOrPrefix: string | null): number;
}

interface AuthRow {
  account_id: number;
  scope: TokenScope;
  workspace_pk: number | null;
  workspace_id: string | null;
}

export function createAccountsRepository(db: Database.Database): AccountsRepository {
  const insert = db.prepare('INSERT INTO accounts (name, created_at) VALUES (?, ?)');
  const byName = db.prepare('SELECT id FROM accounts WHERE name = ?').pluck();
  const all = db.prepare('SELECT id, name FROM accounts ORDER BY name');
  const insertToken = db.prepare(`
    INSERT OR IGNORE INTO tokens (hash, account_id, label, created_at, scope, workspace_pk, prefix)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const byToken = db.prepare(`
    SELECT t.account_id, t.scope, t.workspace_pk, w.id AS workspace_id
    FROM tokens t LEFT JOIN workspaces w ON w.pk = t.workspace_pk WHERE t.hash = ?`);
  const tokensOf = db.prepare(`
    SELECT t.prefix, t.scope, w.id AS workspace_id, t.label, t.created_at, t.last_used_at
    FROM tokens t LEFT JOIN workspaces w ON w.pk = t.workspace_pk
    WHERE t.account_id = ? ORDER BY t.created_at, t.rowid`);
  const markUsed = db.prepare('UPDATE tokens SET last_used_at = ? WHERE hash = ?');
  const deleteByPrefix = db.prepare('DELETE FROM tokens WHERE account_id = ? AND prefix = ?');
  const deleteAll = db.prepare('DELETE FROM tokens WHERE account_id = ?');
  const deleteByHash = db.prepare('DELETE FROM tokens WHERE account_id = ? AND hash = ?');
  return {
    create: (name, createdAt) => Number(insert.run(name, createdAt).lastInsertRowid),
    findByName: (name) => byName.get(name) as number | undefined,
    list: () => all.all() as { id: number; name: string }[],
    addToken: (r) => {
      insertToken.run(
        hashToken(r.token),
        r.accountId,
        r.label,
        r.createdAt,
        r.scope,
        r.workspacePk,
        tokenPrefix(r.token),
      );
    },
    authForTokenHash: (hash) => {
      const row = byToken.get(hash) as AuthRow | undefined;
      if (!row) return undefined;
      return {
        accountId: row.account_id,
        scope: row.scope,
        workspace:
          row.workspace_pk === null || row.workspace_id === null
            ? null
            : { pk: row.workspace_pk, id: row.workspace_id },
      };
    },
    listTokens: (accountId) =>
      (
        tokensOf.all(accountId) as {
          prefix: string | null;
          scope: TokenScope;
          workspace_id: string | null;
          label: string;
          created_at: string;
          last_used_at: string | null;
        }[]
      ).map((r) => ({
        prefix: r.prefix,
        scope: r.scope,
        workspaceId: r.workspace_id,
        label: r.label,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
      })),
    markTokenUsed: (hash, at) => markUsed.run(at, hash).changes > 0,
    revokeTokens: (accountId, tokenOrPrefix) => {
      if (tokenOrPrefix === null) return deleteAll.run(accountId).changes;
      const byHash = deleteByHash.run(accountId, hashToken(tokenOrPrefix)).changes;
      return byHash > 0 ? byHash : deleteByPrefix.run(accountId, tokenOrPrefix).changes;
    },
  };
}
