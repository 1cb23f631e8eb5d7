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
