import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Settings } from '@app/config';
import { SqlDatabase, migrate, quoteSchema } from '@app/sql';

export interface KeyScope {
  readonly caller: string;
  readonly method: string;
  readonly path: string;
  readonly key: string;
}

export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

export type Claim =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'busy' };

const migrations = (s: string): string[] => [
  `CREATE TABLE ${s}.idempotency_keys (
     caller text NOT NULL, method text NOT NULL, path text NOT NULL, key text NOT NULL,
     request_hash text NOT NULL, state text NOT NULL CHECK (state IN ('pending', 'done')),
     status integer, body jsonb, headers jsonb,
     created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (caller, method, path, key));
   CREATE INDEX idempotency_keys_created ON ${s}.idempotency_keys (created_at)`,
];

/** A claim left pending this long belongs to a request that died; another may take it over. */
const ABANDONED_AFTER = '60 seconds';
/** Kept at least 24 hours (api.md); swept after 48. */
const KEPT_FOR = '48 hours';
const WAIT_FOR_PENDING_MS = 3_000;

/** Idempotency keys in SQL, per (caller, method, path, key): the first response is stored and replayed. */
@Injectable()
export class IdempotencyKeys implements OnModuleInit {
  private readonly s: string;

  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(Settings) private readonly settings: Settings,
  ) {
    this.s = quoteSchema(settings.DATABASE_SCHEMA);
  }

  async onModuleInit(): Promise<void> {
    await migrate(this.db, this.settings.DATABASE_SCHEMA, 'idempotency-keys', migrations(this.s));
  }

  async claim(scope: KeyScope, requestHash: string): Promise<Claim> {
    if (Math.random() < 0.01) await this.db.query(`DELETE FROM ${this.s}.idempotency_keys WHERE created_at < now() - interval '${KEPT_FOR}'`);
    const inserted = await this.db.query(
      `INSERT INTO ${this.s}.idempotency_keys (caller, method, path, key, request_hash, state) VALUES ($1, $2, $3, $4, $5, 'pending')
       ON CONFLICT DO NOTHING RETURNING 1`,
      [scope.caller, scope.method, scope.path, scope.key, requestHash],
    );
    if (inserted.length > 0) return { kind: 'new' };
    const deadline = Date.now() + WAIT_FOR_PENDING_MS;
    for (;;) {
      const [row] = await this.db.query<{ request_hash: string; state: string; status: number; body: unknown; headers: Record<string, string> }>(
        `SELECT request_hash, state, status, body, headers FROM ${this.s}.idempotency_keys WHERE caller = $1 AND method = $2 AND path = $3 AND key = $4`,
        [scope.caller, scope.method, scope.path, scope.key],
      );
      if (!row) return this.claim(scope, requestHash);
      if (row.request_hash !== requestHash) return { kind: 'mismatch' };
      if (row.state === 'done') return { kind: 'replay', response: { status: Number(row.status), body: row.body, headers: row.headers ?? {} } };
      const takenOver = await this.db.query(
        `UPDATE ${this.s}.idempotency_keys SET updated_at = now()
         WHERE caller = $1 AND method = $2 AND path = $3 AND key = $4 AND state = 'pending' AND updated_at < now() - interval '${ABANDONED_AFTER}'
         RETURNING 1`,
        [scope.caller, scope.method, scope.path, scope.key],
      );
      if (takenOver.length > 0) return { kind: 'new' };
      if (Date.now() >= deadline) return { kind: 'busy' };
      await sleep(25);
    }
  }

  async complete(scope: KeyScope, response: StoredResponse): Promise<void> {
    await this.db.query(
      `UPDATE ${this.s}.idempotency_keys SET state = 'done', status = $5, body = $6::jsonb, headers = $7::jsonb, updated_at = now()
       WHERE caller = $1 AND method = $2 AND path = $3 AND key = $4`,
      [scope.caller, scope.method, scope.path, scope.key, response.status, JSON.stringify(response.body ?? null), JSON.stringify(response.headers)],
    );
  }

  /** The request failed: forget the claim, so that a retry with the same key runs again. */
  async release(scope: KeyScope): Promise<void> {
    await this.db.query(`DELETE FROM ${this.s}.idempotency_keys WHERE caller = $1 AND method = $2 AND path = $3 AND key = $4 AND state = 'pending'`, [
      scope.caller,
      scope.method,
      scope.path,
      scope.key,
    ]);
  }
}
