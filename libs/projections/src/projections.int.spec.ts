import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@app/event-sourcing';
import { metadata } from '@app/event-sourcing/testing';
import { PgliteEventStore, PostgresEventStore } from '@app/event-store';
import { inspectionsProjection } from '@app/inspections';
import type { PgliteClient } from '@app/sql';
import { PostgresTestDatabase, pgliteFromTemplate } from '@app/sql/testing';
import { ProjectionRunner, migrateProjections, readCheckpoint, resetProjection } from './projection-runner.js';

const stored = (streamId: string, version: number, type: string, data: object): StoredEvent => ({
  streamId,
  version,
  position: version,
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: metadata(),
  prevHash: '',
  hash: '',
  recordedAt: new Date('2025-03-03T02:00:00Z'),
});

const scheduled = (id: string) =>
  stored(`inspection-${id}`, 1, 'InspectionScheduled', {
    inspectionId: id,
    kindergartenId: 'kg-1',
    kind: 'annual',
    year: 2025,
    scheduledOn: '2025-03-05',
    scheduledAt: '2025-03-03T10:00:00.000+08:00',
  });
const finding = (id: string, version: number, code: string) =>
  stored(`inspection-${id}`, version, 'FindingRecorded', {
    inspectionId: id,
    code,
    description: '问题',
    severity: 'minor',
    recordedAt: '2025-03-03T10:00:00.000+08:00',
  });

let pglite: PgliteClient;
const s = '"projections_spec"';

beforeAll(async () => {
  pglite = await pgliteFromTemplate();
  await migrateProjections(pglite, 'projections_spec', [inspectionsProjection]);
});

afterAll(async () => {
  await pglite.close();
});

const rows = () =>
  pglite.query<{ id: string; version: number; kindergarten_id: string; status: string; state: { findings: unknown[] } }>(
    `SELECT * FROM ${s}.rm_inspections ORDER BY id`,
  );

describe('an aggregate-state projection', () => {
  it('folds events into one row per stream with the aggregate’s own evolve', async () => {
    const id = `a-${randomUUID()}`;
    await pglite.transaction((tx) =>
      inspectionsProjection.apply(tx, [scheduled(id), finding(id, 2, 'F1'), stored('kindergarten-x', 1, 'KindergartenRegistered', {})], s),
    );
    const [row] = (await rows()).filter((r) => r.id === id);
    expect(row).toMatchObject({ id, version: 2, kindergarten_id: 'kg-1', status: 'scheduled' });
    expect(row!.state.findings).toEqual([{ code: 'F1', description: '问题', severity: 'minor' }]);
  });

  it('ignores an event delivered twice, in the same batch or a later one', async () => {
    const id = `b-${randomUUID()}`;
    const second = finding(id, 2, 'F1');
    await pglite.transaction((tx) => inspectionsProjection.apply(tx, [scheduled(id), second, second], s));
    await pglite.transaction((tx) => inspectionsProjection.apply(tx, [second, scheduled(id)], s));
    const [row] = (await rows()).filter((r) => r.id === id);
    expect(row).toMatchObject({ version: 2 });
    expect(row!.state.findings).toHaveLength(1);
  });
});

const describeRunner = (
  name: string,
  open: () => Promise<{
    store: PgliteEventStore | PostgresEventStore;
    database: PgliteClient | PostgresTestDatabase['client'];
    schema: string;
    dispose: () => Promise<void>;
  }>,
) =>
  describe(`ProjectionRunner (${name})`, () => {
    it('catches up from its checkpoint, follows live, resumes after a restart without repeating, and rebuilds from zero', async () => {
      const { store, database, schema, dispose } = await open();
      const quoted = `"${schema}"`;
      try {
        await migrateProjections(database, schema, [inspectionsProjection]);
        const ids = Array.from({ length: 5 }, () => `r-${randomUUID()}`);
        for (const id of ids.slice(0, 3))
          await store.appendToStream(`inspection-${id}`, [{ type: 'InspectionScheduled', data: scheduled(id).data, metadata: metadata() }]);
        const logger = { log: () => undefined, error: () => undefined };
        const first = new ProjectionRunner(inspectionsProjection, store, database, schema, logger);
        first.start();
        await first.caughtUp;
        const count = async () => Number((await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoted}.rm_inspections`))[0]!.n);
        expect(await count()).toBe(3);
        const live = await store.appendToStream(`inspection-${ids[3]}`, [
          { type: 'InspectionScheduled', data: scheduled(ids[3]!).data, metadata: metadata() },
        ]);
        for (let i = 0; i < 200 && (await readCheckpoint(database, schema, 'inspections')) < live.lastPosition!; i++) await sleep(10);
        expect(await count()).toBe(4);
        await first.stop();

        await store.appendToStream(`inspection-${ids[0]}`, [{ type: 'FindingRecorded', data: finding(ids[0]!, 2, 'F9').data, metadata: metadata() }]);
        const second = new ProjectionRunner(inspectionsProjection, store, database, schema, logger);
        second.start();
        await second.caughtUp;
        const [row] = await database.query<{ version: number; state: { findings: unknown[] } }>(
          `SELECT version, state FROM ${quoted}.rm_inspections WHERE id = $1`,
          [ids[0]],
        );
        expect(row).toMatchObject({ version: 2 });
        expect(row!.state.findings).toHaveLength(1);
        await second.stop();

        const before = await database.query(`SELECT id, version, state FROM ${quoted}.rm_inspections ORDER BY id`);
        await resetProjection(database, schema, inspectionsProjection);
        expect(await count()).toBe(0);
        const rebuild = new ProjectionRunner(inspectionsProjection, store, database, schema, logger);
        rebuild.start();
        await rebuild.caughtUp;
        await rebuild.stop();
        expect(await database.query(`SELECT id, version, state FROM ${quoted}.rm_inspections ORDER BY id`)).toEqual(before);
      } finally {
        await dispose();
      }
    });
  });

describeRunner('pglite', async () => {
  const store = await PgliteEventStore.create({ client: pglite, schema: 'runner_spec' });
  return { store, database: pglite, schema: 'runner_spec', dispose: async () => undefined };
});

describeRunner('postgres', async () => {
  const db = PostgresTestDatabase.create(6);
  const schema = db.newSchema('runner');
  const store = await PostgresEventStore.connect({ client: db.client, schema });
  return {
    store,
    database: db.client,
    schema,
    dispose: async () => {
      await store.close();
      await db.close();
    },
  };
});

describe('ProjectionRunner on PostgreSQL with two processes', () => {
  it('runs each projection in one process only; the other takes over when the first stops', async () => {
    const db = PostgresTestDatabase.create(6);
    const schema = db.newSchema('exclusive');
    const store = await PostgresEventStore.connect({ client: db.client, schema });
    try {
      await migrateProjections(db.client, schema, [inspectionsProjection]);
      const id = `x-${randomUUID()}`;
      await store.appendToStream(`inspection-${id}`, [{ type: 'InspectionScheduled', data: scheduled(id).data, metadata: metadata() }]);
      const logger = { log: () => undefined, error: () => undefined };
      const a = new ProjectionRunner(inspectionsProjection, store, db.client, schema, logger, { standbyPollMs: 100 });
      const b = new ProjectionRunner(inspectionsProjection, store, db.client, schema, logger, { standbyPollMs: 100 });
      a.start();
      await a.caughtUp;
      b.start();
      const caughtUpB = b.caughtUp.then(() => 'b');
      const timers = new AbortController();
      const after = (ms: number, value: string) => sleep(ms, value, { signal: timers.signal }).catch(() => value);
      expect(await Promise.race([caughtUpB, after(700, 'standby')])).toBe('standby');
      await a.stop();
      expect(await Promise.race([caughtUpB, after(10_000, 'stuck')])).toBe('b');
      timers.abort();
      await b.stop();
    } finally {
      await store.close();
      await db.close();
    }
  });
});
