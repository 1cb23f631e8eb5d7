// Drops every read model and rebuilds it from the event log: npm run projections:rebuild
import { existsSync } from 'node:fs';
import { ConfigurationError, loadSettings } from '@app/config';
import { PROJECTIONS } from '@app/composition-root';
import { openDatabase, openEventStore } from '@app/event-store';
import { Upcasters } from '@app/event-sourcing';
import { migrateProjections, projectionLockName, rebuildProjections } from '@app/projections';

if (existsSync('.env')) process.loadEnvFile('.env');

const main = async (): Promise<number> => {
  const settings = loadSettings();
  const database = await openDatabase(settings);
  const store = await openEventStore(settings, database, new Upcasters());
  try {
    await migrateProjections(database, settings.DATABASE_SCHEMA, PROJECTIONS);
    // the lock the workers hold while they run the projections
    const lease = await database.tryLock(projectionLockName(settings.DATABASE_SCHEMA, ...PROJECTIONS));
    if (!lease) {
      console.error('the projections are being run by a worker: stop the engine and its workers, then rebuild');
      return 1;
    }
    try {
      // one pass over the log for all of them: the scan and the commits are paid once, not once per projection
      const started = Date.now();
      const { events } = await rebuildProjections(database, store, settings.DATABASE_SCHEMA, PROJECTIONS);
      console.log(
        `${PROJECTIONS.map((projection) => projection.name).join(', ')}: rebuilt from ${events} events in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await lease.release();
    }
    return 0;
  } finally {
    await store.close();
    await database.close();
  }
};

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof ConfigurationError || error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
