import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { canonicalText, type EventStore } from '@app/event-sourcing';
import { newEvent, settleWithin } from '@app/event-sourcing/testing';
import type { SqlClient } from '@app/sql';
import { PostgresTestDatabase, pgliteFromTemplate } from '@app/sql/testing';
import type { PgliteClient } from '@app/sql';
import { PgliteEventStore } from '../pglite/pglite-event-store.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import { migrateEventStore } from './event-store-schema.js';

interface Setup {
  store: EventStore;
  sql: SqlClient;
  schema: string;
}

const failure = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
};

const describeIntegrity = (name: string, setup: () => Promise<Setup>): void => {
  describe(`SQL event store integrity: ${name}`, () => {
    let store: EventStore;
    let sql: SqlClient;
    let schema: string;

    beforeAll(async () => {
      ({ store, sql, schema } = await setup());
    });

    afterAll(async () => {
      await store.close();
    });

    /** What an operator with superuser rights could do behind the application's back. */
    const tamper = async (statement: string, params: unknown[]): Promise<void> => {
      await sql.transaction(async (tx) => {
        await tx.exec(`ALTER TABLE "${schema}".events DISABLE TRIGGER events_append_only`);
        await tx.query(statement, params);
        await tx.exec(`ALTER TABLE "${schema}".events ENABLE TRIGGER events_append_only`);
      });
    };

    const streamWithEvents = async (count: number): Promise<string> => {
      const streamId = `case-${randomUUID()}`;
      await store.appendToStream(
        streamId,
        Array.from({ length: count }, (_, i) => newEvent('Noted', { i, text: `第${i + 1}步` })),
      );
      return streamId;
    };

    it('rejects UPDATE, DELETE and TRUNCATE of events through the application connection', async () => {
      const streamId = await streamWithEvents(2);
      const update = await failure(sql.query(`UPDATE "${schema}".events SET data = '{"i":99}' WHERE stream_id = $1`, [streamId]));
      expect(update.message).toMatch(/append-only: UPDATE/);
      const remove = await failure(sql.query(`DELETE FROM "${schema}".events WHERE stream_id = $1`, [streamId]));
      expect(remove.message).toMatch(/append-only: DELETE/);
      const truncate = await failure(sql.exec(`TRUNCATE "${schema}".events`));
      expect(truncate.message).toMatch(/append-only: TRUNCATE/);
      expect((await store.readStream(streamId)).map((event) => event.data)).toEqual([
        { i: 0, text: '第1步' },
        { i: 1, text: '第2步' },
      ]);
    });

    it('names the stream and version of an event altered with the trigger disabled', async () => {
      const intact = await streamWithEvents(3);
      const altered = await streamWithEvents(4);
      await tamper(`UPDATE "${schema}".events SET data = '{"i":1,"text":"已整改"}' WHERE stream_id = $1 AND version = 2`, [altered]);
      expect(await store.verifyStream(altered)).toEqual({
        ok: false,
        streamsChecked: 1,
        eventsChecked: 4,
        broken: [{ streamId: altered, version: 2, reason: 'hash-mismatch' }],
      });
      expect((await store.verifyStream(intact)).ok).toBe(true);
      const all = await store.verifyAll();
      expect(all.ok).toBe(false);
      expect(all.broken).toEqual([{ streamId: altered, version: 2, reason: 'hash-mismatch' }]);
    });

    it('reports a rewritten link and a removed event', async () => {
      const relinked = await streamWithEvents(3);
      await tamper(`UPDATE "${schema}".events SET prev_hash = repeat('f', 64) WHERE stream_id = $1 AND version = 3`, [relinked]);
      expect((await store.verifyStream(relinked)).broken).toEqual([{ streamId: relinked, version: 3, reason: 'prev-hash-mismatch' }]);
      const gapped = await streamWithEvents(4);
      await tamper(`DELETE FROM "${schema}".events WHERE stream_id = $1 AND version = 2`, [gapped]);
      expect((await store.verifyStream(gapped)).broken).toEqual([{ streamId: gapped, version: 3, reason: 'version-gap' }]);
      const all = await store.verifyAll();
      expect(all.broken).toEqual(
        expect.arrayContaining([
          { streamId: relinked, version: 3, reason: 'prev-hash-mismatch' },
          { streamId: gapped, version: 3, reason: 'version-gap' },
        ]),
      );
    });

    it('keeps data and metadata as the canonical text that was hashed, and still verifies an equal text in another form', async () => {
      const streamId = await streamWithEvents(2);
      const [row] = await sql.query<{ data: string; metadata: string }>(
        `SELECT data::text AS data, metadata::text AS metadata FROM "${schema}".events WHERE stream_id = $1 AND version = 2`,
        [streamId],
      );
      const [stored] = await store.readStream(streamId, { fromVersion: 2 });
      expect(row!.data).toBe(canonicalText(stored!.data));
      expect(row!.metadata).toBe(canonicalText(stored!.metadata));
      // the same values written with other spacing and member order (as an older version of the engine stored them)
      await tamper(`UPDATE "${schema}".events SET data = '{ "text" : "第2步", "i" : 1 }' WHERE stream_id = $1 AND version = 2`, [streamId]);
      expect((await store.verifyStream(streamId)).ok).toBe(true);
      expect((await store.verifyAll()).broken.filter((broken) => broken.streamId === streamId)).toEqual([]);
      // …but not a different value
      await tamper(`UPDATE "${schema}".events SET data = '{ "text" : "第2步", "i" : 2 }' WHERE stream_id = $1 AND version = 2`, [streamId]);
      expect((await store.verifyAll()).broken.filter((broken) => broken.streamId === streamId)).toEqual([
        { streamId, version: 2, reason: 'hash-mismatch' },
      ]);
    });

    it('writes nothing when one event of a batch cannot be stored', async () => {
      const other = `case-${randomUUID()}`;
      const taken = (await store.appendToStream(other, [newEvent('Noted')])).events[0]!.id;
      const streamId = `case-${randomUUID()}`;
      const head = await store.headPosition();
      const error = await failure(store.appendToStream(streamId, [newEvent('Opened'), newEvent('Noted', {}, { id: taken })]));
      expect(error.message).toMatch(/duplicate key/);
      expect(await store.readStream(streamId)).toEqual([]);
      expect(await store.streamVersion(streamId)).toBe(0);
      expect(await store.headPosition()).toBe(head);
      await store.appendToStream(streamId, [newEvent('Opened')], { expectedVersion: 'no-stream' });
    });

    it('migrates idempotently', async () => {
      await migrateEventStore(sql, schema);
      await Promise.all([migrateEventStore(sql, schema), migrateEventStore(sql, schema)]);
      expect((await store.verifyAll()).positionsInOrder).toBe(true);
    });
  });
};

let pglite: PgliteClient;
let postgres: PostgresTestDatabase;

beforeAll(async () => {
  pglite = await pgliteFromTemplate();
  postgres = PostgresTestDatabase.create();
});

afterAll(async () => {
  await pglite.close();
  await postgres.close();
});

describeIntegrity('pglite', async () => {
  const store = await PgliteEventStore.create({ client: pglite, schema: 'integrity' });
  return { store, sql: pglite, schema: 'integrity' };
});

describeIntegrity('postgres', async () => {
  const schema = postgres.newSchema('integrity');
  const store = await PostgresEventStore.connect({ client: postgres.client, schema });
  return { store, sql: postgres.client, schema };
});

describe('PostgreSQL event store across processes', () => {
  it('wakes another process’s subscription through NOTIFY, without waiting for its poll', async () => {
    const schema = postgres.newSchema('notify');
    const writer = await PostgresEventStore.connect({ client: postgres.client, schema });
    const readerDb = PostgresTestDatabase.create(4);
    const reader = await PostgresEventStore.connect({ client: readerDb.client, schema, migrate: false });
    const controller = new AbortController();
    const received: string[] = [];
    let caughtUp = false;
    const subscription = (async () => {
      for await (const item of reader.subscribeToAll({ signal: controller.signal, pollIntervalMs: 600_000 })) {
        if (item.kind === 'caught-up') caughtUp = true;
        else received.push(...item.events.map((event) => event.id));
        if (received.length === 1) controller.abort();
      }
    })();
    try {
      while (!caughtUp) await sleep(5);
      await sleep(200); // the listener connects in the background
      const appended = await writer.appendToStream(`case-${randomUUID()}`, [newEvent('Opened')]);
      await settleWithin(subscription, 10_000);
      expect(received).toEqual([appended.events[0]!.id]);
    } finally {
      controller.abort();
      await subscription;
      await reader.close();
      await writer.close();
      await readerDb.client.close();
    }
  });
});
