import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { Settings } from '@app/config';
import { metadata } from '@app/event-sourcing/testing';
import { PgliteEventStore, PostgresEventStore } from '@app/event-store';
import { inspectionsProjection } from '@app/inspections';
import type { SqlDatabase } from '@app/sql';
import { PostgresTestDatabase, pgliteFromTemplate } from '@app/sql/testing';
import { ProjectionRunner, migrateProjections } from './projection-runner.js';
import { type ProjectionWorkers, ReadModels, RegisteredProjections } from './projections.module.js';

// An API process whose read models another process runs waits for them to include its write. It is woken by the
// runner's NOTIFY: here it would look at the checkpoints again only after a minute (its whole wait: 20 s), so a wait
// that ends within 10 s was ended by a notification.

const scheduled = (id: string) => ({
  type: 'InspectionScheduled',
  data: {
    inspectionId: id,
    kindergartenId: 'kg-1',
    kind: 'annual',
    year: 2025,
    scheduledOn: '2025-03-05',
    scheduledAt: '2025-03-03T10:00:00.000+08:00',
  },
  metadata: metadata(),
});

const disposals: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const dispose of disposals.reverse()) await dispose();
});

const open = {
  pglite: async () => {
    const client = await pgliteFromTemplate();
    disposals.push(() => client.close());
    const schema = 'read_models_spec';
    return { client: client as SqlDatabase, schema, store: await PgliteEventStore.create({ client, schema }) };
  },
  postgres: async () => {
    const db = PostgresTestDatabase.create(6);
    const schema = db.newSchema('readmodels');
    const store = await PostgresEventStore.connect({ client: db.client, schema });
    disposals.push(async () => {
      await store.close();
      await db.close();
    });
    return { client: db.client as SqlDatabase, schema, store };
  },
};

describe.each(['pglite', 'postgres'] as const)('ReadModels without the runner in this process (%s)', (kind) => {
  it('is woken by the runner committing past the position it waits for, without polling', async () => {
    const { client, schema, store } = await open[kind]();
    await migrateProjections(client, schema, [inspectionsProjection]);
    const runner = new ProjectionRunner(inspectionsProjection, store, client, schema, { log: () => undefined, error: () => undefined });
    runner.start();
    disposals.push(() => runner.stop());
    await runner.caughtUp;
    const settings = { DATABASE_SCHEMA: schema, READ_MODEL_WAIT_MS: 20_000, READ_MODEL_RECHECK_MS: 60_000 } as Settings;
    // the runner is not this ReadModels' own: it follows the checkpoints as another process would
    const readModels = new ReadModels(client, settings, new RegisteredProjections([inspectionsProjection]), {
      runners: [],
    } as unknown as ProjectionWorkers);
    disposals.push(() => readModels.beforeApplicationShutdown());

    const woken = async (wait: Promise<boolean>) => {
      const timers = new AbortController();
      const outcome = await Promise.race([wait, sleep(10_000, 'not woken', { signal: timers.signal }).catch(() => 'not woken')]);
      timers.abort();
      return outcome;
    };

    const first = await store.appendToStream(`inspection-${randomUUID()}`, [scheduled(randomUUID())]);
    expect(await woken(readModels.catchUp(first.lastPosition!, 'inspection'))).toBe(true);

    // waiting for a position not written yet: the first look fails for certain, so the wait ends only when woken
    const waiting = readModels.catchUp(first.lastPosition! + 1, 'inspection');
    await sleep(100);
    await store.appendToStream(`inspection-${randomUUID()}`, [scheduled(randomUUID())]);
    expect(await woken(waiting)).toBe(true);
  }, 60_000);
});
