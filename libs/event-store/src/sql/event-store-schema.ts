import { quoteSchema, type SqlClient } from '@app/sql';

/**
 * The event store's tables, shared by the PostgreSQL and PGlite adapters.
 *
 * Global order: every append takes its transaction id and its positions together, inside a short
 * session-level lock, so position order equals transaction-id order. Readers only return events whose
 * transaction id is below the oldest one still running (`pg_snapshot_xmin`): an event that will commit late
 * always has a higher transaction id, hence a higher position than anything already handed out, so a reader
 * never skips it. Appends to different streams still commit in parallel (group commit); bench/README.md
 * compares this with fully serialised appends.
 */
const migrations = (s: string): string[] => [
  `
  CREATE TABLE ${s}.events (
    position       bigint      PRIMARY KEY,
    tx_id          xid8        NOT NULL,
    stream_id      text        NOT NULL,
    version        integer     NOT NULL CHECK (version > 0),
    id             uuid        NOT NULL UNIQUE,
    type           text        NOT NULL,
    schema_version integer     NOT NULL CHECK (schema_version > 0),
    data           json        NOT NULL,
    metadata       json        NOT NULL,
    prev_hash      text        NOT NULL,
    hash           text        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    CONSTRAINT events_stream_version UNIQUE (stream_id, version)
  );
  CREATE SEQUENCE ${s}.events_position_seq AS bigint OWNED BY ${s}.events.position;
  CREATE TABLE ${s}.streams (
    stream_id  text        PRIMARY KEY,
    category   text        NOT NULL,
    version    integer     NOT NULL,
    last_hash  text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE INDEX streams_category ON ${s}.streams (category, stream_id);

  -- The record is append-only, whoever connects: only a superuser who disables this trigger can alter it.
  CREATE FUNCTION ${s}.reject_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP USING ERRCODE = 'ESRO1';
  END $$;
  CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON ${s}.events
    FOR EACH ROW EXECUTE FUNCTION ${s}.reject_event_change();
  CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${s}.events
    FOR EACH STATEMENT EXECUTE FUNCTION ${s}.reject_event_change();

  -- One round trip per append: check the version under a per-stream lock, take positions, chain, insert.
  -- p_expected: >= 0 exact (0 = no stream), -1 any, -2 stream exists. Call it on its own, never inside a
  -- transaction that already wrote: the transaction id must be taken together with the positions.
  CREATE FUNCTION ${s}.append_events(p_stream_id text, p_category text, p_expected integer, p_events json)
  RETURNS TABLE (o_position bigint, o_version integer, o_prev_hash text, o_hash text, o_recorded_at timestamptz)
  LANGUAGE plpgsql AS $$
  DECLARE
    current_version integer;
    prev text;
    tx xid8;
    positions bigint[];
    n integer := json_array_length(p_events);
    at timestamptz;
    e json;
    i integer := 0;
    h text;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('${s}/' || p_stream_id, 0));
    SELECT s.version, s.last_hash INTO current_version, prev FROM ${s}.streams s WHERE s.stream_id = p_stream_id;
    IF NOT FOUND THEN
      current_version := 0;
      prev := repeat('0', 64);
    END IF;
    IF (p_expected >= 0 AND current_version <> p_expected) OR (p_expected = -2 AND current_version = 0) THEN
      RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'ES409', DETAIL = current_version::text;
    END IF;
    BEGIN
      PERFORM pg_advisory_lock(hashtextextended('${s}/$position', 0));
      tx := pg_current_xact_id();
      SELECT array_agg(nextval('${s}.events_position_seq')) INTO positions FROM generate_series(1, n);
      PERFORM pg_advisory_unlock(hashtextextended('${s}/$position', 0));
    EXCEPTION WHEN query_canceled OR others THEN
      PERFORM pg_advisory_unlock(hashtextextended('${s}/$position', 0));
      RAISE;
    END;
    at := date_trunc('milliseconds', clock_timestamp());
    FOR e IN SELECT value FROM json_array_elements(p_events) LOOP
      i := i + 1;
      h := encode(sha256(convert_to(prev || (e->>'canonicalPrefix') || (current_version + i)::text || '}', 'UTF8')), 'hex');
      INSERT INTO ${s}.events (position, tx_id, stream_id, version, id, type, schema_version, data, metadata, prev_hash, hash, recorded_at)
      VALUES (positions[i], tx, p_stream_id, current_version + i, (e->>'id')::uuid, e->>'type', (e->>'schemaVersion')::integer,
              e->'data', e->'metadata', prev, h, at);
      o_position := positions[i]; o_version := current_version + i; o_prev_hash := prev; o_hash := h; o_recorded_at := at;
      RETURN NEXT;
      prev := h;
    END LOOP;
    INSERT INTO ${s}.streams AS st (stream_id, category, version, last_hash, created_at, updated_at)
    VALUES (p_stream_id, p_category, current_version + n, prev, at, at)
    ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, last_hash = EXCLUDED.last_hash, updated_at = EXCLUDED.updated_at;
  END $$;
  `,
];

/** Creates or upgrades the event store's schema; safe to run from several processes at once. */
export const migrateEventStore = async (client: SqlClient, schema: string): Promise<void> => {
  const s = quoteSchema(schema);
  const steps = migrations(s);
  await client.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${schema}/$migrations`]);
    await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.event_store_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = await tx.query<{ version: number }>(`SELECT version FROM ${s}.event_store_migrations`);
    const done = new Set(applied.map((row) => Number(row.version)));
    for (const [index, sql] of steps.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      await tx.exec(sql);
      await tx.query(`INSERT INTO ${s}.event_store_migrations (version) VALUES ($1)`, [version]);
    }
  });
};
