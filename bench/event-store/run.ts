// Event store throughput through each SQL adapter, next to raw inserts/selects of the same rows on the same driver.
// Usage: npm run bench:event-store [-- --events 2000 --log 100000 --only postgres]
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GENESIS_HASH, chainHash, fold, type EventStore, type NewEvent, type StoredEvent } from '@app/event-sourcing';
import { PgliteEventStore, PostgresEventStore } from '@app/event-store';
import { PgliteClient, PostgresClient, type SqlDatabase } from '@app/sql';
import { report, timed, type Row } from '../support/report.js';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '2000' },
    log: { type: 'string', default: '100000' },
    only: { type: 'string' },
    database: { type: 'string', default: process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const EVENTS = Number(args.events);
const LOG = Number(args.log);
const WRITERS = 16;

const metadata = {
  actor: { sub: 'bench', role: 'supervisor' },
  at: '2025-03-03T09:00:00.000+08:00',
  commandId: 'c',
  correlationId: 'r',
  causationId: null,
};
const payload = (i: number) => ({ inspectionId: `insp-${i}`, code: `F${i % 97}`, description: '消防通道堵塞，需在限期内整改', severity: 'major' });
const event = (i: number): NewEvent => ({ type: 'FindingRecorded', data: payload(i), metadata });

interface Subject {
  readonly name: string;
  readonly database: SqlDatabase;
  readonly store: EventStore;
  readonly schema: string;
  close(): Promise<void>;
}

/** The floor: one plain INSERT per event of the same row, hash precomputed, same driver, no checks. */
const rawTable = async (subject: Subject): Promise<string> => {
  const table = `"${subject.schema}".raw_events`;
  await subject.database
    .exec(`CREATE TABLE ${table} (position bigserial PRIMARY KEY, stream_id text NOT NULL, version integer NOT NULL, id uuid NOT NULL UNIQUE,
    type text NOT NULL, schema_version integer NOT NULL, data json NOT NULL, metadata json NOT NULL, prev_hash text NOT NULL, hash text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(), UNIQUE (stream_id, version))`);
  return table;
};

const rawInsert = (subject: Subject, table: string, streamId: string, version: number, i: number) =>
  subject.database.query(
    `INSERT INTO ${table} (stream_id, version, id, type, schema_version, data, metadata, prev_hash, hash) VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8)`,
    [
      streamId,
      version,
      randomUUID(),
      'FindingRecorded',
      JSON.stringify(payload(i)),
      JSON.stringify(metadata),
      GENESIS_HASH,
      chainHash(GENESIS_HASH, String(i)),
    ],
  );

const toStored = (row: Record<string, unknown>) => row;

const sequential = async (subject: Subject, rows: Row[]): Promise<void> => {
  const table = await rawTable(subject);
  const streams = Array.from({ length: 50 }, () => `inspection-${randomUUID()}`);
  const versions = new Map<string, number>();
  const adapter = await timed(async () => {
    for (let i = 0; i < EVENTS; i++) {
      const streamId = streams[i % streams.length]!;
      const result = await subject.store.appendToStream(streamId, [event(i)], { expectedVersion: versions.get(streamId) ?? 0 });
      versions.set(streamId, result.nextExpectedVersion);
    }
  });
  const raw = await timed(async () => {
    for (let i = 0; i < EVENTS; i++) await rawInsert(subject, table, streams[i % streams.length]!, Math.floor(i / streams.length) + 1, i);
  });
  rows.push({
    workload: '(a) 1 event per append, sequential',
    subject: subject.name,
    value: EVENTS / adapter.seconds,
    unit: 'events/s',
    baseline: { subject: 'raw INSERT', value: EVENTS / raw.seconds },
  });
};

const concurrent = async (subject: Subject, rows: Row[], label = subject.name, store = subject.store): Promise<void> => {
  const table = await rawTable(subject);
  const perWriter = Math.ceil(EVENTS / WRITERS);
  const adapter = await timed(() =>
    Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const streamId = `inspection-${randomUUID()}`;
        for (let i = 0; i < perWriter; i++) await store.appendToStream(streamId, [event(w * perWriter + i)], { expectedVersion: i });
      }),
    ),
  );
  const raw = await timed(() =>
    Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const streamId = `inspection-${randomUUID()}`;
        for (let i = 0; i < perWriter; i++) await rawInsert(subject, table, streamId, i + 1, w * perWriter + i);
      }),
    ),
  );
  const total = perWriter * WRITERS;
  rows.push({
    workload: `(b) ${WRITERS} concurrent writers, distinct streams`,
    subject: label,
    value: total / adapter.seconds,
    unit: 'events/s',
    baseline: { subject: 'raw INSERT', value: total / raw.seconds },
  });
};

const foldStream = async (subject: Subject, rows: Row[]): Promise<void> => {
  const streamId = `rectification-${randomUUID()}`;
  for (let i = 0; i < 1000; i += 100)
    await subject.store.appendToStream(
      streamId,
      Array.from({ length: 100 }, (_, j) => event(i + j)),
    );
  const decider = {
    initialState: () => ({ findings: 0, codes: new Set<string>() }),
    evolve: (state: { findings: number; codes: Set<string> }, e: StoredEvent) => {
      state.codes.add((e.data as { code: string }).code);
      return { findings: state.findings + 1, codes: state.codes };
    },
  };
  const runs = 20;
  await subject.store.readStream(streamId);
  const adapter = await timed(async () => {
    for (let r = 0; r < runs; r++) fold(decider, await subject.store.readStream(streamId));
  });
  const raw = await timed(async () => {
    for (let r = 0; r < runs; r++)
      (await subject.database.query(`SELECT * FROM "${subject.schema}".events WHERE stream_id = $1 ORDER BY version`, [streamId])).map(toStored);
  });
  rows.push({
    workload: '(c) read + fold a 1,000-event stream',
    subject: subject.name,
    value: (adapter.seconds / runs) * 1000,
    unit: 'ms',
    baseline: { subject: 'raw SELECT', value: (raw.seconds / runs) * 1000 },
  });
};

const globalLog = async (subject: Subject, rows: Row[]): Promise<void> => {
  const batch = 500;
  const already = await subject.store.headPosition();
  for (let i = 0; i < LOG; i += batch) {
    await subject.store.appendToStream(
      `kindergarten-${randomUUID()}`,
      Array.from({ length: batch }, (_, j) => event(i + j)),
    );
  }
  const adapter = await timed(async () => {
    let count = 0;
    for await (const _ of subject.store.streamAll({ afterPosition: already, batchSize: 1000 })) count++;
    return count;
  });
  const raw = await timed(async () => {
    let after = already;
    let count = 0;
    for (;;) {
      const page = await subject.database.query<{ position: string }>(
        `SELECT * FROM "${subject.schema}".events WHERE position > $1 ORDER BY position LIMIT 1000`,
        [after],
      );
      if (page.length === 0) return count;
      count += page.length;
      after = Number(page.at(-1)!.position);
    }
  });
  rows.push({
    workload: `(d) read the global log (${adapter.result.toLocaleString('en-US')} events)`,
    subject: subject.name,
    value: adapter.result / adapter.seconds,
    unit: 'events/s',
    baseline: { subject: 'raw SELECT pages', value: raw.result / raw.seconds },
  });
};

/** The alternative to the transaction-id watermark: every append holds one global lock until it commits. */
const serialisedVariant = async (subject: Subject): Promise<EventStore> => {
  const schema = `${subject.schema}_serial`;
  const client = subject.database as PostgresClient;
  const store = await PostgresEventStore.connect({ client, schema, listen: false });
  const [{ def }] = (await client.query<{ def: string }>(`SELECT pg_get_functiondef('"${schema}".append_events'::regproc) AS def`)) as [
    { def: string },
  ];
  await client.exec(
    def.replace(
      /BEGIN\s+PERFORM pg_advisory_xact_lock/,
      `BEGIN\n PERFORM pg_advisory_xact_lock(hashtextextended('${schema}/$serial', 0));\n PERFORM pg_advisory_xact_lock`,
    ),
  );
  return store;
};

const subjects: Record<string, () => Promise<Subject>> = {
  postgres: async () => {
    const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const database = new PostgresClient({ connectionString: args.database, maxConnections: WRITERS + 4 });
    const store = await PostgresEventStore.connect({ client: database, schema });
    return {
      name: 'postgres adapter',
      database,
      store,
      schema,
      close: async () => {
        await store.close();
        await database.exec(`DROP SCHEMA "${schema}" CASCADE; DROP SCHEMA IF EXISTS "${schema}_serial" CASCADE`);
        await database.close();
      },
    };
  },
  pglite: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-pglite-'));
    const database = await PgliteClient.open({ dataDir: dir });
    const store = await PgliteEventStore.create({ client: database, schema: 'public' });
    return {
      name: 'pglite adapter',
      database,
      store,
      schema: 'public',
      close: async () => {
        await database.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

const rows: Row[] = [];
for (const [name, open] of Object.entries(subjects)) {
  if (args.only && args.only !== name) continue;
  const subject = await open();
  try {
    await sequential(subject, rows);
    await concurrent(subject, rows);
    if (name === 'postgres') await concurrent(subject, rows, 'postgres, serialised appends (alternative)', await serialisedVariant(subject));
    await foldStream(subject, rows);
    await globalLog(subject, rows);
  } finally {
    await subject.close();
  }
}
await report('event-store', rows, { events: EVENTS, log: LOG, writers: WRITERS });
