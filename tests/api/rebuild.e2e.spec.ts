import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ShiftedClock } from '@app/config';
import { PROJECTIONS } from '@app/composition-root';
import { projectionLockName, rebuildProjections } from '@app/projections';
import { Upcasters } from '@app/event-sourcing';
import { openDatabase, openEventStore } from '@app/event-store';
import { quoteSchema, type SqlDatabase } from '@app/sql';
import { startTestApp, type StoreKind, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

describe.each<StoreKind>(['pglite', 'postgres'])('rebuilding the read models (%s)', (kind) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(kind, {}, { clock: new ShiftedClock(new Date('2025-03-03T02:00:00Z')) });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('drops every read model and rebuilds tables equal to the live ones', async () => {
    const steps = workflow(app);
    const { notice, director, codes } = await steps.issuedCase();
    await app.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: director });
    await app.call('POST', `/rectifications/${notice.id}/reports`, { token: director, body: steps.report(codes) });
    const other = await steps.registerKindergarten();
    await app.call('PUT', `/kindergartens/${other.id}/disclosure`, {
      token: steps.kindergartenToken(other.id),
      body: { teachers: 10, caregivers: 5, children: 120, monthlyFeeYuan: 300.5 },
    });

    const s = quoteSchema(app.settings.DATABASE_SCHEMA);
    const snapshot = async (database: SqlDatabase) =>
      Object.fromEntries(
        await Promise.all(
          PROJECTIONS.flatMap((projection) => projection.tables).map(async (table) => [
            table,
            // every row in a stable order, whatever the table's key
            await database.query(`SELECT * FROM ${s}.${table} AS row ORDER BY row::text`),
          ]),
        ),
      );
    const live = await snapshot(app.database);
    expect(live['rm_rectifications']!.length).toBeGreaterThan(0);

    // as `npm run projections:rebuild` does: the engine stopped, the store opened afresh
    await app.stop();
    const database = await openDatabase(app.settings);
    const store = await openEventStore(app.settings, database, new Upcasters());
    try {
      const lease = await database.tryLock(projectionLockName(app.settings.DATABASE_SCHEMA, ...PROJECTIONS));
      expect(lease).not.toBeNull();
      await rebuildProjections(database, store, app.settings.DATABASE_SCHEMA, PROJECTIONS);
      await lease!.release();
      expect(await snapshot(database)).toEqual(live);
    } finally {
      await store.close();
      await database.close();
    }
  });
});
