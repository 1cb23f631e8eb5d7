import { resolve } from 'node:path';
import { Global, Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { pino } from 'pino';
import { Settings } from '@app/config';
import { EventStore, Upcasters } from '@app/event-sourcing';
import { PgliteClient, PostgresClient, SqlDatabase, waitForDatabase } from '@app/sql';
import { PgliteEventStore } from './pglite/pglite-event-store.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';

/** Nest holds its logs back until the application is built: a wait during start-up is told at once, in the same JSON lines. */
const startupLogger = (settings: Settings): pino.Logger =>
  pino({ level: settings.LOG_LEVEL, timestamp: () => `,"time":"${new Date().toISOString()}"` }).child({ context: 'Storage' });

/** Where the read models live: the embedded database with pglite, PostgreSQL with postgres, either with esdb. */
export const openDatabase = async (settings: Settings): Promise<SqlDatabase> => {
  const logger = startupLogger(settings);
  if (settings.EVENT_STORE === 'postgres' || (settings.EVENT_STORE === 'esdb' && settings.DATABASE_URL)) {
    const client = new PostgresClient({
      connectionString: settings.DATABASE_URL!,
      connectTimeoutMs: settings.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: settings.DATABASE_STATEMENT_TIMEOUT_MS,
      queryTimeoutMs: settings.DATABASE_QUERY_TIMEOUT_MS,
      idleInTransactionTimeoutMs: settings.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    });
    // a database that is still starting (or away) delays start-up instead of ending it
    const failures = await waitForDatabase(() => client.query('SELECT 1'), { onWait: (message) => logger.warn(message) });
    if (failures > 0) logger.info(`PostgreSQL answers after ${failures} failed attempt(s): starting`);
    return client;
  }
  return PgliteClient.open({
    dataDir: resolve(settings.DATA_DIR),
    sharedBuffers: settings.PGLITE_SHARED_BUFFERS,
    onLockWait: (message) => logger.warn(message),
  });
};

export const openEventStore = async (settings: Settings, database: SqlDatabase, upcasters: Upcasters): Promise<EventStore> => {
  switch (settings.EVENT_STORE) {
    case 'pglite':
      return PgliteEventStore.create({ client: database as PgliteClient, schema: settings.DATABASE_SCHEMA, upcasters });
    case 'postgres':
      return PostgresEventStore.connect({ client: database as PostgresClient, schema: settings.DATABASE_SCHEMA, upcasters });
    case 'esdb': {
      // loaded only when chosen: the gRPC client is heavy and most deployments use SQL
      const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store.js');
      return EventStoreDbEventStore.connect({ connectionString: settings.ESDB_URL!, upcasters });
    }
  }
};

@Injectable()
class StorageLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Storage');

  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(SqlDatabase) private readonly database: SqlDatabase,
  ) {}

  // the store first: it may still be using the database
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.database.close();
    this.logger.log('event store and database closed');
  }
}

/** The event store chosen by EVENT_STORE, the SQL database of the read models, and the upcasters, for the whole app. */
@Global()
@Module({})
export class EventStoreModule {
  static forRoot(): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: Upcasters, useValue: new Upcasters() },
        { provide: SqlDatabase, inject: [Settings], useFactory: openDatabase },
        { provide: EventStore, inject: [Settings, SqlDatabase, Upcasters], useFactory: openEventStore },
        StorageLifecycle,
      ],
      exports: [SqlDatabase, EventStore, Upcasters],
    };
  }
}
