// The auditor's tool, working directly on a store: npm run audit -- <verify|history|state|export|import> [options]
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { AuditService, AuditedAggregates, ImportCheck, parseExportLine } from '@app/audit';
import { ConfigurationError, loadSettings } from '@app/config';
import { Upcasters, type StoredEvent } from '@app/event-sourcing';
import { openDatabase, openEventStore } from '@app/event-store';

const USAGE = `usage: npm run audit -- <command> [options]

commands:
  verify [--stream <streamId>]          re-compute every hash; exit 0 when intact, 1 listing broken streams
  history <streamId>                    the stream's steps in Chinese: who did what when, and the state after
  state <streamId> --at <time> | --version <n>
                                        the aggregate's state as of a time (RFC 3339) or after an event
  export --out <file.ndjson>            every event, one JSON line each, in commit order
  import --in <file.ndjson>             into an empty store, re-verifying every hash on the way

store (default: the settings in the environment / .env):
  --store pglite|postgres|esdb   --data-dir <dir>   --database-url <url>   --schema <name>   --esdb-url <url>`;

if (existsSync('.env')) process.loadEnvFile('.env');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    store: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    schema: { type: 'string' },
    'esdb-url': { type: 'string' },
    stream: { type: 'string' },
    at: { type: 'string' },
    version: { type: 'string' },
    out: { type: 'string' },
    in: { type: 'string' },
    help: { type: 'boolean' },
  },
});

const settings = () =>
  loadSettings({
    ...process.env,
    ...(values.store ? { EVENT_STORE: values.store } : {}),
    ...(values['data-dir'] ? { DATA_DIR: values['data-dir'] } : {}),
    ...(values['database-url'] ? { DATABASE_URL: values['database-url'] } : {}),
    ...(values.schema ? { DATABASE_SCHEMA: values.schema } : {}),
    ...(values['esdb-url'] ? { ESDB_URL: values['esdb-url'] } : {}),
    // one pass over the log needs next to no buffer cache (PostgreSQL reads a large scan through a small ring anyway):
    // the embedded database's memory stays small whatever the store's size
    PGLITE_SHARED_BUFFERS: process.env['PGLITE_SHARED_BUFFERS'] ?? (['verify', 'export'].includes(positionals[0] ?? '') ? '1MB' : '16MB'),
    LOG_LEVEL: 'silent',
  });

const wallTime = (date: string): string => date.replace('T', ' ').slice(0, 19);

const main = async (): Promise<number> => {
  const [command, subject] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = settings();
  const database = await openDatabase(config);
  const store = await openEventStore(config, database, new Upcasters());
  // the deciders (and the engine they come with) only for the commands that replay state: verify and export stay lean
  const aggregates = command === 'history' || command === 'state' ? (await import('@app/composition-root')).AUDITED_AGGREGATES : new AuditedAggregates([]);
  const audit = new AuditService(store, aggregates);
  try {
    switch (command) {
      case 'verify':
        return await verify(audit, store, values.stream);
      case 'history': {
        if (!subject) throw new Error(`history needs a stream id\n${USAGE}`);
        const { aggregate, steps } = await audit.timeline(subject);
        console.log(`${aggregate} ${subject}`);
        for (const step of steps) {
          console.log(`${String(step.version).padStart(4)}  ${wallTime(step.at)}  ${step.actor.label}  ${step.sentence}`);
          console.log(`      → ${summary(step.state)}`);
        }
        return 0;
      }
      case 'state': {
        if (!subject || (!values.at && !values.version)) throw new Error(`state needs a stream id and --at <time> or --version <n>\n${USAGE}`);
        if (values.at && Number.isNaN(Date.parse(values.at))) throw new Error(`--at ${values.at} is not an RFC 3339 time`);
        console.log(
          JSON.stringify(
            await audit.stateOf(subject, {
              at: values.at ? new Date(values.at) : undefined,
              version: values.version ? Number(values.version) : undefined,
            }),
            null,
            2,
          ),
        );
        return 0;
      }
      case 'export': {
        if (!values.out) throw new Error(`export needs --out <file>\n${USAGE}`);
        const file = createWriteStream(values.out);
        let lines = 0;
        for await (const chunk of audit.exportStream()) {
          const text = String(chunk);
          for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
          if (!file.write(text)) await once(file, 'drain');
        }
        file.end();
        await finished(file);
        console.log(`exported ${lines} events to ${values.out}`);
        return 0;
      }
      case 'import':
        if (!values.in) throw new Error(`import needs --in <file>\n${USAGE}`);
        return await importFile(store, values.in);
      default:
        throw new Error(`unknown command ${command}\n${USAGE}`);
    }
  } finally {
    await store.close();
    await database.close();
  }
};

const summary = (state: unknown): string => {
  if (!state || typeof state !== 'object') return String(state);
  const { status, dueAt, overdue, enrolmentStatus, version } = state as Record<string, unknown>;
  const parts = [
    status && `状态 ${String(status)}`,
    dueAt && `整改期限 ${wallTime(String(dueAt))}`,
    overdue && '已逾期',
    enrolmentStatus && `招生 ${String(enrolmentStatus)}`,
    version && `版本 ${String(version)}`,
  ];
  return parts.filter(Boolean).join('，') || JSON.stringify(state);
};

const verify = async (audit: AuditService, store: Awaited<ReturnType<typeof openEventStore>>, streamId?: string): Promise<number> => {
  let report;
  if (streamId) {
    if ((await store.streamVersion(streamId)) === 0) throw new Error(`no stream ${streamId} in this store`);
    report = await audit.verify(streamId);
  } else {
    // positions grow with commit order but are not a count: the bar follows the position reached
    const head = await store.headPosition();
    const bar = process.stdout.isTTY
      ? new cliProgress.SingleBar(
          { format: 'verifying {bar} {percentage}% | {checked} events', hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
    bar?.start(Math.max(head, 1), 0, { checked: 0 });
    let lastLine = Date.now();
    report = await store.verifyAll((checked, position) => {
      if (bar) bar.update(Math.min(position, head), { checked });
      else if (Date.now() - lastLine > 2_000) {
        lastLine = Date.now();
        console.log(`verified ${checked} events…`);
      }
    });
    bar?.update(Math.max(head, 1), { checked: report.eventsChecked });
    bar?.stop();
  }
  console.log(`${report.ok ? 'intact' : 'BROKEN'}: ${report.streamsChecked} streams, ${report.eventsChecked} events checked`);
  for (const broken of report.broken) console.log(`broken: ${broken.streamId} at version ${broken.version} (${broken.reason})`);
  if ('positionsInOrder' in report && !report.positionsInOrder) console.log('broken: the global log’s positions are out of order');
  return report.ok ? 0 : 1;
};

const readLines = async function* (path: string): AsyncGenerator<{ line: string; lineNumber: number }> {
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() !== '') yield { line, lineNumber };
  }
};

/**
 * Checks the whole file first — every line, every event's fields, event ids unique, every hash (ImportCheck) —, so
 * that nothing is written from a file that cannot be imported whole; then writes each run of a stream's events at
 * once, the store checking every hash again as it writes.
 */
const importFile = async (store: Awaited<ReturnType<typeof openEventStore>>, path: string): Promise<number> => {
  if ((await store.headPosition()) !== 0) throw new Error('import needs an empty store');
  const check = new ImportCheck();
  for await (const { line, lineNumber } of readLines(path)) check.addLine(line, lineNumber);
  const report = check.report();
  if (!report.ok) {
    for (const problem of report.problems) console.log(problem.startsWith('broken') ? problem : `refused: ${problem}`);
    if (report.more > 0) console.log(`and ${report.more} more`);
    console.log('nothing imported');
    return 1;
  }
  let run: StoredEvent[] = [];
  let imported = 0;
  const flush = async (): Promise<void> => {
    if (run.length === 0) return;
    await store.importEvents(run[0]!.streamId, run);
    imported += run.length;
    run = [];
  };
  for await (const { line } of readLines(path)) {
    const event = parseExportLine(line);
    if (run.length > 0 && (run[0]!.streamId !== event.streamId || run.length >= 500)) await flush();
    run.push(event);
  }
  await flush();
  console.log(`imported ${imported} events in ${report.streams} streams; every hash verified`);
  return 0;
};

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof ConfigurationError || error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
