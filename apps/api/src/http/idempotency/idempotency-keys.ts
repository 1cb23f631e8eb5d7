import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Settings } from '@app/config';
import { keyedCommandId } from '@app/event-sourcing';
import { SqlDatabase, migrate, quoteSchema } from '@app/sql';

export interface KeyScope {
  /** The authenticated principal: the user and the tenant it acts for (see principalOf). */
  readonly caller: string;
  readonly method: string;
  readonly path: string;
  readonly key: string;
}

export interface StoredResponse {
  readonly status: number;
  /** The body exactly as first sent (JSON text), or null when there was none. */
  readonly bodyText: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The key's owner: the user and the kindergarten or unit it acts for. A key is never shared across principals, so
 * the same `sub` in two tenants gets two keys.
 */
export const principalOf = (caller: { sub: string; role: string; kindergartenId?: string; unitId?: string }): string =>
  JSON.stringify([caller.sub, caller.role, caller.kindergartenId ?? null, caller.unitId ?? null]);

export type Claim =
  /** Run the command under `commandId` (the same for every attempt of this request) at `receivedAt` (the first attempt's). */
  | { readonly kind: 'new'; readonly commandId: string; readonly receivedAt: Date }
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
  // the body as first sent (replayed byte for byte), and the first attempt's time (every attempt decides at it)
  `ALTER TABLE ${s}.idempotency_keys ADD COLUMN body_text text, ADD COLUMN received_at timestamptz`,
];

/** A live request refreshes its claim this often… */
export const HEARTBEAT_MS = 1_000;
/** …so a claim not refreshed this long belongs to a request that died (a crash, a SIGKILL): a retry takes it over. */
const ABANDONED_AFTER = '3 seconds';
/** Kept at least 24 hours (api.md); swept after 48. */
const KEPT_FOR = '48 hours';
/** A retry waits this long for a pending claim: past ABANDONED_AFTER, so a retry right after a crash proceeds. */
const WAIT_FOR_PENDING_MS = 4_000;

/**
 * Idempotency keys in SQL, per (principal, method, path, key): the first response is stored and replayed. Every
 * attempt of one request runs its command under one derived command id (keyedCommandId), so an attempt that takes
 * over the claim of a dead one finds the events the first wrote and answers with them instead of writing again.
 */
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

  async claim(scope: KeyScope, requestHash: string, receivedAt: Date): Promise<Claim> {
    if (Math.random() < 0.01) await this.db.query(`DELETE FROM ${this.s}.idempotency_keys WHERE created_at < now() - interval '${KEPT_FOR}'`);
    const commandId = keyedCommandId(JSON.stringify([scope.caller, scope.method, scope.path, scope.key, requestHash]));
    const inserted = await this.db.query(
      `INSERT INTO ${this.s}.idempotency_keys (caller, method, path, key, request_hash, state, received_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [scope.caller, scope.method, scope.path, scope.key, requestHash, receivedAt.toISOString()],
    );
    if (inserted.length > 0) return { kind: 'new', commandId, receivedAt };
    const deadline = Date.now() + WAIT_FOR_PENDING_MS;
    for (;;) {
      const [row] = await this.db.query<{
        request_hash: string;
        state: string;
        status: number;
        body: unknown;
        body_text: string | null;
        headers: Record<string, string>;
        released: boolean;
      }>(
        `SELECT request_hash, state, status, body, body_text, headers, updated_at = '-infinity' AS released
           FROM ${this.s}.idempotency_keys WHERE caller = $1 AND method = $2 AND path = $3 AND key = $4`,
        [scope.caller, scope.method, scope.path, scope.key],
      );
      if (!row) return this.claim(scope, requestHash, receivedAt);
      if (row.request_hash !== requestHash) {
        if (!row.released) return { kind: 'mismatch' };
        // the key's request failed: another body may use it now
        const [reused] = await this.db.query(
          `UPDATE ${this.s}.idempotency_keys SET request_hash = $5, received_at = $6, updated_at = now(), created_at = now()
           WHERE caller = $1 AND method = $2 AND path = $3 AND key = $4 AND state = 'pending' AND updated_at = '-infinity' AND request_hash = $7
           RETURNING 1`,
          [scope.caller, scope.method, scope.path, scope.key, requestHash, receivedAt.toISOString(), row.request_hash],
        );
        if (reused) return { kind: 'new', commandId, receivedAt };
        continue;
      }
      if (row.state === 'done') {
        // rows kept from before body_text: their JSON re-serialised
        const bodyText = row.body_text ?? (row.body === null || row.body === undefined ? null : JSON.stringify(row.body));
        return { kind: 'replay', response: { status: Number(row.status), bodyText, headers: row.headers ?? {} } };
      }
      const [takenOver] = await this.db.query<{ received_at: Date | null }>(
        `UPDATE ${this.s}.idempotency_keys SET updated_at = now()
         WHERE caller = $1 AND method = $2 AND path = $3 AND key = $4 AND state = 'pending' AND updated_at < now() - interval '${ABANDONED_AFTER}'
         RETURNING received_at`,
        [scope.caller, scope.method, scope.path, scope.key],
      );
      if (takenOver) return { kind: 'new', commandId, receivedAt: takenOver.received_at ? new Date(takenOver.received_at) : receivedAt };
      if (Date.now() >= deadline) return { kind: 'busy' };
      await sleep(25);
    }
  }

  /** The request still runs: keep its claim from looking abandoned. */
  async heartbeat(scope: KeyScope): Promise<void> {
    await this.db.query(
      `UPDATE ${this.s}.idempotency_keys SET updated_at = now() WHERE caller = $1 AND method = $2 AND path = $3 AND key = $4 AND state = 'pending'`,
      [scope.caller, scope.method, scope.path, scope.key],
    );
  }

  async complete(scope: KeyScope, response: StoredResponse): Promise<void> {
    await this.db.query(
      `UPDATE ${this.s}.idempotency_keys SET state = 'done', status = $5, body = $6::text::jsonb, body_text = $6::text, headers = $7::jsonb, updated_at = now()
       WHERE caller = $1 AND method = $2 AND path = $3 AND key = $4`,
      [scope.caller, scope.method, scope.path, scope.key, response.status, response.bodyText, JSON.stringify(response.headers)],
    );
  }

  /**
   * The request failed: the claim is released, so that a retry with the same key runs again at once — under the same
   * command id and time, so that if the failure came after the append (an answer lost to an outage) the retry finds
   * what was written. Another body may then use the key.
   */
  async release(scope: KeyScope): Promise<void> {
    await this.db.query(
      `UPDATE ${this.s}.idempotency_keys SET updated_at = '-infinity' WHERE caller = $1 AND method = $2 AND path = $3 AND key = $4 AND state = 'pending'`,
      [scope.caller, scope.method, scope.path, scope.key],
    );
  }
}
