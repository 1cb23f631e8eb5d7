import { Inject, Injectable } from '@nestjs/common';
import { Settings } from '@app/config';
import { SqlDatabase, migrate, quoteSchema } from '@app/sql';

const migrations = (s: string): string[] => [
  // a sign-in begun in a browser and not yet finished: taken (deleted) once, by the callback carrying its cookie
  `CREATE TABLE ${s}.oidc_pending_sign_ins (
     id text PRIMARY KEY, state text NOT NULL, nonce text NOT NULL, code_verifier text NOT NULL, return_to text NOT NULL,
     expires_at timestamptz NOT NULL);
   CREATE INDEX oidc_pending_sign_ins_expiry ON ${s}.oidc_pending_sign_ins (expires_at);
   CREATE TABLE ${s}.oidc_identities (
     issuer text NOT NULL, subject text NOT NULL, user_id text NOT NULL, bound_at timestamptz NOT NULL,
     PRIMARY KEY (issuer, subject), UNIQUE (issuer, user_id))`,
];

/** The PKCE verifier, state and nonce of a sign-in in progress, and where the browser goes afterwards. */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
}

/** Single sign-on's own tables: sign-ins in progress, and which provider account (`iss` + `sub`) is which user. */
@Injectable()
export class OidcTables {
  private readonly s: string;

  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(Settings) private readonly settings: Settings,
  ) {
    this.s = quoteSchema(settings.DATABASE_SCHEMA);
  }

  migrate(): Promise<void> {
    return migrate(this.db, this.settings.DATABASE_SCHEMA, 'oidc', migrations(this.s));
  }

  async savePending(id: string, pending: PendingSignIn, now: Date, expiresAt: Date): Promise<void> {
    // abandoned sign-ins go as new ones come, so the table holds at most the last few minutes' worth
    await this.db.query(`DELETE FROM ${this.s}.oidc_pending_sign_ins WHERE expires_at <= $1`, [now.toISOString()]);
    await this.db.query(
      `INSERT INTO ${this.s}.oidc_pending_sign_ins (id, state, nonce, code_verifier, return_to, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, pending.state, pending.nonce, pending.codeVerifier, pending.returnTo, expiresAt.toISOString()],
    );
  }

  /** The pending sign-in, removed so that it serves once; null when unknown, already taken or expired. */
  async takePending(id: string, now: Date): Promise<PendingSignIn | null> {
    const [row] = await this.db.query<{ state: string; nonce: string; code_verifier: string; return_to: string; live: boolean }>(
      `DELETE FROM ${this.s}.oidc_pending_sign_ins WHERE id = $1
       RETURNING state, nonce, code_verifier, return_to, expires_at > $2 AS live`,
      [id, now.toISOString()],
    );
    return row?.live ? { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to } : null;
  }

  async boundUser(issuer: string, subject: string): Promise<string | null> {
    const [row] = await this.db.query<{ user_id: string }>(`SELECT user_id FROM ${this.s}.oidc_identities WHERE issuer = $1 AND subject = $2`, [
      issuer,
      subject,
    ]);
    return row?.user_id ?? null;
  }

  /**
   * Binds the provider account to the user unless either is bound already (one account per user and provider, so a
   * second account claiming the same username cannot take the user over). True when this binding holds afterwards.
   */
  async bind(issuer: string, subject: string, userId: string, now: Date): Promise<boolean> {
    await this.db.query(`INSERT INTO ${this.s}.oidc_identities (issuer, subject, user_id, bound_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      issuer,
      subject,
      userId,
      now.toISOString(),
    ]);
    return (await this.boundUser(issuer, subject)) === userId;
  }
}
