// Event store throughput through each SQL adapter, next to raw inserts/selects of the same rows on the same driver.
// On PostgreSQL also next to Emmett 0.42 (bench/event-store/emmett, installed there on first use).
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
import { openEmmett, type EmmettStore } from './emmett/emmett.js';

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
  /** Emmett on the same server, where the subject is PostgreSQL. */
  readonly emmett?: EmmettStore;
  close(): Promise<void>;
}

/** The floor: one plain INSERT per event of the same row, hash precomputed, same driver, no checks. */
let rawTables = 0;
const rawTable = async (subject: Subject): Promise<string> => {
  const table = `"${subject.schema}".raw_events_${++rawTables}`;
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

/** Runs each contender in alternating rounds, so that the machine's drift hits all alike; returns events/s of each. */
const alternate = async <K extends string>(rounds: number, works: Record<K, ((round: number) => Promise<number>) | undefined>) => {
  const entries = Object.entries(works).filter(([, work]) => work) as [K, (round: number) => Promise<number>][];
  const totals = new Map<K, { events: number; seconds: number }>(entries.map(([key]) => [key, { events: 0, seconds: 0 }]));
  // one untimed round first: each contender's pool opens its connections and prepares its statements
  for (const [, work] of entries) await work(-1);
  for (let round = 0; round < rounds; round++) {
    for (const [key, work] of entries) {
      const { result, seconds } = await timed(() => work(round));
      totals.get(key)!.events += result;
      totals.get(key)!.seconds += seconds;
    }
  }
  return Object.fromEntries([...totals].map(([key, total]) => [key, total.events / total.seconds])) as Record<K, number>;
};

/** The adapter's rate next to raw, and next to Emmett where it ran. */
const appendRows = (rows: Row[], workload: string, subject: Subject, rates: { adapter: number; raw: number; emmett?: number }) => {
  rows.push({ workload, subject: subject.name, value: rates.adapter, unit: 'events/s', baseline: { subject: 'raw INSERT', value: rates.raw } });
  if (rates.emmett)
    rows.push({ workload, subject: subject.name, value: rates.adapter, unit: 'events/s', baseline: { subject: 'Emmett 0.42', value: rates.emmett } });
};

const ROUNDS = 4;

const sequential = async (subject: Subject, rows: Row[]): Promise<void> => {
  const table = await rawTable(subject);
  const perRound = Math.ceil(EVENTS / ROUNDS);
  const streamsOf50 = (prefix: string) => Array.from({ length: 50 }, () => `${prefix}-${randomUUID()}`);
  const rates = await alternate(ROUNDS, {
    adapter: async () => {
      const streams = streamsOf50('inspection');
      for (let i = 0; i < perRound; i++) {
        await subject.store.appendToStream(streams[i % streams.length]!, [event(i)], { expectedVersion: Math.floor(i / streams.length) });
      }
      return perRound;
    },
    raw: async () => {
      const streams = streamsOf50('inspection');
      for (let i = 0; i < perRound; i++) await rawInsert(subject, table, streams[i % streams.length]!, Math.floor(i / streams.length) + 1, i);
      return perRound;
    },
    emmett: subject.emmett
      ? async () => {
          const streams = streamsOf50('inspection');
          for (let i = 0; i < perRound; i++) {
            await subject.emmett!.appendToStream(streams[i % streams.length]!, [event(i)], {
              expectedStreamVersion: BigInt(Math.floor(i / streams.length)),
            });
          }
          return perRound;
        }
      : undefined,
  });
  appendRows(rows, '(a) 1 event per append, sequential', subject, rates);
};

const concurrent = async (subject: Subject, rows: Row[]): Promise<void> => {
  const table = await rawTable(subject);
  const perWriter = Math.ceil(EVENTS / WRITERS / ROUNDS);
  const writers = (write: (streamId: string, i: number, w: number) => Promise<unknown>) => async () => {
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const streamId = `inspection-${randomUUID()}`;
        for (let i = 0; i < perWriter; i++) await write(streamId, i, w);
      }),
    );
    return perWriter * WRITERS;
  };
  const rates = await alternate(ROUNDS, {
    adapter: writers((streamId, i, w) => subject.store.appendToStream(streamId, [event(w * perWriter + i)], { expectedVersion: i })),
    raw: writers((streamId, i, w) => rawInsert(subject, table, streamId, i + 1, w * perWriter + i)),
    emmett: subject.emmett
      ? writers((streamId, i, w) => subject.emmett!.appendToStream(streamId, [event(w * perWriter + i)], { expectedStreamVersion: BigInt(i) }))
      : undefined,
  });
  appendRows(rows, `(b) ${WRITERS} concurrent writers, distinct streams`, subject, rates);
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
  await subject.store.readStream(streamId);
  const perRound = 5;
  const rates = await alternate(4, {
    adapter: async () => {
      for (let r = 0; r < perRound; r++) fold(decider, await subject.store.readStream(streamId));
      return perRound;
    },
    raw: async () => {
      for (let r = 0; r < perRound; r++)
        await subject.database.query(`SELECT * FROM "${subject.schema}".events WHERE stream_id = $1 ORDER BY version`, [streamId]);
      return perRound;
    },
  });
  rows.push({
    workload: '(c) read + fold a 1,000-event stream',
    subject: subject.name,
    value: 1000 / rates.adapter,
    unit: 'ms',
    lowerIsBetter: true,
    baseline: { subject: 'raw SELECT (no fold)', value: 1000 / rates.raw },
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
  // the first read after a bulk load sets hint bits on every row: keep that out of both measurements
  for await (const _ of subject.store.streamAll({ afterPosition: already, batchSize: 1000 }));
  const rates = await alternate(2, {
    adapter: async () => {
      let count = 0;
      for await (const _ of subject.store.streamAll({ afterPosition: already, batchSize: 1000 })) count++;
      return count;
    },
    raw: async () => {
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
    },
  });
  rows.push({
    workload: `(d) read the global log (${LOG.toLocaleString('en-US')} events)`,
    subject: subject.name,
    value: rates.adapter,
    unit: 'events/s',
    baseline: { subject: 'raw SELECT pages', value: rates.raw },
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
    def.replace(/\bBEGIN\b/, `BEGIN\n PERFORM pg_advisory_xact_lock(hashtextextended('${schema}/$serial', 0));`),
  );
  return store;
};

/** Watermark (the adapter) against serialised appends, alternating rounds of the same 16-writer workload. */
const orderingStrategies = async (subject: Subject, rows: Row[]): Promise<void> => {
  const serialised = await serialisedVariant(subject);
  const perWriter = 2 * Math.ceil(EVENTS / WRITERS / ROUNDS / 2);
  const writers = (store: EventStore) => async () => {
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const streamId = `inspection-${randomUUID()}`;
        // two events per append: both stores then go through append_events, the function the variant changes
        for (let i = 0; i < perWriter; i += 2) {
          await store.appendToStream(streamId, [event(w * perWriter + i), event(w * perWriter + i + 1)], { expectedVersion: i });
        }
      }),
    );
    return perWriter * WRITERS;
  };
  const rates = await alternate(ROUNDS, { adapter: writers(serialised), raw: writers(subject.store) });
  await serialised.close();
  rows.push({
    workload: `(b') ${WRITERS} writers: serialised appends vs transaction-id watermark`,
    subject: 'serialised appends (global lock)',
    value: rates.adapter,
    unit: 'events/s',
    baseline: { subject: 'watermark (the adapter)', value: rates.raw },
  });
};

const subjects: Record<string, () => Promise<Subject>> = {
  postgres: async () => {
    const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const database = new PostgresClient({ connectionString: args.database, maxConnections: WRITERS + 4 });
    const store = await PostgresEventStore.connect({ client: database, schema });
    await database.exec(`CREATE SCHEMA "${schema}_emmett"`);
    const emmett = await openEmmett(args.database, `${schema}_emmett`);
    return {
      name: 'postgres adapter',
      database,
      store,
      schema,
      emmett,
      close: async () => {
        await store.close();
        await emmett.close();
        await database.exec(
          `DROP SCHEMA "${schema}" CASCADE; DROP SCHEMA IF EXISTS "${schema}_serial" CASCADE; DROP SCHEMA "${schema}_emmett" CASCADE`,
        );
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
    if (name === 'postgres') await orderingStrategies(subject, rows);
    await foldStream(subject, rows);
    await globalLog(subject, rows);
  } finally {
    await subject.close();
  }
}
await report('event-store', rows, { events: EVENTS, log: LOG, writers: WRITERS });
