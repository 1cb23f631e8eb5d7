// The baseline of bench/audit, in a process of its own: a plain read of the whole log, in commit order.
import { loadSettings } from '@app/config';
import { Upcasters } from '@app/event-sourcing';
import { openDatabase, openEventStore } from '@app/event-store';

const settings = loadSettings({ ...process.env, LOG_LEVEL: 'silent' });
const database = await openDatabase(settings);
const store = await openEventStore(settings, database, new Upcasters());
const started = performance.now();
let events = 0;
for await (const _ of store.streamAll({ raw: true, batchSize: 1000 })) events++;
const seconds = (performance.now() - started) / 1000;
await store.close();
await database.close();
console.log(JSON.stringify({ events, seconds, rate: events / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
