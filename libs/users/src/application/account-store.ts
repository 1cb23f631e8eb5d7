import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Settings } from '@app/config';
import { SqlDatabase, migrate, quoteSchema } from '@app/sql';
import type { UserState } from '../domain/user.decider.js';
import { DIRECTORY_TABLE } from '../read-models/directory.projection.js';

export type RegisteredUser = Extract<UserState, { status: 'registered' }>;
/** A directory row: the user and the version of its stream. */
export type DirectoryEntry = RegisteredUser & { readonly version: number };

export interface SessionRow {
  readonly userId: string;
  readonly csrfToken: string;
  readonly method: 'password' | 'oidc';
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  /** The directory's row of its user (null: not in the directory any more). */
  readonly user: RegisteredUser | null;
}

export interface Contacts {
  readonly email?: string;
  readonly phone?: string;
}

const migrations = (s: string): readonly string[] => [
  `CREATE TABLE ${s}.user_passwords (user_id text PRIMARY KEY, hash text NOT NULL, previous text[] NOT NULL DEFAULT '{}', changed_at timestamptz NOT NULL);
   CREATE TABLE ${s}.user_contacts (user_id text PRIMARY KEY, email text, phone text);
   CREATE TABLE ${s}.user_sessions (id_hash text PRIMARY KEY, user_id text NOT NULL, csrf_token text NOT NULL, method text NOT NULL, created_at timestamptz NOT NULL, last_seen_at timestamptz NOT NULL);
   CREATE INDEX user_sessions_user ON ${s}.user_sessions (user_id);
   CREATE TABLE ${s}.sign_in_failures (username text NOT NULL, at timestamptz NOT NULL);
   CREATE INDEX sign_in_failures_username ON ${s}.sign_in_failures (username, at);
   CREATE TABLE ${s}.sign_in_locks (username text PRIMARY KEY, locked_until timestamptz NOT NULL)`,
];

/**
 * What the accounts keep outside the event log: password hashes (with the two before, for the policy), personal data
 * (email, phone: correctable and erasable), sessions (only a hash of their id), and the sign-in failures behind the
 * lockout. Never exported, never logged.
 */
@Injectable()
export class AccountStore implements OnModuleInit {
  private readonly s: string;

  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(Settings) private readonly settings: Settings,
  ) {
    this.s = quoteSchema(settings.DATABASE_SCHEMA);
  }

  async onModuleInit(): Promise<void> {
    await migrate(this.db, this.settings.DATABASE_SCHEMA, 'accounts', migrations(this.s));
  }

  async user(userId: string): Promise<DirectoryEntry | null> {
    const [row] = await this.db.query<{ state: UserState; version: number }>(
      `SELECT state, version FROM ${this.s}.${DIRECTORY_TABLE} WHERE id = $1`,
      [userId],
      { name: 'directory-user' },
    );
    return row?.state.status === 'registered' ? { ...row.state, version: Number(row.version) } : null;
  }

  async users(filter: { role?: string; kindergartenId?: string; unitId?: string; after?: string; limit: number }): Promise<DirectoryEntry[]> {
    const rows = await this.db.query<{ state: RegisteredUser; version: number }>(
      `SELECT state, version FROM ${this.s}.${DIRECTORY_TABLE}
        WHERE ($1::text IS NULL OR role = $1) AND ($2::text IS NULL OR kindergarten_id = $2) AND ($3::text IS NULL OR unit_id = $3)
          AND ($4::text IS NULL OR id > $4) AND role IS NOT NULL
        ORDER BY id LIMIT $5`,
      [filter.role ?? null, filter.kindergartenId ?? null, filter.unitId ?? null, filter.after ?? null, filter.limit],
    );
    return rows.map((row) => ({ ...row.state, version: Number(row.version) }));
  }

  async passwordHashes(userId: string): Promise<{ hash: string; previous: string[] } | null> {
    const [row] = await this.db.query<{ hash: string; previous: string[] }>(`SELECT hash, previous FROM ${this.s}.user_passwords WHERE user_id = $1`, [userId]);
    return row ?? null;
  }

  /** Sets the password's hash; `keepHistory` keeps the one it replaces (and the one before) for the policy's "not one of the last". */
  async setPassword(userId: string, hash: string, at: Date, keepHistory: boolean): Promise<void> {
    await this.db.query(
      `INSERT INTO ${this.s}.user_passwords (user_id, hash, previous, changed_at) VALUES ($1, $2, '{}', $3)
       ON CONFLICT (user_id) DO UPDATE SET hash = EXCLUDED.hash, changed_at = EXCLUDED.changed_at,
         previous = CASE WHEN $4 THEN (ARRAY[${this.s}.user_passwords.hash] || ${this.s}.user_passwords.previous)[1:2] ELSE ${this.s}.user_passwords.previous END`,
      [userId, hash, at.toISOString(), keepHistory],
    );
  }

  async contacts(userIds: readonly string[]): Promise<Map<string, Contacts>> {
    const rows = await this.db.query<{ user_id: string; email: string | null; phone: string | null }>(
      `SELECT user_id, email, phone FROM ${this.s}.user_contacts WHERE user_id = ANY($1::text[])`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.user_id, { ...(row.email ? { email: row.email } : {}), ...(row.phone ? { phone: row.phone } : {}) }]));
  }

  async setContacts(userId: string, contacts: Contacts): Promise<void> {
    await this.db.query(
      `INSERT INTO ${this.s}.user_contacts (user_id, email, phone) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, phone = EXCLUDED.phone`,
      [userId, contacts.email ?? null, contacts.phone ?? null],
    );
  }

  async createSession(idHash: string, userId: string, csrfToken: string, method: 'password' | 'oidc', at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO ${this.s}.user_sessions (id_hash, user_id, csrf_token, method, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)`,
      [idHash, userId, csrfToken, method, at.toISOString()],
    );
  }

  /** One indexed query per request: the session and its user's directory row. */
  async session(idHash: string): Promise<SessionRow | null> {
    const [row] = await this.db.query<{
      user_id: string;
      csrf_token: string;
      method: 'password' | 'oidc';
      created_at: Date | string;
      last_seen_at: Date | string;
      state: UserState | null;
    }>(
      `SELECT s.user_id, s.csrf_token, s.method, s.created_at, s.last_seen_at, d.state
         FROM ${this.s}.user_sessions s LEFT JOIN ${this.s}.${DIRECTORY_TABLE} d ON d.id = s.user_id WHERE s.id_hash = $1`,
      [idHash],
      { name: 'session-by-id' },
    );
    if (!row) return null;
    return {
      userId: row.user_id,
      csrfToken: row.csrf_token,
      method: row.method,
      createdAt: new Date(row.created_at),
      lastSeenAt: new Date(row.last_seen_at),
      user: row.state?.status === 'registered' ? row.state : null,
    };
  }

  async touchSession(idHash: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE ${this.s}.user_sessions SET last_seen_at = $2 WHERE id_hash = $1 AND last_seen_at < $2`, [idHash, at.toISOString()]);
  }

  async endSession(idHash: string): Promise<void> {
    await this.db.query(`DELETE FROM ${this.s}.user_sessions WHERE id_hash = $1`, [idHash]);
  }

  /** Ends every session of the user but `except` (a hash of the id kept). */
  async endSessionsOf(userId: string, except?: string): Promise<void> {
    await this.db.query(`DELETE FROM ${this.s}.user_sessions WHERE user_id = $1 AND id_hash <> $2`, [userId, except ?? '']);
  }

  async lockedUntil(username: string, now: Date): Promise<Date | null> {
    const [row] = await this.db.query<{ locked_until: Date | string }>(
      `SELECT locked_until FROM ${this.s}.sign_in_locks WHERE username = $1 AND locked_until > $2`,
      [username, now.toISOString()],
    );
    return row ? new Date(row.locked_until) : null;
  }

  /** Records a failure; when it makes `limit` within the window, locks the username and answers until when (once per lock). */
  async recordFailure(username: string, now: Date, limit: number, windowMs: number): Promise<Date | null> {
    const since = new Date(now.getTime() - windowMs).toISOString();
    return this.db.transaction(async (tx) => {
      // one count at a time per username: racing failures lock it exactly once
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`sign-in/${username}`]);
      await tx.query(`DELETE FROM ${this.s}.sign_in_failures WHERE username = $1 AND at <= $2`, [username, since]);
      await tx.query(`INSERT INTO ${this.s}.sign_in_failures (username, at) VALUES ($1, $2)`, [username, now.toISOString()]);
      const [{ count }] = (await tx.query<{ count: string | number }>(`SELECT count(*) AS count FROM ${this.s}.sign_in_failures WHERE username = $1`, [
        username,
      ])) as [{ count: string | number }];
      if (Number(count) < limit) return null;
      const until = new Date(now.getTime() + windowMs);
      const locked = await tx.query(
        `INSERT INTO ${this.s}.sign_in_locks (username, locked_until) VALUES ($1, $2)
         ON CONFLICT (username) DO UPDATE SET locked_until = EXCLUDED.locked_until WHERE ${this.s}.sign_in_locks.locked_until <= $3
         RETURNING 1`,
        [username, until.toISOString(), now.toISOString()],
      );
      await tx.query(`DELETE FROM ${this.s}.sign_in_failures WHERE username = $1`, [username]);
      return locked.length > 0 ? until : null;
    });
  }

  async clearFailures(username: string): Promise<void> {
    await this.db.query(`DELETE FROM ${this.s}.sign_in_failures WHERE username = $1`, [username]);
  }

  async unlock(username: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM ${this.s}.sign_in_failures WHERE username = $1`, [username]);
      await tx.query(`DELETE FROM ${this.s}.sign_in_locks WHERE username = $1`, [username]);
    });
  }
}
