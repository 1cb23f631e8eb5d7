import { afterAll, describe, expect, it } from '@jest/globals';
import { PostgresTestDatabase } from './testing/index.js';

const database = PostgresTestDatabase.create(4);

afterAll(async () => {
  await database.close();
});

const setting = async (tx: { query: typeof database.client.query }): Promise<string> =>
  (await tx.query<{ synchronous_commit: string }>('SHOW synchronous_commit'))[0]!.synchronous_commit;

describe('PostgresClient transactions', () => {
  it('commit without waiting for the disk only when asked, and only that transaction', async () => {
    const schema = database.newSchema('sync');
    await database.client.exec(`CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".t (n integer)`);
    try {
      const relaxed = await database.client.transaction(
        async (tx) => {
          await tx.query(`INSERT INTO "${schema}".t VALUES (1)`);
          return setting(tx);
        },
        { synchronousCommit: false },
      );
      const durable = await database.client.transaction((tx) => setting(tx));
      expect([relaxed, durable]).toEqual(['off', 'on']);
      expect(await setting(database.client)).toBe('on');
      expect(await database.client.query(`SELECT n FROM "${schema}".t`)).toEqual([{ n: 1 }]);
    } finally {
      await database.dropSchema(schema);
    }
  });
});
