import { afterAll, beforeAll } from '@jest/globals';
import { describeEventStoreContract } from '@app/event-sourcing/testing';
import { PostgresTestDatabase, pgliteFromTemplate } from '@app/sql/testing';
import type { PgliteClient } from '@app/sql';
import { PgliteEventStore } from '../pglite/pglite-event-store.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';

let pglite: PgliteClient;
let postgres: PostgresTestDatabase;

beforeAll(async () => {
  pglite = await pgliteFromTemplate();
  postgres = PostgresTestDatabase.create(24);
});

afterAll(async () => {
  await pglite.close();
  await postgres.close();
});

// one embedded instance for the file, a fresh schema per test
describeEventStoreContract('pglite', async ({ upcasters }) => {
  const schema = `es_${Math.random().toString(36).slice(2, 12)}`;
  const store = await PgliteEventStore.create({ client: pglite, schema, upcasters });
  return { store, dispose: async () => pglite.exec(`DROP SCHEMA "${schema}" CASCADE`) };
});

describeEventStoreContract('postgres', async ({ upcasters }) => {
  const schema = postgres.newSchema('es');
  const store = await PostgresEventStore.connect({ client: postgres.client, schema, upcasters });
  return {
    store,
    dispose: async () => {
      await store.close();
      await postgres.dropSchema(schema);
    },
  };
});
