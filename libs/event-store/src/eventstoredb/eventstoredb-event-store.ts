import { setTimeout as sleep } from 'node:timers/promises';
import {
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  NO_STREAM,
  START,
  excludeSystemEvents,
  isCommandError,
  jsonEvent,
  streamNameFilter,
  type AllStreamRecordedEvent,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventData,
  type JSONType,
  type Position,
  type ReadAllOptions as EsdbReadAllOptions,
  type ReadPosition,
  type ReadStreamOptions as EsdbReadStreamOptions,
  type RecordedEvent,
} from '@eventstore/db-client';
import {
  EventStore,
  GENESIS_HASH,
  InvalidAppendError,
  WrongExpectedVersionError,
  chainHash,
  expectedVersionMatches,
  streamCategory,
  type AppendResult,
  type EventMetadata,
  type ExpectedVersion,
  type ListStreamsOptions,
  type PreparedEvent,
  type ReadStreamOptions,
  type StoredEvent,
  type StreamSummary,
  type Upcasters,
} from '@app/event-sourcing';

export interface EventStoreDbEventStoreOptions {
  readonly connectionString: string;
  readonly upcasters?: Upcasters;
}

// ESDB event metadata: our `metadata` nested unchanged, beside the port's `schemaVersion`, `prevHash` and `hash`.
type Envelope = {
  readonly metadata: EventMetadata;
  readonly schemaVersion: number;
  readonly prevHash: string;
  readonly hash: string;
};

const MAX_APPEND_ATTEMPTS = 10;
const PAGE = 500;
const RESUBSCRIBE_MS = 1000;
const GRPC_INVALID_ARGUMENT = 3;
const CAUGHT_UP = Symbol('caught-up');

const isSystem = (name: string): boolean => name.startsWith('$');
const isUserEvent = (event: RecordedEvent): boolean => !isSystem(event.streamId) && !isSystem(event.type);

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

const envelopeOf = (event: RecordedEvent): Partial<Envelope> => (isJsonObject(event.metadata) ? event.metadata : {});

// Our position is the $all commit position: $all's order, and equal to the prepare position for gRPC appends, so n maps back to { commit: n, prepare: n }.
const portPosition = (event: RecordedEvent): number => {
  const commit = event.position?.commit;
  if (commit === undefined || commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`EventStoreDB gave no usable $all position for event ${event.id} in ${event.streamId} (EventStoreDB 22.6 or later is needed)`);
  }
  return Number(commit);
};

const esdbPosition = (position: number): Position => ({ commit: BigInt(position), prepare: BigInt(position) });

// an event this adapter did not write decodes with empty hashes, so verification reports it rather than reads failing
const decode = (event: RecordedEvent, position: number): StoredEvent => {
  const envelope = envelopeOf(event);
  return {
    streamId: event.streamId,
    version: Number(event.revision) + 1,
    position,
    id: event.id,
    type: event.type,
    schemaVersion: envelope.schemaVersion ?? 1,
    data: isJsonObject(event.data) ? event.data : {},
    metadata: envelope.metadata as EventMetadata,
    prevHash: envelope.prevHash ?? '',
    hash: envelope.hash ?? '',
    recordedAt: event.created,
  };
};

const collect = async <T>(read: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
};

const isCommandErrorOf = (error: unknown, type: ErrorType): boolean => error instanceof Error && isCommandError(error) && error.type === type;

/**
 * The event store on EventStoreDB / KurrentDB (22.6 or later). Hashes are computed here and each append pins the
 * stream revision it chained from, so the chain written is the chain computed; appends to one stream are queued within
 * the process and retried (when the caller did not pin a version) only if another process got there first. A live
 * `$all` subscription wakes this process's subscriptions when other processes append.
 */
export class EventStoreDbEventStore extends EventStore {
  private readonly appending = new Map<string, Promise<unknown>>();
  private wakeups: AllStreamSubscription | null = null;
  private resubscribe: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly client: EventStoreDBClient,
    upcasters?: Upcasters,
  ) {
    super(upcasters);
  }

  static async connect(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
    const client = EventStoreDBClient.connectionString(options.connectionString);
    try {
      await collect(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }));
    } catch (error) {
      await client.dispose();
      throw error;
    }
    const store = new EventStoreDbEventStore(client, options.upcasters);
    store.listen();
    return store;
  }

  async streamVersion(streamId: string): Promise<number> {
    const last = await this.lastEvent(streamId);
    return last ? Number(last.revision) + 1 : 0;
  }

  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    for (;;) {
      const page = await this.readAllPage({ direction: BACKWARDS, fromPosition: from, maxCount: PAGE });
      const last = page.find(isUserEvent);
      if (last) return portPosition(last);
      if (page.length < PAGE) return 0;
      from = page.at(-1)!.position;
    }
  }

  // ESDB has no stream index: every call scans all of $all (stream-name filter on the server), so it costs O(log size); fine for admin tools.
  async listStreams(options: ListStreamsOptions = {}): Promise<StreamSummary[]> {
    const { category, afterStreamId } = options;
    const limit = Math.min(Math.max(options.limit ?? 1000, 1), 10_000);
    const [last] = await this.readAllPage({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    if (!last) return [];
    const head = last.position.commit;
    const versions = new Map<string, number>();
    // stop once past the head; the marker is pushed from inside the subscription's transform, so it follows every event before it
    const stopAt = (subscription: AllStreamSubscription, position: Position): void => {
      if (position.commit > head) subscription.push(CAUGHT_UP);
    };
    const filter =
      category === undefined
        ? streamNameFilter({ regex: '^[^$]', checkpointReached: stopAt })
        : streamNameFilter({ prefixes: [category], checkpointReached: stopAt });
    const subscription = this.client.subscribeToAll({ fromPosition: START, filter });
    subscription.on('caughtUp', () => subscription.push(CAUGHT_UP));
    try {
      for await (const item of subscription as AsyncIterable<AllStreamResolvedEvent | typeof CAUGHT_UP>) {
        if (item === CAUGHT_UP) break;
        const event = item.event;
        if (!event) continue;
        if (isUserEvent(event) && (category === undefined || streamCategory(event.streamId) === category)) {
          versions.set(event.streamId, Math.max(versions.get(event.streamId) ?? 0, Number(event.revision) + 1));
        }
        if (event.position.commit >= head) break;
      }
    } finally {
      await subscription.unsubscribe().catch(() => undefined);
    }
    return [...versions]
      .filter(([streamId]) => afterStreamId === undefined || streamId > afterStreamId)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit)
      .map(([streamId, version]) => ({ streamId, version }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.resubscribe) clearTimeout(this.resubscribe);
    await this.wakeups?.unsubscribe().catch(() => undefined);
    this.wakeups = null;
    await this.client.dispose();
  }

  protected appendPrepared(streamId: string, events: readonly PreparedEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    return this.oneAtATime(streamId, () => this.append(streamId, events, expected));
  }

  protected async readStreamRecords(streamId: string, options: ReadStreamOptions): Promise<StoredEvent[]> {
    const from = Math.max(1, Math.ceil(options.fromVersion ?? 1));
    const to = Math.floor(options.toVersion ?? Number.MAX_SAFE_INTEGER);
    if (to < from) return [];
    const until = options.toTime?.getTime() ?? Infinity;
    const events = await this.readStreamEvents(streamId, { fromRevision: BigInt(from - 1), maxCount: to - from + 1 });
    return events.filter((event) => isUserEvent(event) && event.created.getTime() <= until).map((event) => decode(event, portPosition(event)));
  }

  protected async readAllRecords(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    let seen = afterPosition;
    let maxCount = Math.max(limit, 100) + 1;
    let page = await this.firstPageAfter(afterPosition, maxCount);
    for (;;) {
      for (const event of page) {
        const position = portPosition(event);
        if (position <= seen) continue;
        seen = position;
        if (!isUserEvent(event)) continue;
        events.push(decode(event, position));
        if (events.length === limit) return events;
      }
      if (page.length < maxCount) return events;
      maxCount = Math.max(limit - events.length, 100) + 1;
      page = await this.readAllPage({ fromPosition: page.at(-1)!.position, maxCount });
    }
  }

  private async append(streamId: string, events: readonly PreparedEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const pinned = expected !== 'any' && expected !== 'stream-exists';
    for (let attempt = 1; ; attempt++) {
      const last = await this.lastEvent(streamId);
      const current = last ? Number(last.revision) + 1 : 0;
      if (!expectedVersionMatches(expected, current)) throw new WrongExpectedVersionError(streamId, expected, current);
      if (events.length === 0) return { nextExpectedVersion: current, lastPosition: null, events: [] };
      let prevHash = last ? (envelopeOf(last).hash ?? '') : GENESIS_HASH;
      const proposed = events.map((event, i) => {
        const hash = chainHash(prevHash, this.canonical(streamId, current + i + 1, event));
        const metadata: Envelope = { metadata: event.metadata, schemaVersion: event.schemaVersion, prevHash, hash };
        prevHash = hash;
        return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata });
      });
      const actual = await this.write(streamId, proposed, last ? last.revision : NO_STREAM);
      if (actual === null) return this.readBack(streamId, current, events);
      if (pinned || attempt === MAX_APPEND_ATTEMPTS) throw new WrongExpectedVersionError(streamId, expected, actual);
      await sleep(Math.random() * 10 * attempt);
    }
  }

  // null when written, otherwise the stream's actual version
  private async write(streamId: string, events: EventData[], expectedRevision: bigint | typeof NO_STREAM): Promise<number | null> {
    try {
      const result = await this.client.appendToStream(streamId, events, { expectedRevision });
      return result.success ? null : await this.streamVersion(streamId);
    } catch (error) {
      if (!(error instanceof Error) || !isCommandError(error)) throw error;
      switch (error.type) {
        case ErrorType.WRONG_EXPECTED_VERSION:
          return error.actualVersion === NO_STREAM ? 0 : Number(error.actualVersion) + 1;
        case ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED:
          throw new InvalidAppendError(`The append exceeds EventStoreDB's maximum append size of ${error.maxAppendSize} bytes`);
        case ErrorType.STREAM_DELETED:
          throw new InvalidAppendError(`Stream ${streamId} has been deleted in EventStoreDB`);
        case ErrorType.UNKNOWN:
          if (error.code === GRPC_INVALID_ARGUMENT) throw new InvalidAppendError(`EventStoreDB refused the append: ${error.message}`);
      }
      throw error;
    }
  }

  // the append result carries neither per-event positions nor creation times
  private async readBack(streamId: string, current: number, events: readonly PreparedEvent[]): Promise<AppendResult> {
    const stored = await this.readStreamRecords(streamId, { fromVersion: current + 1, toVersion: current + events.length });
    if (stored.length !== events.length || stored.some((event, i) => event.id !== events[i]!.id)) {
      throw new Error(`The events appended to ${streamId} at version ${current + 1} could not be read back`);
    }
    return { nextExpectedVersion: current + events.length, lastPosition: stored.at(-1)!.position, events: stored };
  }

  // local appends to one stream wait for each other, so only appends from other processes make an append retry
  private async oneAtATime<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const run = (this.appending.get(streamId) ?? Promise.resolve()).then(work);
    const tail = run.catch(() => undefined);
    this.appending.set(streamId, tail);
    try {
      return await run;
    } finally {
      if (this.appending.get(streamId) === tail) this.appending.delete(streamId);
    }
  }

  private async lastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    const [last] = await this.readStreamEvents(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last;
  }

  private async readStreamEvents(streamId: string, options: EsdbReadStreamOptions): Promise<RecordedEvent[]> {
    if (isSystem(streamId)) return [];
    try {
      const resolved = await collect(this.client.readStream(streamId, options));
      return resolved.flatMap((item) => (item.event ? [item.event] : []));
    } catch (error) {
      if (isCommandErrorOf(error, ErrorType.STREAM_NOT_FOUND)) return [];
      throw error;
    }
  }

  private async readAllPage(options: EsdbReadAllOptions): Promise<AllStreamRecordedEvent[]> {
    const resolved = await collect(this.client.readAll(options));
    return resolved.flatMap((item) => (item.event ? [item.event] : []));
  }

  // reads are inclusive and must start where a record starts; for a number never handed out, start at the last event at or before it
  private async firstPageAfter(afterPosition: number, maxCount: number): Promise<AllStreamRecordedEvent[]> {
    if (afterPosition <= 0) return this.readAllPage({ fromPosition: START, maxCount });
    try {
      return await this.readAllPage({ fromPosition: esdbPosition(Math.floor(afterPosition)), maxCount });
    } catch (error) {
      if (!isCommandErrorOf(error, ErrorType.UNKNOWN)) throw error;
      return this.readAllPage({ fromPosition: await this.lastPositionAtOrBefore(afterPosition), maxCount });
    }
  }

  private async lastPositionAtOrBefore(position: number): Promise<ReadPosition> {
    let from: ReadPosition = END;
    for (;;) {
      const page = await this.readAllPage({ direction: BACKWARDS, fromPosition: from, maxCount: PAGE });
      const found = page.find((event) => event.position.commit <= BigInt(Math.floor(position)));
      if (found) return found.position;
      if (page.length < PAGE) return START;
      from = page.at(-1)!.position;
    }
  }

  private listen(): void {
    const subscription = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    const restart = (): void => {
      if (this.closed || this.wakeups !== subscription) return;
      this.wakeups = null;
      void subscription.unsubscribe().catch(() => undefined);
      // appends made while the subscription was down went unannounced
      this.signalAppended();
      this.resubscribe = setTimeout(() => this.listen(), RESUBSCRIBE_MS);
    };
    subscription.on('data', () => this.signalAppended());
    subscription.on('error', restart);
    subscription.on('end', restart);
    this.wakeups = subscription;
  }
}
