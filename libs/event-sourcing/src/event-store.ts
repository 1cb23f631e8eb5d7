import { randomUUID } from 'node:crypto';
import type { NewEvent, StoredEvent } from './event.js';
import { ChainVerifier, GENESIS_HASH, canonicalEnvelope, eventHash, type VerificationReport } from './hash-chain.js';
import { Upcasters } from './upcasting.js';

/** `any`: no check; `no-stream`: the stream must not exist; `stream-exists`: it must; a number: its exact current version (0 = no stream). */
export type ExpectedVersion = 'any' | 'no-stream' | 'stream-exists' | number;

export interface AppendOptions {
  readonly expectedVersion?: ExpectedVersion;
}

/** One stream's part of a multi-stream append. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedVersion: ExpectedVersion;
}

/** One stream's part of a multi-stream append, every field decided. */
export interface PreparedStreamAppend {
  readonly streamId: string;
  readonly events: readonly PreparedEvent[];
  readonly expected: ExpectedVersion;
}

export interface AppendResult {
  /** The stream's version after the append: pass it as the next `expectedVersion`. */
  readonly nextExpectedVersion: number;
  /** Global position of the last event written, or null when nothing was written. */
  readonly lastPosition: number | null;
  readonly events: readonly StoredEvent[];
}

export interface ReadStreamOptions {
  /** Inclusive; default 1. */
  readonly fromVersion?: number;
  /** Inclusive; default: the last event. */
  readonly toVersion?: number;
  /** Only events recorded at or before this instant. */
  readonly toTime?: Date;
  /** Skip upcasting: the events exactly as recorded (what the hash chain covers). */
  readonly raw?: boolean;
}

export interface ReadAllOptions {
  /** Exclusive; default: the beginning of the log. */
  readonly afterPosition?: number;
  /** Default 1000. */
  readonly limit?: number;
  readonly raw?: boolean;
}

export interface ReadAllPage {
  readonly events: readonly StoredEvent[];
  /** The position to pass as `afterPosition` for the next page (unchanged when the page is empty). */
  readonly lastPosition: number;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint; default: the beginning of the log. */
  readonly afterPosition?: number;
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
  /** How long to wait for a wake-up before looking again anyway (ms). */
  readonly pollIntervalMs?: number;
  /** After a wake-up, wait this long before reading, so that appends arriving together come as one batch (ms). */
  readonly coalesceMs?: number;
}

/** What a subscription yields: batches of events in commit order, and a marker each time it has caught up with the log. */
export type SubscriptionItem =
  { readonly kind: 'events'; readonly events: readonly StoredEvent[] } | { readonly kind: 'caught-up'; readonly position: number };

export interface StreamSummary {
  readonly streamId: string;
  readonly version: number;
}

export interface ListStreamsOptions {
  /** The part of the stream id before the first `-`. */
  readonly category?: string;
  /** Exclusive, in stream-id order. */
  readonly afterStreamId?: string;
  readonly limit?: number;
}

/** The expected version did not match; nothing was written. */
export class WrongExpectedVersionError extends Error {
  readonly code = 'wrong-expected-version';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Append to ${streamId} expected version ${String(expected)} but the stream is at ${actual}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** The store cannot take the request as given (bad stream id, unserialisable data, …); nothing was written. */
export class InvalidAppendError extends Error {
  readonly code = 'invalid-append';
}

const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,254}$/;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.]{0,127}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An append with every field decided: what adapters write. */
export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
  readonly metadata: NewEvent['metadata'];
}

/**
 * The event store port, and its DI token. Adapters implement storage; this class holds what every adapter
 * shares: validation, upcasting on read, the catch-up-then-live subscription, streaming and verification.
 */
export abstract class EventStore {
  private appendGeneration = 0;
  private readonly appendWaiters = new Set<() => void>();

  protected constructor(readonly upcasters: Upcasters = new Upcasters()) {}

  /** Appends atomically: all events or none. Throws WrongExpectedVersionError on a version mismatch. */
  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    assertStreamId(streamId);
    const expected = options.expectedVersion ?? 'any';
    if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
      throw new InvalidAppendError(`Expected version must be a whole number ≥ 0, got ${expected}`);
    }
    const prepared = events.map((event) => this.prepare(event));
    if (new Set(prepared.map((event) => event.id)).size !== prepared.length) throw new InvalidAppendError('Duplicate event id within one append');
    const result = await this.appendPrepared(streamId, prepared, expected);
    if (result.events.length > 0) this.signalAppended();
    return result;
  }

  /**
   * Appends to several streams, each with its expected version. Where `atomicMultiStreamAppend` holds (the SQL
   * stores), all or nothing in one transaction; elsewhere stream by stream, in the order given, stopping at the
   * first refusal (a later stream's failure leaves the earlier ones written).
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const prepared = appends.map((append): PreparedStreamAppend => {
      assertStreamId(append.streamId);
      if (append.events.length === 0) throw new InvalidAppendError(`No events for ${append.streamId} in a multi-stream append`);
      if (typeof append.expectedVersion === 'number' && (!Number.isInteger(append.expectedVersion) || append.expectedVersion < 0)) {
        throw new InvalidAppendError(`Expected version must be a whole number ≥ 0, got ${append.expectedVersion}`);
      }
      return { streamId: append.streamId, events: append.events.map((event) => this.prepare(event)), expected: append.expectedVersion };
    });
    if (new Set(prepared.map((append) => append.streamId)).size !== prepared.length) throw new InvalidAppendError('A stream appears twice in one append');
    const ids = prepared.flatMap((append) => append.events.map((event) => event.id));
    if (new Set(ids).size !== ids.length) throw new InvalidAppendError('Duplicate event id within one append');
    const results = await this.appendPreparedToStreams(prepared);
    if (results.some((result) => result.events.length > 0)) this.signalAppended();
    return results;
  }

  /** Whether `appendToStreams` writes all its streams in one transaction. */
  get atomicMultiStreamAppend(): boolean {
    return false;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const events = await this.readStreamRecords(streamId, options);
    return options.raw ? events : events.map((event) => this.upcasters.upcast(event));
  }

  /** One page of the global log in commit order; a reader never skips an event that commits late. */
  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const afterPosition = options.afterPosition ?? 0;
    const limit = Math.min(Math.max(options.limit ?? 1000, 1), 10_000);
    const events = await this.readAllRecords(afterPosition, limit);
    return {
      events: options.raw ? events : events.map((event) => this.upcasters.upcast(event)),
      lastPosition: events.at(-1)?.position ?? afterPosition,
    };
  }

  /** The whole log (or its tail), page by page; memory stays constant whatever the log's size. */
  async *streamAll(options: { afterPosition?: number; batchSize?: number; raw?: boolean } = {}): AsyncGenerator<StoredEvent> {
    let afterPosition = options.afterPosition ?? 0;
    for (;;) {
      const page = await this.readAll({ afterPosition, limit: options.batchSize ?? 1000, raw: options.raw });
      if (page.events.length === 0) return;
      yield* page.events;
      afterPosition = page.lastPosition;
    }
  }

  /** Catch-up, then live: batches in commit order from the checkpoint on, with `caught-up` each time the tail is reached. */
  async *subscribeToAll(options: SubscribeOptions = {}): AsyncGenerator<SubscriptionItem> {
    const { signal } = options;
    let position = options.afterPosition ?? 0;
    let caughtUp = false;
    while (!signal?.aborted) {
      const generation = this.appendGeneration;
      const page = await this.readAll({ afterPosition: position, limit: options.batchSize ?? 500 });
      if (signal?.aborted) return;
      const limit = options.batchSize ?? 500;
      if (page.events.length > 0) {
        caughtUp = false;
        position = page.lastPosition;
        yield { kind: 'events', events: page.events };
        // a short page with no append since it was read is the tail: no need to read again to learn that
        if (page.events.length === limit || generation !== this.appendGeneration) continue;
      }
      if (!caughtUp) {
        caughtUp = true;
        yield { kind: 'caught-up', position };
      }
      await this.waitForAppend(generation, options.pollIntervalMs ?? 1000, signal);
      // let appends arriving together be read as one batch
      if (options.coalesceMs && !signal?.aborted) await new Promise((resolve) => setTimeout(resolve, options.coalesceMs));
    }
  }

  /**
   * Writes events exported from another store, keeping their ids, data and metadata, and checks that every hash
   * comes out as recorded (a mismatch writes nothing of the batch). This default cannot keep `recordedAt`;
   * adapters that can, do.
   */
  async importEvents(streamId: string, events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const first = events[0]!;
    const head =
      first.version > 1
        ? (await this.readStream(streamId, { fromVersion: first.version - 1, toVersion: first.version - 1, raw: true }))[0]
        : undefined;
    let prevHash = head?.hash ?? GENESIS_HASH;
    for (const event of events) {
      if (event.streamId !== streamId || event.prevHash !== prevHash || eventHash(prevHash, event) !== event.hash) {
        throw new InvalidAppendError(`Imported event ${event.streamId}@${event.version} does not hash as recorded`);
      }
      prevHash = event.hash;
    }
    await this.appendToStream(
      streamId,
      events.map((event) => ({ id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata })),
      { expectedVersion: first.version - 1 },
    );
  }

  /** The stream's current version; 0 when it does not exist. */
  abstract streamVersion(streamId: string): Promise<number>;

  /** Streams in stream-id order, optionally of one category. */
  abstract listStreams(options?: ListStreamsOptions): Promise<StreamSummary[]>;

  /** The position of the last event in the global log (0 when empty). */
  abstract headPosition(): Promise<number>;

  abstract close(): Promise<void>;

  async verifyStream(streamId: string): Promise<VerificationReport> {
    const verifier = new ChainVerifier();
    verifier.touch(streamId);
    for (const event of await this.readStream(streamId, { raw: true })) verifier.add(event);
    return verifier.report();
  }

  /** Verifies every stream's chain in one pass over the log, and that positions only ever increase. */
  async verifyAll(
    onProgress?: (eventsChecked: number, position: number) => void,
  ): Promise<VerificationReport & { readonly positionsInOrder: boolean }> {
    const verifier = new ChainVerifier();
    let last = 0;
    let positionsInOrder = true;
    let checked = 0;
    for await (const event of this.streamAll({ raw: true, batchSize: 5000 })) {
      if (event.position <= last) positionsInOrder = false;
      last = event.position;
      verifier.add(event);
      if (++checked % 10_000 === 0) onProgress?.(checked, last);
    }
    onProgress?.(checked, last);
    const report = verifier.report();
    return { ...report, ok: report.ok && positionsInOrder, positionsInOrder };
  }

  protected abstract appendPrepared(streamId: string, events: readonly PreparedEvent[], expected: ExpectedVersion): Promise<AppendResult>;

  /** Stream by stream; adapters that can write several streams in one transaction override it. */
  protected async appendPreparedToStreams(appends: readonly PreparedStreamAppend[]): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    for (const append of appends) results.push(await this.appendPrepared(append.streamId, append.events, append.expected));
    return results;
  }
  protected abstract readStreamRecords(streamId: string, options: ReadStreamOptions): Promise<StoredEvent[]>;
  protected abstract readAllRecords(afterPosition: number, limit: number): Promise<StoredEvent[]>;

  /** Wakes local subscribers; adapters call it when another process reports an append. */
  protected signalAppended(): void {
    this.appendGeneration++;
    for (const wake of this.appendWaiters) wake();
    this.appendWaiters.clear();
  }

  private waitForAppend(generation: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (generation !== this.appendGeneration || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.appendWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.appendWaiters.add(done);
    });
  }

  private prepare(event: NewEvent): PreparedEvent {
    if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) throw new InvalidAppendError(`Invalid event type: ${String(event.type)}`);
    if (event.id !== undefined && !UUID.test(event.id)) throw new InvalidAppendError(`Event id must be a lowercase UUID: ${event.id}`);
    if (event.data === null || typeof event.data !== 'object' || Array.isArray(event.data))
      throw new InvalidAppendError('Event data must be a JSON object');
    const schemaVersion = event.schemaVersion ?? this.upcasters.currentVersion(event.type);
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1) throw new InvalidAppendError('schemaVersion must be a whole number ≥ 1');
    return { id: event.id ?? randomUUID(), type: event.type, schemaVersion, data: jsonCopy(event.data), metadata: jsonCopy(event.metadata) };
  }

  /** The canonical text an adapter hashes for an event at `version`. */
  protected canonical(streamId: string, version: number, event: PreparedEvent): string {
    try {
      return canonicalEnvelope({ streamId, version, ...event });
    } catch (error) {
      throw new InvalidAppendError(`Event ${event.type} is not JSON-safe: ${(error as Error).message}`);
    }
  }
}

/** Exactly what will be stored (dates as ISO strings, no undefined), so the stored form and the hashed form agree. */
const jsonCopy = <T>(value: T): T => {
  try {
    return JSON.parse(JSON.stringify(value)) as T;
  } catch (error) {
    throw new InvalidAppendError(`Event is not JSON-serialisable: ${(error as Error).message}`);
  }
};

/**
 * Why an exported event cannot be written as it stands (what an append would refuse, or the store's columns), or
 * null: checked for a whole file before its first event is imported.
 */
export const unimportableReason = (event: StoredEvent): string | null => {
  if (typeof event.streamId !== 'string' || !STREAM_ID.test(event.streamId)) return `invalid stream id ${JSON.stringify(event.streamId)}`;
  if (!Number.isInteger(event.version) || event.version < 1 || event.version > 2 ** 31 - 1) return `invalid version ${String(event.version)}`;
  if (typeof event.id !== 'string' || !UUID.test(event.id)) return `event id is not a lowercase UUID: ${JSON.stringify(event.id)}`;
  if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) return `invalid event type ${JSON.stringify(event.type)}`;
  if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1 || event.schemaVersion > 2 ** 31 - 1)
    return `invalid schemaVersion ${String(event.schemaVersion)}`;
  if (event.data === null || typeof event.data !== 'object' || Array.isArray(event.data)) return 'data is not a JSON object';
  if (event.metadata === null || typeof event.metadata !== 'object' || Array.isArray(event.metadata)) return 'metadata is not a JSON object';
  if (!(event.recordedAt instanceof Date) || Number.isNaN(event.recordedAt.getTime())) return 'recordedAt is not a valid time';
  return null;
};

export const assertStreamId = (streamId: string): void => {
  if (typeof streamId !== 'string' || !STREAM_ID.test(streamId)) throw new InvalidAppendError(`Invalid stream id: ${String(streamId)}`);
};

/** Whether a stream at `actual` satisfies `expected`. */
export const expectedVersionMatches = (expected: ExpectedVersion, actual: number): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === 0;
    case 'stream-exists':
      return actual > 0;
    default:
      return actual === expected;
  }
};
