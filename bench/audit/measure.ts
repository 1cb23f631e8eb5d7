// One measurement in a process of its own, so that its peak RSS is its own: verify | export | read.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { AuditService } from '@app/audit';
import { loadSettings } from '@app/config';
import { AUDITED_AGGREGATES } from '@app/engine';
import { Upcasters } from '@app/event-sourcing';
import { openDatabase, openEventStore } from '@app/event-store';

const [what] = process.argv.slice(2);
const settings = loadSettings({ ...process.env, LOG_LEVEL: 'silent' });
const database = await openDatabase(settings);
const store = await openEventStore(settings, database, new Upcasters());
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const started = performance.now();
let events = 0;
if (what === 'verify') {
  const report = await store.verifyAll();
  if (!report.ok) throw new Error('the generated store does not verify');
  events = report.eventsChecked;
} else if (what === 'export') {
  const file = createWriteStream(process.env['BENCH_EXPORT_FILE'] ?? '/dev/null');
  for await (const chunk of new AuditService(store, AUDITED_AGGREGATES).exportStream()) {
    const text = String(chunk);
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) events++;
    if (!file.write(text)) await once(file, 'drain');
  }
  file.end();
  await finished(file);
} else {
  for await (const _ of store.streamAll({ raw: true, batchSize: 1000 })) events++;
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
await store.close();
await database.close();
console.log(JSON.stringify({ what, events, seconds, rate: events / seconds, peakRssMb: peak / 2 ** 20, startRssMb: baseline / 2 ** 20 }));
