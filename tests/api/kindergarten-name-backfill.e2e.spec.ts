import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { metadata } from '@app/event-sourcing/testing';
import { KindergartenNameBackfill, NAME_BACKFILL } from '@app/kindergartens';
import { kindergartenNameStreamId } from '@app/kindergartens/domain';
import { freshId, startTestApp, type TestApp } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';

// A store written before v1.1 holds kindergartens without name reservations: once, the engine reserves each one's
// name, so that no new kindergarten can take it; two that already shared a name are left as they are and logged.

describe('kindergartens registered before names were reserved', () => {
  let app: TestApp;
  const schemaMigrations = () => `"${app.settings.DATABASE_SCHEMA}".schema_migrations`;

  beforeAll(async () => {
    app = await startTestApp('pglite');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  /** A kindergarten as v1.0 recorded it: its first event only, no `kindergartenName-…` stream. */
  const legacy = async (name: string) => {
    const id = freshId('old');
    await app.store.appendToStream(`kindergarten-${id}`, [
      {
        type: 'KindergartenRegistered',
        data: { kindergartenId: id, name, township: 'chengguan', ownership: 'public', registeredAt: '2024-03-01T09:00:00.000+08:00' },
        metadata: metadata(),
      },
    ]);
    return id;
  };

  it('reserves every earlier name once, keeps names already reserved, reports shared names, and never runs again', async () => {
    const backfill = app.app.get(KindergartenNameBackfill);
    const admin = app.token('admin');
    // the start-up run on the empty store has finished and is recorded; forget it, as if the store came from v1.0
    await waitUntil(async () => (await app.database.query(`SELECT 1 FROM ${schemaMigrations()} WHERE component = $1`, [NAME_BACKFILL])).length > 0, {
      what: 'the start-up backfill recorded',
    });
    await app.database.query(`DELETE FROM ${schemaMigrations()} WHERE component = $1`, [NAME_BACKFILL]);

    const unique = `旧园 ${randomUUID().slice(0, 8)}`;
    const shared = `重名园 ${randomUUID().slice(0, 8)}`;
    const onlyOne = await legacy(unique);
    const [first, second] = [await legacy(shared), await legacy(shared)].sort();
    const current = await app.call('POST', '/kindergartens', {
      token: admin,
      body: { id: freshId('kg'), name: `新园 ${randomUUID().slice(0, 8)}`, township: '城关镇', ownership: 'public' },
    });
    expect(current.status).toBe(201);
    // before: a new kindergarten could take an earlier one's name — not tried here, it would record a duplicate

    const result = await backfill.runOnce();
    expect(result).not.toBeNull();
    expect(result!.duplicates).toEqual([{ kindergartenId: second, name: shared, holder: first }]);
    expect(result!.reserved).toBe(2);
    const holders = async (name: string) =>
      (await app.store.readStream(kindergartenNameStreamId(name))).map(
        (event) => `${event.type}:${(event.data as { kindergartenId: string }).kindergartenId}`,
      );
    expect(await holders(unique)).toEqual([`KindergartenNameReserved:${onlyOne}`]);
    expect(await holders(shared)).toEqual([`KindergartenNameReserved:${first}`]);
    expect(await holders(current.body.name)).toHaveLength(1);

    // the earlier names are now taken
    for (const name of [unique, shared]) {
      const taken = await app.call('POST', '/kindergartens', {
        token: admin,
        body: { id: freshId('kg'), name, township: '城关镇', ownership: 'public' },
      });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('kindergarten-name-exists');
    }
    // recorded done: a second run reserves nothing, and the record still verifies
    expect(await backfill.runOnce()).toBeNull();
    expect(await holders(unique)).toHaveLength(1);
    const verification = await app.call('GET', '/audit/verification', { token: app.token('auditor') });
    expect(verification.body.ok).toBe(true);
  });
});
