// The auditor's tool, working directly on a store: npm run audit -- <verify|history|state|export|import> [options]
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { AuditService, AuditedAggregates, ImportCheck, parseExportLine } from '@app/audit';
import { ConfigurationError, loadSettings, type Settings } from '@app/config';
import { Upcasters, type StoredEvent } from '@app/event-sourcing';
import { openDatabase, openEventStore } from '@app/event-store';

const USAGE = `usage: npm run audit -- <command> [options]

commands:
  verify [--stream <streamId>] [--attachments]
                                        re-compute every hash (and re-hash every cited attachment's bytes);
                                        exit 0 when intact, 1 listing broken streams and attachments
  history <streamId>                    the stream's steps in Chinese: who did what when, and the state after
  state <streamId> --at <time> | --version <n>
                                        the aggregate's state as of a time (RFC 3339) or after an event
  export --out <file.ndjson> [--attachments]
                                        every event, one JSON line each, in commit order; with --attachments the
                                        bytes of every attachment beside it, in <file.ndjson>.attachments/<sha256>
  import --in <file.ndjson>             into an empty store, re-verifying every hash on the way; the attachments
                                        from <file.ndjson>.attachments/, every byte re-hashed before anything is written

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
    attachments: { type: 'boolean' },
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
  const aggregates =
    command === 'history' || command === 'state' ? (await import('@app/composition-root')).AUDITED_AGGREGATES : new AuditedAggregates([]);
  const audit = new AuditService(store, aggregates);
  try {
    switch (command) {
      case 'verify': {
        const chains = await verify(audit, store, values.stream);
        return values.attachments ? Math.max(chains, await verifyCitedAttachments(store, config, values.stream)) : chains;
      }
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
        return values.attachments ? await exportAttachments(store, config, `${values.out}.attachments`) : 0;
      }
      case 'import':
        if (!values.in) throw new Error(`import needs --in <file>\n${USAGE}`);
        return await importFile(store, values.in, config);
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
const importFile = async (store: Awaited<ReturnType<typeof openEventStore>>, path: string, config: Settings): Promise<number> => {
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
  const attachments = await checkAttachmentsToImport(path, config);
  if (!attachments) {
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
  await attachments.write();
  console.log(`imported ${imported} events in ${report.streams} streams; every hash verified`);
  if (attachments.count > 0) console.log(`imported ${attachments.count} attachments; every byte re-hashed`);
  return 0;
};

/** A progress bar on a terminal, else nothing. */
const progressBar = (what: string) =>
  process.stdout.isTTY
    ? new cliProgress.SingleBar({ format: `${what} {bar} {percentage}% | {value}/{total}`, hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;

/** Re-hashes the bytes of every attachment the record (or one stream) cites, each content once, streamed. */
const verifyCitedAttachments = async (store: Awaited<ReturnType<typeof openEventStore>>, config: Settings, streamId?: string): Promise<number> => {
  const { blobStoreFor, verifyAttachments } = await import('@app/attachments');
  const bar = progressBar('re-hashing attachments');
  let started = false;
  const report = await verifyAttachments(
    streamId ? await store.readStream(streamId, { raw: true }) : store.streamAll({ raw: true, batchSize: 5000 }),
    await blobStoreFor(config),
    (done, total) => {
      if (!started) bar?.start(total, 0);
      started = true;
      bar?.update(done);
    },
  );
  bar?.stop();
  console.log(`${report.broken.length === 0 ? 'intact' : 'BROKEN'}: ${report.attachmentsChecked} cited attachments re-hashed`);
  for (const broken of report.broken)
    console.log(`broken: attachment ${broken.attachmentId} cited by ${broken.streamId} at version ${broken.version} (${broken.reason})`);
  return report.broken.length === 0 ? 0 : 1;
};

/** Writes the bytes of every attachment the record needs into `folder`, one file per SHA-256, each checked as written. */
const exportAttachments = async (store: Awaited<ReturnType<typeof openEventStore>>, config: Settings, folder: string): Promise<number> => {
  const { AttachmentManifest, blobStoreFor, contentKey, hashOf } = await import('@app/attachments');
  const manifest = new AttachmentManifest();
  for await (const event of store.streamAll({ raw: true, batchSize: 5000 })) manifest.add(event);
  const blobs = await blobStoreFor(config);
  await mkdir(folder, { recursive: true });
  const needed = manifest.all();
  const bar = progressBar('exporting attachments');
  bar?.start(needed.size, 0);
  let missing = 0;
  for (const [sha256, holders] of needed) {
    const content = await blobs.open(contentKey(sha256));
    const target = join(folder, sha256);
    if (content) await pipeline(content, createWriteStream(target));
    if (!content || (await hashOf(createReadStream(target))) !== sha256) {
      missing++;
      await rm(target, { force: true });
      console.log(`missing or altered: ${sha256} (attachment ${holders[0]!.attachmentId})`);
    }
    bar?.increment();
  }
  bar?.stop();
  console.log(`exported ${needed.size - missing} attachments to ${folder}`);
  return missing === 0 ? 0 : 1;
};

/**
 * Before anything is written: every attachment the file's record needs must be in `<file>.attachments/` with exactly
 * its bytes (re-hashed). Returns how to write them into this engine's blob store, or null (refused, reasons printed).
 */
const checkAttachmentsToImport = async (path: string, config: Settings): Promise<{ count: number; write(): Promise<void> } | null> => {
  const { AttachmentManifest, blobStoreFor, contentKey, hashOf } = await import('@app/attachments');
  const manifest = new AttachmentManifest();
  for await (const { line } of readLines(path)) manifest.add(parseExportLine(line));
  const needed = manifest.all();
  const folder = `${path}.attachments`;
  let refused = 0;
  for (const [sha256, holders] of needed) {
    const file = join(folder, sha256);
    const actual = existsSync(file) ? await hashOf(createReadStream(file)) : null;
    if (actual === sha256) continue;
    refused++;
    console.log(`refused: attachment ${holders[0]!.attachmentId} (${sha256}) is ${actual === null ? `not in ${folder}` : 'altered'}`);
  }
  if (refused > 0) return null;
  return {
    count: needed.size,
    write: async () => {
      const blobs = await blobStoreFor(config);
      for (const sha256 of needed.keys()) {
        const file = join(folder, sha256);
        await blobs.put(contentKey(sha256), file, (await stat(file)).size);
      }
    },
  };
};

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof ConfigurationError || error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
