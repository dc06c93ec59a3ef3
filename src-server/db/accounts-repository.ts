import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Tokens are random 32-byte strings, so one unsalted SHA-256 is enough to store them safely. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new account token: `cb_` and 32 random bytes, base64url. */
export function newToken(): string {
  return `cb_${randomBytes(32).toString('base64url')}`;
}

export interface AccountsRepository {
  create(name: string, createdAt: string): number;
  findByName(name: string): number | undefined;
  /** Stores a token (hashed) for an account; the token itself is never stored. */
  addToken(accountId: number, token: string, label: string, createdAt: string): void;
  /** The account a token belongs to, by the token's hash (see hashToken), or undefined. */
  accountForTokenHash(hash: string): number | undefined;
}

export function createAccountsRepository(db: Database.Database): AccountsRepository {
  const insert = db.prepare('INSERT INTO accounts (name, created_at) VALUES (?, ?)');
  const byName = db.prepare('SELECT id FROM accounts WHERE name = ?').pluck();
  const insertToken = db.prepare(
    'INSERT OR IGNORE INTO tokens (hash, account_id, label, created_at) VALUES (?, ?, ?, ?)',
  );
  const byToken = db.prepare('SELECT account_id FROM tokens WHERE hash = ?').pluck();
  return {
    create: (name, createdAt) => Number(insert.run(name, createdAt).lastInsertRowid),
    findByName: (name) => byName.get(name) as number | undefined,
    addToken: (accountId, token, label, createdAt) => {
      insertToken.run(hashToken(token), accountId, label, createdAt);
    },
    accountForTokenHash: (hash) => byToken.get(hash) as number | undefined,
  };
}
