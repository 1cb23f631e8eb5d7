import { migrate, quoteSchema, type SqlClient } from '@app/sql';

/** Positions are `transaction id × 1024 + index in the append`: at most this many events per append. */
export const MAX_EVENTS_PER_APPEND = 1024;

/**
 * The event store's tables, shared by the PostgreSQL and PGlite adapters.
 *
 * Global order without gaps for readers: an append takes its transaction id only once it holds its stream's lock,
 * and derives its positions from it (`xid × 1024 + i`), so position order is transaction-id order. Readers return
 * only positions below the oldest transaction still running (`pg_snapshot_xmin`): an event that commits late has a
 * higher transaction id, hence a higher position than anything a reader was already given, so it is never skipped.
 * Appends share no lock and commit in parallel (bench/README.md compares this with serialised appends). Two appends
 * racing for one stream version meet at the unique (stream_id, version) index: the later one fails as a version
 * conflict. An append that does see its predecessor's event started after that commit, so its transaction id, and
 * its position, are higher: positions follow versions within a stream.
 */
const migrations = (s: string): string[] => [
  `
  CREATE TABLE ${s}.events (
    position       bigint              PRIMARY KEY,
    stream_id      text COLLATE "C"    NOT NULL,
    version        integer             NOT NULL CHECK (version > 0),
    id             uuid                NOT NULL UNIQUE,
    type           text                NOT NULL,
    schema_version integer             NOT NULL CHECK (schema_version > 0),
    data           json                NOT NULL,
    metadata       json                NOT NULL,
    prev_hash      text                NOT NULL,
    hash           text                NOT NULL,
    recorded_at    timestamptz         NOT NULL,
    CONSTRAINT events_stream_version UNIQUE (stream_id, version)
  );

  -- The record is append-only, whoever connects: only a superuser who disables this trigger can alter it.
  CREATE FUNCTION ${s}.reject_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP USING ERRCODE = 'ESRO1';
  END $$;
  CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON ${s}.events
    FOR EACH ROW EXECUTE FUNCTION ${s}.reject_event_change();
  CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${s}.events
    FOR EACH STATEMENT EXECUTE FUNCTION ${s}.reject_event_change();

  -- The first position no reader may return yet: everything below it has committed or never will.
  CREATE FUNCTION ${s}.visible_limit() RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint * ${MAX_EVENTS_PER_APPEND}
  $$;

  -- One round trip per append: check the stream's version, take the transaction id, chain and insert.
  -- p_expected: >= 0 exact (0 = no stream), -1 any, -2 the stream exists. Each event's canonical text arrives
  -- without its version (JCS sorts "version" last), so unpinned appends need no second round trip.
  -- Call it as a statement of its own, never in a transaction that already wrote (its id would be too old).
  CREATE FUNCTION ${s}.append_events(p_stream_id text, p_expected integer, p_events jsonb)
  RETURNS TABLE (o_first_position bigint, o_first_version integer, o_hashes text[], o_prev_hash text, o_recorded_at timestamptz)
  LANGUAGE plpgsql AS $$
  DECLARE
    current_version integer;
    first_prev text;
    prev text;
    base bigint;
    at timestamptz;
    e jsonb;
    i integer := 0;
    h text;
    hashes text[] := '{}';
  BEGIN
    SELECT ev.version, ev.hash INTO current_version, prev
      FROM ${s}.events ev WHERE ev.stream_id = p_stream_id ORDER BY ev.version DESC LIMIT 1;
    IF NOT FOUND THEN
      current_version := 0;
      prev := repeat('0', 64);
    END IF;
    IF (p_expected >= 0 AND current_version <> p_expected) OR (p_expected = -2 AND current_version = 0) THEN
      RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'ES409', DETAIL = current_version::text;
    END IF;
    IF jsonb_array_length(p_events) > ${MAX_EVENTS_PER_APPEND} THEN
      RAISE EXCEPTION 'at most ${MAX_EVENTS_PER_APPEND} events per append' USING ERRCODE = 'ES400';
    END IF;
    base := pg_current_xact_id()::text::bigint;
    IF base >= 8796093022208 THEN
      RAISE EXCEPTION 'transaction id % is beyond the positions a client can represent exactly', base USING ERRCODE = 'ES500';
    END IF;
    base := base * ${MAX_EVENTS_PER_APPEND};
    at := date_trunc('milliseconds', clock_timestamp());
    first_prev := prev;
    FOR e IN SELECT value FROM jsonb_array_elements(p_events) LOOP
      h := encode(sha256(convert_to(prev || (e->>'canonicalPrefix') || (current_version + i + 1)::text || '}', 'UTF8')), 'hex');
      INSERT INTO ${s}.events (position, stream_id, version, id, type, schema_version, data, metadata, prev_hash, hash, recorded_at)
      VALUES (base + i, p_stream_id, current_version + i + 1, (e->>'id')::uuid, e->>'type', (e->>'schemaVersion')::integer,
              (e->'data')::json, (e->'metadata')::json, prev, h, at);
      hashes := hashes || h;
      prev := h;
      i := i + 1;
    END LOOP;
    o_first_position := base; o_first_version := current_version + 1; o_hashes := hashes; o_prev_hash := first_prev; o_recorded_at := at;
    RETURN NEXT;
  END $$;
  `,
  `
  -- Events exported from another store: kept with their ids and recording times; every hash must come out as recorded.
  CREATE FUNCTION ${s}.import_events(p_stream_id text, p_expected integer, p_events jsonb) RETURNS integer
  LANGUAGE plpgsql AS $$
  DECLARE
    current_version integer;
    prev text;
    base bigint;
    e jsonb;
    i integer := 0;
    h text;
  BEGIN
    SELECT ev.version, ev.hash INTO current_version, prev FROM ${s}.events ev WHERE ev.stream_id = p_stream_id ORDER BY ev.version DESC LIMIT 1;
    IF NOT FOUND THEN
      current_version := 0;
      prev := repeat('0', 64);
    END IF;
    IF current_version <> p_expected THEN
      RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'ES409', DETAIL = current_version::text;
    END IF;
    base := pg_current_xact_id()::text::bigint * ${MAX_EVENTS_PER_APPEND};
    FOR e IN SELECT value FROM jsonb_array_elements(p_events) LOOP
      h := encode(sha256(convert_to(prev || (e->>'canonicalPrefix') || (current_version + i + 1)::text || '}', 'UTF8')), 'hex');
      IF h <> e->>'hash' OR prev <> e->>'prevHash' THEN
        RAISE EXCEPTION 'imported event %@% does not hash as recorded', p_stream_id, current_version + i + 1 USING ERRCODE = 'ES422';
      END IF;
      INSERT INTO ${s}.events (position, stream_id, version, id, type, schema_version, data, metadata, prev_hash, hash, recorded_at)
      VALUES (base + i, p_stream_id, current_version + i + 1, (e->>'id')::uuid, e->>'type', (e->>'schemaVersion')::integer,
              (e->'data')::json, (e->'metadata')::json, prev, h, (e->>'recordedAt')::timestamptz);
      prev := h;
      i := i + 1;
    END LOOP;
    RETURN current_version + i;
  END $$;
  `,
  `
  -- Data and metadata are stored as the canonical JSON text the application hashed (a json column keeps its input
  -- text verbatim), so verification can hash the stored text without parsing it; the canonical envelope is put
  -- together here from those texts and the JSON strings of the stream id and type, members in JCS order, so no text
  -- travels twice. Callers of the previous version (data, metadata and canonicalPrefix) are still served.
  CREATE OR REPLACE FUNCTION ${s}.append_events(p_stream_id text, p_expected integer, p_events jsonb)
  RETURNS TABLE (o_first_position bigint, o_first_version integer, o_hashes text[], o_prev_hash text, o_recorded_at timestamptz)
  LANGUAGE plpgsql AS $$
  DECLARE
    current_version integer;
    first_prev text;
    prev text;
    base bigint;
    at timestamptz;
    e jsonb;
    i integer := 0;
    h text;
    hashes text[] := '{}';
  BEGIN
    SELECT ev.version, ev.hash INTO current_version, prev
      FROM ${s}.events ev WHERE ev.stream_id = p_stream_id ORDER BY ev.version DESC LIMIT 1;
    IF NOT FOUND THEN
      current_version := 0;
      prev := repeat('0', 64);
    END IF;
    IF (p_expected >= 0 AND current_version <> p_expected) OR (p_expected = -2 AND current_version = 0) THEN
      RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'ES409', DETAIL = current_version::text;
    END IF;
    IF jsonb_array_length(p_events) > ${MAX_EVENTS_PER_APPEND} THEN
      RAISE EXCEPTION 'at most ${MAX_EVENTS_PER_APPEND} events per append' USING ERRCODE = 'ES400';
    END IF;
    base := pg_current_xact_id()::text::bigint;
    IF base >= 8796093022208 THEN
      RAISE EXCEPTION 'transaction id % is beyond the positions a client can represent exactly', base USING ERRCODE = 'ES500';
    END IF;
    base := base * ${MAX_EVENTS_PER_APPEND};
    at := date_trunc('milliseconds', clock_timestamp());
    first_prev := prev;
    FOR e IN SELECT value FROM jsonb_array_elements(p_events) LOOP
      h := encode(sha256(convert_to(prev || COALESCE(e->>'canonicalPrefix',
        '{"data":' || (e->>'dataText') || ',"id":"' || (e->>'id') || '","metadata":' || (e->>'metadataText') || ',"schemaVersion":' ||
        (e->>'schemaVersion') || ',"streamId":' || (e->>'streamJson') || ',"type":' || (e->>'typeJson') || ',"version":') || (current_version + i + 1)::text || '}', 'UTF8')), 'hex');
      INSERT INTO ${s}.events (position, stream_id, version, id, type, schema_version, data, metadata, prev_hash, hash, recorded_at)
      VALUES (base + i, p_stream_id, current_version + i + 1, (e->>'id')::uuid, e->>'type', (e->>'schemaVersion')::integer,
              COALESCE((e->>'dataText')::json, (e->'data')::json), COALESCE((e->>'metadataText')::json, (e->'metadata')::json), prev, h, at);
      hashes := hashes || h;
      prev := h;
      i := i + 1;
    END LOOP;
    o_first_position := base; o_first_version := current_version + 1; o_hashes := hashes; o_prev_hash := first_prev; o_recorded_at := at;
    RETURN NEXT;
  END $$;

  CREATE OR REPLACE FUNCTION ${s}.import_events(p_stream_id text, p_expected integer, p_events jsonb) RETURNS integer
  LANGUAGE plpgsql AS $$
  DECLARE
    current_version integer;
    prev text;
    base bigint;
    e jsonb;
    i integer := 0;
    h text;
  BEGIN
    SELECT ev.version, ev.hash INTO current_version, prev FROM ${s}.events ev WHERE ev.stream_id = p_stream_id ORDER BY ev.version DESC LIMIT 1;
    IF NOT FOUND THEN
      current_version := 0;
      prev := repeat('0', 64);
    END IF;
    IF current_version <> p_expected THEN
      RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'ES409', DETAIL = current_version::text;
    END IF;
    base := pg_current_xact_id()::text::bigint * ${MAX_EVENTS_PER_APPEND};
    FOR e IN SELECT value FROM jsonb_array_elements(p_events) LOOP
      h := encode(sha256(convert_to(prev || COALESCE(e->>'canonicalPrefix',
        '{"data":' || (e->>'dataText') || ',"id":"' || (e->>'id') || '","metadata":' || (e->>'metadataText') || ',"schemaVersion":' ||
        (e->>'schemaVersion') || ',"streamId":' || (e->>'streamJson') || ',"type":' || (e->>'typeJson') || ',"version":') || (current_version + i + 1)::text || '}', 'UTF8')), 'hex');
      IF h <> e->>'hash' OR prev <> e->>'prevHash' THEN
        RAISE EXCEPTION 'imported event %@% does not hash as recorded', p_stream_id, current_version + i + 1 USING ERRCODE = 'ES422';
      END IF;
      INSERT INTO ${s}.events (position, stream_id, version, id, type, schema_version, data, metadata, prev_hash, hash, recorded_at)
      VALUES (base + i, p_stream_id, current_version + i + 1, (e->>'id')::uuid, e->>'type', (e->>'schemaVersion')::integer,
              COALESCE((e->>'dataText')::json, (e->'data')::json), COALESCE((e->>'metadataText')::json, (e->'metadata')::json), prev, h, (e->>'recordedAt')::timestamptz);
      prev := h;
      i := i + 1;
    END LOOP;
    RETURN current_version + i;
  END $$;
  `,
  `
  -- Several streams in one transaction, all or nothing (a notice and its document number): every stream's version is
  -- checked first, then one transaction id gives every event its position, in the order given.
  -- p_appends: [{streamId, expected, events: [payload as append_events takes it]}]; ES409's DETAIL is the stream and
  -- its version, as JSON.
  CREATE FUNCTION ${s}.append_events_many(p_appends jsonb)
  RETURNS TABLE (o_stream_id text, o_first_position bigint, o_first_version integer, o_hashes text[], o_prev_hash text, o_recorded_at timestamptz)
  LANGUAGE plpgsql AS $$
  DECLARE
    a jsonb;
    e jsonb;
    current_versions integer[] := '{}';
    prevs text[] := '{}';
    current_version integer;
    prev text;
    first_prev text;
    base bigint;
    at timestamptz;
    i integer := 0;
    k integer := 0;
    j integer;
    h text;
    hashes text[];
    expected integer;
  BEGIN
    IF (SELECT coalesce(sum(jsonb_array_length(x->'events')), 0) FROM jsonb_array_elements(p_appends) x) > ${MAX_EVENTS_PER_APPEND} THEN
      RAISE EXCEPTION 'at most ${MAX_EVENTS_PER_APPEND} events per append' USING ERRCODE = 'ES400';
    END IF;
    FOR a IN SELECT value FROM jsonb_array_elements(p_appends) LOOP
      SELECT ev.version, ev.hash INTO current_version, prev
        FROM ${s}.events ev WHERE ev.stream_id = a->>'streamId' ORDER BY ev.version DESC LIMIT 1;
      IF NOT FOUND THEN
        current_version := 0;
        prev := repeat('0', 64);
      END IF;
      expected := (a->>'expected')::integer;
      IF (expected >= 0 AND current_version <> expected) OR (expected = -2 AND current_version = 0) THEN
        RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'ES409',
          DETAIL = json_build_object('streamId', a->>'streamId', 'version', current_version)::text;
      END IF;
      current_versions := current_versions || current_version;
      prevs := prevs || prev;
    END LOOP;
    base := pg_current_xact_id()::text::bigint;
    IF base >= 8796093022208 THEN
      RAISE EXCEPTION 'transaction id % is beyond the positions a client can represent exactly', base USING ERRCODE = 'ES500';
    END IF;
    base := base * ${MAX_EVENTS_PER_APPEND};
    at := date_trunc('milliseconds', clock_timestamp());
    FOR a IN SELECT value FROM jsonb_array_elements(p_appends) LOOP
      k := k + 1;
      current_version := current_versions[k];
      prev := prevs[k];
      first_prev := prev;
      hashes := '{}';
      j := 0;
      o_first_position := base + i;
      FOR e IN SELECT value FROM jsonb_array_elements(a->'events') LOOP
        h := encode(sha256(convert_to(prev ||
          '{"data":' || (e->>'dataText') || ',"id":"' || (e->>'id') || '","metadata":' || (e->>'metadataText') || ',"schemaVersion":' ||
          (e->>'schemaVersion') || ',"streamId":' || (e->>'streamJson') || ',"type":' || (e->>'typeJson') || ',"version":' ||
          (current_version + j + 1)::text || '}', 'UTF8')), 'hex');
        INSERT INTO ${s}.events (position, stream_id, version, id, type, schema_version, data, metadata, prev_hash, hash, recorded_at)
        VALUES (base + i, a->>'streamId', current_version + j + 1, (e->>'id')::uuid, e->>'type', (e->>'schemaVersion')::integer,
                (e->>'dataText')::json, (e->>'metadataText')::json, prev, h, at);
        hashes := hashes || h;
        prev := h;
        i := i + 1;
        j := j + 1;
      END LOOP;
      o_stream_id := a->>'streamId'; o_first_version := current_version + 1; o_hashes := hashes; o_prev_hash := first_prev; o_recorded_at := at;
      RETURN NEXT;
    END LOOP;
  END $$;
  `,
];

/** Creates or upgrades the event store's schema; safe to run from several processes at once. */
export const migrateEventStore = (client: SqlClient, schema: string): Promise<void> =>
  migrate(client, schema, 'event-store', migrations(quoteSchema(schema)));
