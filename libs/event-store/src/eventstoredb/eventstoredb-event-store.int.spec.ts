import { describeEventStoreContract } from '@app/event-sourcing/testing';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';

const url = process.env.ESDB_URL;

// one server for the file: the contract writes to fresh streams and reads $all only from the head it saw
describeEventStoreContract(
  'esdb',
  url
    ? async ({ upcasters }) => {
        const store = await EventStoreDbEventStore.connect({ connectionString: url, upcasters });
        return { store, dispose: () => store.close() };
      }
    : { skip: 'ESDB_URL is not set: no EventStoreDB server on this machine' },
);
