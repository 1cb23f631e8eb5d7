import { setTimeout as sleep } from 'node:timers/promises';
import {
  ChainVerifier,
  EventStore,
  WrongExpectedVersionError,
  canonicalText,
  expectedVersionMatches,
  InvalidAppendError,
  type AppendResult,
  type ExpectedVersion,
  type ListStreamsOptions,
  type PreparedEvent,
  type PreparedStreamAppend,
  type ReadStreamOptions,
  type StoredEvent,
  type StreamSummary,
  type Upcasters,
  type VerificationReport,
} from '@app/event-sourcing';
import { quoteSchema, type SqlClient } from '@app/sql';
import { MAX_EVENTS_PER_APPEND } from './event-store-schema.js';

interface EventRow {
  position: string | number | bigint;
  stream_id: string;
  version: number;
  id: string;
  type: string;
  schema_version: number;
  data: object;
  metadata: StoredEvent['metadata'];
  prev_hash: string;
  hash: string;
  recorded_at: Date;
}

interface AppendedRow {
  o_first_position: string | number | bigint;
  o_first_version: number;
  o_hashes: string[];
  o_prev_hash: string;
  o_recorded_at: Date;
}

interface TextRow {
  position: string | number | bigint;
  stream_id: string;
  version: number;
  id: string;
  type: string;
  schema_version: number;
  data_text: string;
  metadata_text: string;
  prev_hash: string;
  hash: string;
}

const VERIFY_BATCH = 5000;

const EVENT_COLUMNS = 'position, stream_id, version, id, type, schema_version, data, metadata, prev_hash, hash, recorded_at';

/** How append_events reads its expected version: ≥ 0 exact (0 = no stream), -1 any, -2 stream exists. */
const encodeExpected = (expected: ExpectedVersion): number =>
  expected === 'any' ? -1 : expected === 'stream-exists' ? -2 : expected === 'no-stream' ? 0 : expected;

const isWrongVersion = (error: unknown): error is { code: string; detail?: string } =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ES409';

/** Another append took the same version first (they met at the unique index). */
const isVersionTaken = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === '23505' &&
  (error as { constraint?: unknown }).constraint === 'events_stream_version';

/** Appends that do not pin a version retry a lost race; each attempt reads the version afresh in the database. */
const UNPINNED_ATTEMPTS = 100;

/** The event store on PostgreSQL SQL; the PostgreSQL and PGlite adapters differ only in their SqlClient. */
export abstract class SqlEventStore extends EventStore {
  protected readonly s: string;

  protected constructor(
    protected readonly sql: SqlClient,
    readonly schema: string,
    upcasters?: Upcasters,
  ) {
    super(upcasters);
    this.s = quoteSchema(schema);
  }

  async streamVersion(streamId: string): Promise<number> {
    const rows = await this.sql.query<{ version: number }>(`SELECT max(version) AS version FROM ${this.s}.events WHERE stream_id = $1`, [streamId]);
    return rows[0]?.version ? Number(rows[0].version) : 0;
  }

  async headPosition(): Promise<number> {
    const rows = await this.sql.query<{ position: string | null }>(
      `SELECT max(position)::text AS position FROM ${this.s}.events WHERE position < (SELECT ${this.s}.visible_limit())`,
    );
    return rows[0]?.position ? Number(rows[0].position) : 0;
  }

  async listStreams(options: ListStreamsOptions = {}): Promise<StreamSummary[]> {
    const limit = Math.min(Math.max(options.limit ?? 1000, 1), 10_000);
    // a category is a stream-id prefix: `rectification` covers `rectification-…` (ids compare bytewise, COLLATE "C")
    const category = options.category ?? null;
    const rows = await this.sql.query<{ stream_id: string; version: number }>(
      `SELECT stream_id, max(version) AS version FROM ${this.s}.events
       WHERE ($1::text IS NULL OR stream_id = $1 OR (stream_id >= $1 || '-' AND stream_id < $1 || '.'))
         AND ($2::text IS NULL OR stream_id > $2)
       GROUP BY stream_id ORDER BY stream_id LIMIT $3`,
      [category, options.afterStreamId ?? null, limit],
    );
    return rows.map((row) => ({ streamId: row.stream_id, version: Number(row.version) }));
  }

  protected async appendPrepared(streamId: string, events: readonly PreparedEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) {
      const current = await this.streamVersion(streamId);
      if (!expectedVersionMatches(expected, current)) throw new WrongExpectedVersionError(streamId, expected, current);
      return { nextExpectedVersion: current, lastPosition: null, events: [] };
    }
    if (events.length > MAX_EVENTS_PER_APPEND) throw new InvalidAppendError(`At most ${MAX_EVENTS_PER_APPEND} events per append`);
    const payload = JSON.stringify(events.map((event) => this.payload(streamId, event)));
    const unpinned = expected === 'any' || expected === 'stream-exists';
    for (let attempt = 1; ; attempt++) {
      try {
        return this.stored(streamId, events, await this.appendOnce(streamId, expected, payload));
      } catch (error) {
        if (isWrongVersion(error)) throw new WrongExpectedVersionError(streamId, expected, Number(error.detail));
        if (!isVersionTaken(error)) throw error;
        if (!unpinned || attempt >= UNPINNED_ATTEMPTS) throw new WrongExpectedVersionError(streamId, expected, await this.streamVersion(streamId));
        await sleep(Math.random() * Math.min(attempt, 10));
      }
    }
  }

  override get atomicMultiStreamAppend(): boolean {
    return true;
  }

  /** One statement, one transaction: every stream's events or none. */
  protected override async appendPreparedToStreams(appends: readonly PreparedStreamAppend[]): Promise<AppendResult[]> {
    if (appends.length <= 1) return super.appendPreparedToStreams(appends);
    const payload = JSON.stringify(
      appends.map((append) => ({
        streamId: append.streamId,
        expected: encodeExpected(append.expected),
        events: append.events.map((event) => this.payload(append.streamId, event)),
      })),
    );
    let rows: (AppendedRow & { o_stream_id: string })[];
    try {
      rows = await this.sql.query(`SELECT * FROM ${this.s}.append_events_many($1::jsonb)`, [payload]);
    } catch (error) {
      if (isWrongVersion(error)) {
        const { streamId, version } = JSON.parse(error.detail ?? '{}') as { streamId: string; version: number };
        throw new WrongExpectedVersionError(streamId, appends.find((append) => append.streamId === streamId)?.expected ?? 'any', version);
      }
      // two appends met at a stream's version: the later one lost the race, as for one stream
      if (isVersionTaken(error)) {
        const [first] = appends;
        throw new WrongExpectedVersionError(first!.streamId, first!.expected, await this.streamVersion(first!.streamId));
      }
      throw error;
    }
    return appends.map((append) => this.stored(append.streamId, append.events, rows.find((row) => row.o_stream_id === append.streamId)!));
  }

  private async appendOnce(streamId: string, expected: ExpectedVersion, payload: string): Promise<AppendedRow> {
    const [row] = await this.sql.query<AppendedRow>(
      `SELECT * FROM ${this.s}.append_events($1, $2, $3::jsonb)`,
      [streamId, encodeExpected(expected), payload],
      { name: `append_events_${this.schema}` },
    );
    return row!;
  }

  private stored(streamId: string, events: readonly PreparedEvent[], row: AppendedRow): AppendResult {
    const firstPosition = Number(row.o_first_position);
    const stored = events.map((event, i): StoredEvent => ({
      streamId,
      version: row.o_first_version + i,
      position: firstPosition + i,
      ...event,
      prevHash: i === 0 ? row.o_prev_hash : row.o_hashes[i - 1]!,
      hash: row.o_hashes[i]!,
      recordedAt: new Date(row.o_recorded_at),
    }));
    return { nextExpectedVersion: stored.at(-1)!.version, lastPosition: stored.at(-1)!.position, events: stored };
  }

  override async importEvents(streamId: string, events: readonly StoredEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += MAX_EVENTS_PER_APPEND) {
      const batch = events.slice(start, start + MAX_EVENTS_PER_APPEND);
      const payload = batch.map((event) => ({
        ...this.payload(streamId, event),
        prevHash: event.prevHash,
        hash: event.hash,
        recordedAt: event.recordedAt.toISOString(),
      }));
      try {
        await this.sql.query(`SELECT ${this.s}.import_events($1, $2, $3::jsonb)`, [streamId, batch[0]!.version - 1, JSON.stringify(payload)]);
      } catch (error) {
        if (isWrongVersion(error)) throw new WrongExpectedVersionError(streamId, batch[0]!.version - 1, Number(error.detail));
        if ((error as { code?: string }).code === 'ES422') throw new InvalidAppendError((error as Error).message);
        throw error;
      }
    }
  }

  /**
   * What append_events and import_events receive for an event: its data and metadata as canonical JSON text, which
   * the table keeps verbatim (a \`json\` column stores its input text), and the JSON strings of its stream id and type.
   * The database assembles the canonical envelope from them (JCS sorts the members; \`version\` comes last, appended
   * once the version is known under the stream's lock: one round trip, no retry loop for appends that do not pin a
   * version). Verification later hashes the stored text without parsing it.
   */
  private payload(streamId: string, event: PreparedEvent) {
    try {
      return {
        id: event.id,
        type: event.type,
        schemaVersion: event.schemaVersion,
        dataText: canonicalText(event.data),
        metadataText: canonicalText(event.metadata),
        streamJson: JSON.stringify(streamId),
        typeJson: JSON.stringify(event.type),
      };
    } catch (error) {
      throw new InvalidAppendError(`Event ${event.type} is not JSON-safe: ${(error as Error).message}`);
    }
  }

  /** Every stream's chain, over the stored text of each event (no JSON parsing), in commit order. */
  override async verifyAll(
    onProgress?: (eventsChecked: number, position: number) => void,
  ): Promise<VerificationReport & { readonly positionsInOrder: boolean }> {
    const verifier = new ChainVerifier();
    const batchAfter = (after: number) =>
      this.sql.query<TextRow>(
        `SELECT position, stream_id, version, id, type, schema_version, data::text AS data_text, metadata::text AS metadata_text, prev_hash, hash
           FROM ${this.s}.events
          WHERE position > $1 AND position < (SELECT ${this.s}.visible_limit())
          ORDER BY position LIMIT $2`,
        [after, VERIFY_BATCH],
        { name: `verify_all_${this.schema}` },
      );
    let checked = 0;
    let position = 0;
    let next = batchAfter(0);
    for (;;) {
      const rows = await next;
      // the database reads the next batch while this one is hashed
      if (rows.length === VERIFY_BATCH) next = batchAfter(Number(rows.at(-1)!.position));
      for (const row of rows) {
        verifier.addText({
          streamId: row.stream_id,
          version: row.version,
          id: row.id,
          type: row.type,
          schemaVersion: row.schema_version,
          dataText: row.data_text,
          metadataText: row.metadata_text,
          prevHash: row.prev_hash,
          hash: row.hash,
        });
      }
      checked += rows.length;
      if (rows.length > 0) {
        position = Number(rows.at(-1)!.position);
        onProgress?.(checked, position);
      }
      if (rows.length < VERIFY_BATCH) break;
    }
    onProgress?.(checked, position);
    // ORDER BY position: the log is in commit order by construction; the positions' uniqueness is the table's key
    return { ...verifier.report(), positionsInOrder: true };
  }

  protected async readStreamRecords(streamId: string, options: ReadStreamOptions): Promise<StoredEvent[]> {
    const rows = await this.sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events
       WHERE stream_id = $1 AND version >= $2 AND ($3::integer IS NULL OR version <= $3) AND ($4::timestamptz IS NULL OR recorded_at <= $4)
       ORDER BY version`,
      [streamId, options.fromVersion ?? 1, options.toVersion ?? null, options.toTime?.toISOString() ?? null],
      { name: `read_stream_${this.schema}` },
    );
    return rows.map(toStoredEvent);
  }

  protected async readAllRecords(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    const rows = await this.sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events
       WHERE position > $1 AND position < (SELECT ${this.s}.visible_limit()) -- a scalar subquery: computed once, not per row
       ORDER BY position LIMIT $2`,
      [afterPosition, limit],
      // prepared once per connection: planning this statement costs as much as running it
      { name: `read_all_${this.schema}` },
    );
    return rows.map(toStoredEvent);
  }
}

const toStoredEvent = (row: EventRow): StoredEvent => ({
  streamId: row.stream_id,
  version: Number(row.version),
  position: Number(row.position),
  id: row.id,
  type: row.type,
  schemaVersion: Number(row.schema_version),
  data: row.data,
  metadata: row.metadata,
  prevHash: row.prev_hash,
  hash: row.hash,
  recordedAt: new Date(row.recorded_at),
});
