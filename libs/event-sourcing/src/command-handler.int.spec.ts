import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PgliteEventStore } from '@app/event-store';
import type { PgliteClient } from '@app/sql';
import { pgliteFromTemplate } from '@app/sql/testing';
import { DeciderCommandHandler } from './command-handler.js';
import { isKeyedCommandId, keyedCommandId } from './command-ids.js';
import type { DecisionContext } from './decider.js';
import { ConflictError, VersionMismatchError } from './errors.js';
import { WrongExpectedVersionError } from './event-store.js';
import { metadata, newEvent } from './testing/event-store-contract.js';
import { counterDecider, type CounterCommand, type CounterEvent, type CounterState } from './testing/examples/counter.decider.js';

let client: PgliteClient;
let store: PgliteEventStore;
let handler: DeciderCommandHandler<CounterCommand, CounterEvent, CounterState, DecisionContext>;
const context: DecisionContext = { now: new Date('2025-06-01T02:00:00Z'), actor: { sub: 'u', role: 'admin' } };

beforeAll(async () => {
  client = await pgliteFromTemplate();
  store = await PgliteEventStore.create({ client, schema: 'handler' });
  handler = new DeciderCommandHandler(store, counterDecider);
});

afterAll(async () => {
  await client.close();
});

const increment = (by: number): CounterCommand => ({ type: 'Increment', data: { by } });

describe('DeciderCommandHandler', () => {
  it('loads, decides and appends with the metadata given', async () => {
    const streamId = `counter-${randomUUID()}`;
    const meta = metadata({ actor: { sub: 'wang', role: 'supervisor' } });
    const first = await handler.handle(streamId, increment(2), { context, metadata: meta });
    const second = await handler.handle(streamId, increment(3), { context, metadata: meta });
    expect(second).toMatchObject({ state: { status: 'open', total: 5 }, version: 2 });
    expect(second.position).toBeGreaterThan(first.position!);
    expect((await store.readStream(streamId)).map((event) => event.metadata)).toEqual([meta, meta]);
  });

  it('appends nothing when the decision is to do nothing', async () => {
    const streamId = `counter-${randomUUID()}`;
    const result = await handler.handle(streamId, { type: 'Close', data: {} }, { context, metadata: metadata() });
    expect(result).toEqual({ state: { status: 'open', total: 0 }, version: 0, events: [], position: null });
    expect(await store.streamVersion(streamId)).toBe(0);
  });

  it('with a pinned version that has moved on: VersionMismatchError and nothing written', async () => {
    const streamId = `counter-${randomUUID()}`;
    await handler.handle(streamId, increment(1), { context, metadata: metadata() });
    await expect(handler.handle(streamId, increment(1), { context, metadata: metadata(), expectedVersion: 0 })).rejects.toBeInstanceOf(
      VersionMismatchError,
    );
    expect(await store.streamVersion(streamId)).toBe(1);
  });

  it('decides a lost race again on the newer state: all racers land when they can, the rest get the state’s refusal', async () => {
    const streamId = `counter-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 8 }, () => handler.handle(streamId, increment(1), { context, metadata: metadata() })));
    expect(results.map((result) => result.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const closing = await Promise.allSettled(
      Array.from({ length: 5 }, () => handler.handle(streamId, { type: 'Close', data: {} }, { context, metadata: metadata() })),
    );
    expect(closing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const refused of closing.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(refused.reason).toBeInstanceOf(ConflictError);
    }
    expect(await store.streamVersion(streamId)).toBe(9);
  });

  it('re-reads the context on every attempt', async () => {
    const streamId = `counter-${randomUUID()}`;
    let calls = 0;
    const racing = new DeciderCommandHandler(store, counterDecider, { maxAttempts: 3 });
    await racing.handle(streamId, increment(1), {
      metadata: metadata(),
      context: async () => {
        // someone else writes between our load and our append, once
        if (++calls === 1) await store.appendToStream(streamId, [newEvent('Incremented', { by: 10, at: '' })]);
        return context;
      },
    });
    expect(calls).toBe(2);
    expect((await handler.load(streamId)).state).toEqual({ status: 'open', total: 11 });
  });

  it('appends alongside streams in the same write; a conflict there is a lost race, decided again with a fresh context', async () => {
    const streamId = `counter-${randomUUID()}`;
    const ledger = `ledger-${randomUUID()}`;
    let seen = 0;
    let calls = 0;
    const result = await handler.handle(streamId, increment(1), {
      metadata: metadata(),
      context: async () => {
        // someone else takes the ledger's next version between our read and our append, once
        seen = await store.streamVersion(ledger);
        if (++calls === 1) await store.appendToStream(ledger, [newEvent('Entered', { by: 'someone else' })]);
        return context;
      },
      alongside: (decided) => [{ streamId: ledger, events: decided.map(() => newEvent('Entered', { by: streamId })), expectedVersion: seen }],
    });
    expect(calls).toBe(2);
    expect(result).toMatchObject({ version: 1, state: { total: 1 } });
    expect((await store.readStream(ledger)).map((event) => (event.data as { by: string }).by)).toEqual(['someone else', streamId]);
    expect(await store.streamVersion(streamId)).toBe(1);
  });

  it('gives up after its attempts with the store’s conflict', async () => {
    const streamId = `counter-${randomUUID()}`;
    const stubborn = new DeciderCommandHandler(store, counterDecider, { maxAttempts: 2 });
    const attempt = stubborn.handle(streamId, increment(1), {
      metadata: metadata(),
      context: async () => {
        await store.appendToStream(streamId, [newEvent('Incremented', { by: 1, at: '' })]);
        return context;
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });

  it('a keyed command runs once per stream: a retry (even racing, even pinned) answers with the events it wrote', async () => {
    const streamId = `counter-${randomUUID()}`;
    const commandId = keyedCommandId(`request ${randomUUID()}`);
    expect(isKeyedCommandId(commandId)).toBe(true);
    expect(isKeyedCommandId(randomUUID())).toBe(false);
    const keyed = metadata({ commandId });
    await handler.handle(streamId, increment(1), { context, metadata: metadata() });
    const first = await handler.handle(streamId, increment(2), { context, metadata: keyed });
    await handler.handle(streamId, increment(4), { context, metadata: metadata() });
    const retried = await handler.handle(streamId, increment(2), { context, metadata: keyed });
    expect(retried).toEqual({ ...first, events: first.events.map((event) => ({ ...event, recordedAt: expect.any(Date) })) });
    expect(retried).toMatchObject({ state: { total: 3 }, version: 2 });
    const pinned = await handler.handle(streamId, increment(2), { context, metadata: keyed, expectedVersion: 1 });
    expect(pinned.version).toBe(2);
    // two attempts of one keyed command racing on a new stream: one writes, the other answers with its events
    const fresh = `counter-${randomUUID()}`;
    const racing = metadata({ commandId: keyedCommandId(`request ${randomUUID()}`) });
    const both = await Promise.all([1, 2].map(() => handler.handle(fresh, increment(5), { context, metadata: racing })));
    expect(both.map((result) => result.version)).toEqual([1, 1]);
    expect((await store.readStream(fresh)).map((event) => event.version)).toEqual([1]);
    expect((await store.readStream(streamId)).map((event) => (event.data as { by: number }).by)).toEqual([1, 2, 4]);
  });
});

describe('DeciderCommandHandler keeping states (cacheSize)', () => {
  let counting: PgliteEventStore & { reads: number };
  let keeping: DeciderCommandHandler<CounterCommand, CounterEvent, CounterState, DecisionContext>;

  beforeAll(async () => {
    // the real store, counting the streams it is asked to read
    const real = await PgliteEventStore.create({ client, schema: 'handler_kept' });
    const readStream = real.readStream.bind(real);
    counting = Object.assign(real, { reads: 0 });
    counting.readStream = (...args) => {
      counting.reads++;
      return readStream(...args);
    };
    keeping = new DeciderCommandHandler(counting, counterDecider, { cacheSize: 2 });
  });

  it('appends on the kept state without reading the stream, and lands on what loading would give', async () => {
    const streamId = `counter-${randomUUID()}`;
    await keeping.handle(streamId, increment(1), { context, metadata: metadata() });
    const before = counting.reads;
    const second = await keeping.handle(streamId, increment(2), { context, metadata: metadata() });
    const third = await keeping.handle(streamId, increment(4), { context, metadata: metadata(), expectedVersion: 2 });
    expect(counting.reads).toBe(before);
    expect(second).toMatchObject({ state: { total: 3 }, version: 2 });
    expect(third).toMatchObject({ state: { total: 7 }, version: 3 });
    expect(await keeping.load(streamId)).toEqual({ state: { status: 'open', total: 7 }, version: 3 });
  });

  it('a state moved by another writer costs one lost race: decided again on the stream, nothing lost', async () => {
    const streamId = `counter-${randomUUID()}`;
    await keeping.handle(streamId, increment(1), { context, metadata: metadata() });
    await counting.appendToStream(streamId, [newEvent('Incremented', { by: 10, at: '' })]);
    const result = await keeping.handle(streamId, increment(1), { context, metadata: metadata() });
    expect(result).toMatchObject({ state: { total: 12 }, version: 3 });
    // closed meanwhile: the kept (open) state would allow the increment; the stream refuses it
    await counting.appendToStream(streamId, [newEvent('Closed', { total: 12 })]);
    await expect(keeping.handle(streamId, increment(1), { context, metadata: metadata() })).rejects.toBeInstanceOf(ConflictError);
    expect(await counting.streamVersion(streamId)).toBe(4);
  });

  it('a pinned version is checked against the stream, not against a kept state that is behind', async () => {
    const streamId = `counter-${randomUUID()}`;
    await keeping.handle(streamId, increment(1), { context, metadata: metadata() });
    await counting.appendToStream(streamId, [newEvent('Incremented', { by: 10, at: '' })]);
    // the kept state is at version 1, the stream at 2
    await expect(keeping.handle(streamId, increment(1), { context, metadata: metadata(), expectedVersion: 1 })).rejects.toBeInstanceOf(
      VersionMismatchError,
    );
    await counting.appendToStream(streamId, [newEvent('Incremented', { by: 100, at: '' })]);
    expect(await keeping.handle(streamId, increment(1), { context, metadata: metadata(), expectedVersion: 3 })).toMatchObject({
      state: { total: 112 },
      version: 4,
    });
    expect(await counting.streamVersion(streamId)).toBe(4);
  });

  it('a refusal on a kept state is decided again on the stream as read', async () => {
    const streamId = `counter-${randomUUID()}`;
    await keeping.handle(streamId, increment(1), { context, metadata: metadata() });
    await counting.appendToStream(streamId, [newEvent('Incremented', { by: 10, at: '' })]);
    const atLeastTwo = (_state: CounterState, version: number) => {
      if (version < 2) throw new ConflictError('too-early', 'Needs two events first');
    };
    const result = await keeping.handle(streamId, increment(1), { context, metadata: metadata(), precondition: atLeastTwo });
    expect(result).toMatchObject({ state: { total: 12 }, version: 3 });
  });

  it('what a caller does to the state it is given does not reach the kept state; the oldest states are dropped', async () => {
    const streamId = `counter-${randomUUID()}`;
    const first = await keeping.handle(streamId, increment(1), { context, metadata: metadata() });
    (first.state as { total: number }).total = 999;
    const second = await keeping.handle(streamId, increment(1), { context, metadata: metadata() });
    (second.state as { total: number }).total = 999;
    expect((await keeping.handle(streamId, increment(1), { context, metadata: metadata() })).state).toEqual({ status: 'open', total: 3 });
    // two states are kept: after two other streams, this one is read again
    for (let i = 0; i < 2; i++) await keeping.handle(`counter-${randomUUID()}`, increment(1), { context, metadata: metadata() });
    const before = counting.reads;
    await keeping.handle(streamId, increment(1), { context, metadata: metadata() });
    expect(counting.reads).toBe(before + 1);
  });
});
