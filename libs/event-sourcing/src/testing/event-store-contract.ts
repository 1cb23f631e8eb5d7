import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import canonicalize from 'canonicalize';
import type { EventMetadata, NewEvent, StoredEvent } from '../event.js';
import { InvalidAppendError, WrongExpectedVersionError, type EventStore } from '../event-store.js';
import { GENESIS_HASH } from '../hash-chain.js';
import { Upcasters } from '../upcasting.js';

export interface EventStoreFixture {
  readonly store: EventStore;
  dispose(): Promise<void>;
}

/** Opens a store for one test; `upcasters` must be honoured. Return null to skip the suite, with the reason. */
export type EventStoreFactory = (options: { upcasters: Upcasters }) => Promise<EventStoreFixture>;

export const metadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: { sub: 'contract', role: 'admin' },
  at: new Date().toISOString(),
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: null,
  ...overrides,
});

export const newEvent = (type: string, data: object = {}, extra: Partial<NewEvent> = {}): NewEvent => ({
  type,
  data,
  metadata: metadata(),
  ...extra,
});

const freshStream = (category = 'contract'): string => `${category}-${randomUUID()}`;

/** Recomputes a hash from api.md's definition alone, without the engine's helpers. */
const independentHash = (event: StoredEvent): string => {
  const { streamId, version, id, type, schemaVersion, data, metadata: meta } = event;
  return createHash('sha256')
    .update(Buffer.from(event.prevHash + canonicalize({ streamId, version, id, type, schemaVersion, data, metadata: meta }), 'utf8'))
    .digest('hex');
};

/** Waits for `promise` at most `ms`, then calls `onTimeout`; leaves no timer behind either way. */
export const settleWithin = async (promise: Promise<unknown>, ms: number, onTimeout: () => void = () => undefined): Promise<void> => {
  const timer = new AbortController();
  await Promise.race([promise, sleep(ms, undefined, { signal: timer.signal }).then(onTimeout, () => undefined)]);
  timer.abort();
};

const catchError = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
};

/**
 * The behaviour every EventStore adapter must have. Each test writes to fresh stream ids and reads the global
 * log only from the head it saw at its start, so the suite also holds on a store that other tests share.
 */
export const describeEventStoreContract = (name: string, factory: EventStoreFactory | { skip: string }): void => {
  if ('skip' in factory) {
    // an adapter whose server is absent (EventStoreDB without ESDB_URL) reports the suite as skipped, saying why
    describe.skip(`EventStore contract: ${name} (skipped: ${factory.skip})`, () => {
      it('runs when its server is configured', () => undefined);
    });
    return;
  }

  describe(`EventStore contract: ${name}`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;
    let upcasters: Upcasters;

    beforeEach(async () => {
      upcasters = new Upcasters();
      fixture = await factory({ upcasters });
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture.dispose();
    });

    describe('appending', () => {
      it('numbers a new stream from version 1 and returns the stored events', async () => {
        const streamId = freshStream();
        const result = await store.appendToStream(streamId, [newEvent('Opened', { n: 1 }), newEvent('Noted', { n: 2 })], {
          expectedVersion: 'no-stream',
        });
        expect(result.nextExpectedVersion).toBe(2);
        expect(result.events.map((event) => event.version)).toEqual([1, 2]);
        expect(result.events[1]!.position).toBeGreaterThan(result.events[0]!.position);
        expect(result.lastPosition).toBe(result.events[1]!.position);
        expect(await store.streamVersion(streamId)).toBe(2);
      });

      it('keeps every field as written', async () => {
        const streamId = freshStream();
        const data = { text: '整改通知：消防通道堵塞 "quoted" \\ back', nested: { list: [1, 2.5, -3e-7, null, true], empty: {} }, big: 2 ** 52 };
        const meta = metadata({ actor: { sub: '王老师', role: 'supervisor' }, causationId: randomUUID() });
        const id = randomUUID();
        const before = Date.now();
        await store.appendToStream(streamId, [{ id, type: 'Noted', data, metadata: meta, schemaVersion: 1 }]);
        const [stored] = await store.readStream(streamId);
        expect(stored).toMatchObject({ streamId, version: 1, id, type: 'Noted', schemaVersion: 1, data, metadata: meta, prevHash: GENESIS_HASH });
        expect(stored!.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(stored!.recordedAt).toBeInstanceOf(Date);
        expect(stored!.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
        expect(stored!.recordedAt.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
      });

      it('returns nothing for a stream that does not exist', async () => {
        const streamId = freshStream();
        expect(await store.readStream(streamId)).toEqual([]);
        expect(await store.streamVersion(streamId)).toBe(0);
      });

      it('refuses an invalid stream id or event before writing anything', async () => {
        const head = await store.headPosition();
        expect(await catchError(store.appendToStream('', [newEvent('Noted')]))).toBeInstanceOf(InvalidAppendError);
        expect(await catchError(store.appendToStream(freshStream(), [newEvent('not a type')]))).toBeInstanceOf(InvalidAppendError);
        const streamId = freshStream();
        const id = randomUUID();
        const duplicate = store.appendToStream(streamId, [newEvent('Noted', {}, { id }), newEvent('Noted', {}, { id })]);
        expect(await catchError(duplicate)).toBeInstanceOf(InvalidAppendError);
        const lone = store.appendToStream(streamId, [newEvent('Noted', {}), newEvent('Noted', { bad: '\ud800' })]);
        expect(await catchError(lone)).toBeInstanceOf(InvalidAppendError);
        expect(await store.readStream(streamId)).toEqual([]);
        expect(await store.headPosition()).toBe(head);
      });
    });

    describe('expected version', () => {
      const conflict = async (promise: Promise<unknown>): Promise<WrongExpectedVersionError> => {
        const error = await catchError(promise);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        return error as WrongExpectedVersionError;
      };

      it('no-stream: succeeds once, then conflicts carrying the actual version', async () => {
        const streamId = freshStream();
        await store.appendToStream(streamId, [newEvent('Opened'), newEvent('Noted')], { expectedVersion: 'no-stream' });
        const error = await conflict(store.appendToStream(streamId, [newEvent('Opened')], { expectedVersion: 'no-stream' }));
        expect(error.actual).toBe(2);
        expect(error.streamId).toBe(streamId);
      });

      it('stream-exists: conflicts on a missing stream with actual 0', async () => {
        const streamId = freshStream();
        const error = await conflict(store.appendToStream(streamId, [newEvent('Noted')], { expectedVersion: 'stream-exists' }));
        expect(error.actual).toBe(0);
        await store.appendToStream(streamId, [newEvent('Opened')]);
        await store.appendToStream(streamId, [newEvent('Noted')], { expectedVersion: 'stream-exists' });
        expect(await store.streamVersion(streamId)).toBe(2);
      });

      it('exact: appends at that version only, and 0 means no stream', async () => {
        const streamId = freshStream();
        await store.appendToStream(streamId, [newEvent('Opened')], { expectedVersion: 0 });
        await store.appendToStream(streamId, [newEvent('Noted')], { expectedVersion: 1 });
        const error = await conflict(store.appendToStream(streamId, [newEvent('Noted')], { expectedVersion: 1 }));
        expect(error.expected).toBe(1);
        expect(error.actual).toBe(2);
        await conflict(store.appendToStream(streamId, [newEvent('Noted')], { expectedVersion: 3 }));
      });

      it('any: appends whatever the version', async () => {
        const streamId = freshStream();
        await store.appendToStream(streamId, [newEvent('Opened')], { expectedVersion: 'any' });
        await store.appendToStream(streamId, [newEvent('Noted')]);
        expect((await store.readStream(streamId)).map((event) => event.version)).toEqual([1, 2]);
      });

      it('a conflicting append writes nothing, to the stream or to the log', async () => {
        const streamId = freshStream();
        await store.appendToStream(streamId, [newEvent('Opened')]);
        const before = await store.readStream(streamId);
        const head = await store.headPosition();
        await conflict(store.appendToStream(streamId, [newEvent('Noted'), newEvent('Noted')], { expectedVersion: 0 }));
        expect(await store.readStream(streamId)).toEqual(before);
        expect(await store.headPosition()).toBe(head);
      });

      it('of racing appends at the same version exactly one wins', async () => {
        const streamId = freshStream();
        await store.appendToStream(streamId, [newEvent('Opened')]);
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => store.appendToStream(streamId, [newEvent('Noted', { i })], { expectedVersion: 1 })),
        );
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        for (const result of results.filter((r) => r.status === 'rejected')) {
          expect((result as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
        }
        expect(await store.streamVersion(streamId)).toBe(2);
      });

      it('racing appends with any all land, numbered without gaps, with an unbroken chain', async () => {
        const streamId = freshStream();
        await Promise.all(Array.from({ length: 12 }, (_, i) => store.appendToStream(streamId, [newEvent('Noted', { i })])));
        const events = await store.readStream(streamId);
        expect(events.map((event) => event.version)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
        expect((await store.verifyStream(streamId)).ok).toBe(true);
      });
    });

    describe('appending to several streams', () => {
      it('writes each stream at its expected version, chained and positioned like single appends', async () => {
        const [a, b] = [freshStream(), freshStream()];
        await store.appendToStream(b, [newEvent('Opened')]);
        const [first, second] = await store.appendToStreams([
          { streamId: a, events: [newEvent('Opened', { x: 1 }), newEvent('Noted')], expectedVersion: 'no-stream' },
          { streamId: b, events: [newEvent('Noted', { y: '二' })], expectedVersion: 1 },
        ]);
        expect(first!.events.map((event) => event.version)).toEqual([1, 2]);
        expect(second!.events.map((event) => event.version)).toEqual([2]);
        expect(second!.events[0]!.position).toBeGreaterThan(first!.events[1]!.position);
        for (const streamId of [a, b]) {
          for (const event of await store.readStream(streamId, { raw: true })) expect(event.hash).toBe(independentHash(event));
          expect((await store.verifyStream(streamId)).ok).toBe(true);
        }
      });

      it('where atomic, a conflict on one stream writes nothing to any', async () => {
        if (!store.atomicMultiStreamAppend) return;
        const [a, b] = [freshStream(), freshStream()];
        await store.appendToStream(b, [newEvent('Opened')]);
        const head = await store.headPosition();
        await expect(
          store.appendToStreams([
            { streamId: a, events: [newEvent('Opened')], expectedVersion: 'no-stream' },
            { streamId: b, events: [newEvent('Noted')], expectedVersion: 0 },
          ]),
        ).rejects.toBeInstanceOf(WrongExpectedVersionError);
        expect(await store.streamVersion(a)).toBe(0);
        expect(await store.streamVersion(b)).toBe(1);
        expect(await store.headPosition()).toBe(head);
      });

      it('where atomic, of racing appends sharing a stream at one version exactly one lands, whole', async () => {
        if (!store.atomicMultiStreamAppend) return;
        const counter = freshStream();
        const others = Array.from({ length: 8 }, () => freshStream());
        const results = await Promise.allSettled(
          others.map((streamId) =>
            store.appendToStreams([
              { streamId, events: [newEvent('Opened')], expectedVersion: 'no-stream' },
              { streamId: counter, events: [newEvent('Counted', { streamId })], expectedVersion: 0 },
            ]),
          ),
        );
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        for (const result of results.filter((r) => r.status === 'rejected')) {
          expect((result as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
        }
        const [counted] = await store.readStream(counter);
        const written = await Promise.all(others.map((streamId) => store.streamVersion(streamId)));
        expect(written.filter((version) => version === 1)).toHaveLength(1);
        expect(others[written.indexOf(1)]).toBe((counted!.data as { streamId: string }).streamId);
      });
    });

    describe('reading a stream', () => {
      it('reads from a version, up to a version, or both', async () => {
        const streamId = freshStream();
        await store.appendToStream(
          streamId,
          Array.from({ length: 6 }, (_, i) => newEvent('Noted', { i })),
        );
        const versions = async (options: object): Promise<number[]> => (await store.readStream(streamId, options)).map((e) => e.version);
        expect(await versions({ fromVersion: 3 })).toEqual([3, 4, 5, 6]);
        expect(await versions({ toVersion: 2 })).toEqual([1, 2]);
        expect(await versions({ fromVersion: 2, toVersion: 4 })).toEqual([2, 3, 4]);
        expect(await versions({ fromVersion: 7 })).toEqual([]);
      });

      it('reads up to a point in time: exactly the events recorded at or before it', async () => {
        const streamId = freshStream();
        const recorded: StoredEvent[] = [];
        for (let i = 0; i < 3; i++) {
          recorded.push(...(await store.appendToStream(streamId, [newEvent('Noted', { i })])).events);
          await sleep(25);
        }
        const upTo = async (time: Date): Promise<number[]> => (await store.readStream(streamId, { toTime: time })).map((e) => e.version);
        const [first, second, third] = recorded.map((event) => event.recordedAt.getTime());
        expect(second).toBeGreaterThan(first!);
        expect(await upTo(new Date(second!))).toEqual([1, 2]);
        expect(await upTo(new Date(second! - 1))).toEqual(second! - 1 >= first! ? [1] : []);
        expect(await upTo(new Date(first! - 1))).toEqual([]);
        expect(await upTo(new Date(third!))).toEqual([1, 2, 3]);
        const stored = await store.readStream(streamId);
        expect(stored.map((event) => event.recordedAt.getTime())).toEqual([first, second, third]);
      });
    });

    describe('the global log', () => {
      it('reads in commit order after a position, exclusive, page by page', async () => {
        const head = await store.headPosition();
        const a = freshStream();
        const b = freshStream();
        await store.appendToStream(a, [newEvent('Opened', { s: 'a' })]);
        await store.appendToStream(b, [newEvent('Opened', { s: 'b' }), newEvent('Noted', { s: 'b' })]);
        await store.appendToStream(a, [newEvent('Noted', { s: 'a' })]);
        const mine = (events: readonly StoredEvent[]): string[] =>
          events.filter((e) => e.streamId === a || e.streamId === b).map((e) => `${e.streamId === a ? 'a' : 'b'}${e.version}`);
        const all = await store.readAll({ afterPosition: head, limit: 1000 });
        expect(mine(all.events)).toEqual(['a1', 'b1', 'b2', 'a2']);
        const positions = all.events.map((event) => event.position);
        expect(positions).toEqual([...positions].sort((x, y) => x - y));
        const firstPage = await store.readAll({ afterPosition: head, limit: 2 });
        expect(firstPage.events).toHaveLength(2);
        const rest = await store.readAll({ afterPosition: firstPage.lastPosition, limit: 1000 });
        expect([...firstPage.events, ...rest.events].map((e) => e.id)).toEqual(all.events.map((e) => e.id));
        expect(await store.headPosition()).toBe(all.lastPosition);
      });

      it('a subscription catches up from a checkpoint, says so, then delivers live appends', async () => {
        const head = await store.headPosition();
        const streamId = freshStream();
        await store.appendToStream(streamId, [newEvent('Opened'), newEvent('Noted')]);
        const controller = new AbortController();
        const seen: number[] = [];
        let caughtUpAt = -1;
        const subscription = (async () => {
          for await (const item of store.subscribeToAll({ afterPosition: head, signal: controller.signal, pollIntervalMs: 200 })) {
            if (item.kind === 'caught-up') {
              if (caughtUpAt === -1) {
                caughtUpAt = seen.length;
                await store.appendToStream(streamId, [newEvent('Noted')]);
              }
              continue;
            }
            seen.push(...item.events.filter((e) => e.streamId === streamId).map((e) => e.version));
            if (seen.length === 3) controller.abort();
          }
        })();
        await settleWithin(subscription, 15_000, () => controller.abort());
        await subscription;
        expect(caughtUpAt).toBe(2);
        expect(seen).toEqual([1, 2, 3]);
      });

      it('sixteen concurrent writers: a live subscriber sees every event exactly once, each stream in version order', async () => {
        const head = await store.headPosition();
        const writers = 16;
        const perWriter = 25;
        const streams = Array.from({ length: writers }, () => freshStream('race'));
        const shared = freshStream('shared');
        const expected = new Set<string>();
        const controller = new AbortController();
        const seen: StoredEvent[] = [];
        let live = false;
        const subscription = (async () => {
          for await (const item of store.subscribeToAll({ afterPosition: head, signal: controller.signal, batchSize: 7, pollIntervalMs: 100 })) {
            if (item.kind === 'caught-up') {
              live = true;
              if (seen.length === writers * perWriter * 2) controller.abort();
              continue;
            }
            seen.push(...item.events.filter((e) => e.streamId.startsWith('race-') || e.streamId === shared));
          }
        })();
        try {
          const deadline = Date.now() + 10_000;
          while (!live && Date.now() < deadline) await sleep(5);
          await Promise.all(
            streams.map(async (streamId, w) => {
              for (let i = 0; i < perWriter; i++) {
                const own = await store.appendToStream(streamId, [newEvent('Noted', { w, i })]);
                const other = await store.appendToStream(shared, [newEvent('Noted', { w, i })]);
                for (const event of [...own.events, ...other.events]) expected.add(event.id);
              }
            }),
          );
          const until = Date.now() + 20_000;
          while (seen.length < expected.size && Date.now() < until) await sleep(20);
        } finally {
          controller.abort();
          await subscription;
        }
        const ids = seen.map((event) => event.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(expected);
        const positions = seen.map((event) => event.position);
        expect(positions).toEqual([...positions].sort((x, y) => x - y));
        for (const streamId of [...streams, shared]) {
          const versions = seen.filter((event) => event.streamId === streamId).map((event) => event.version);
          expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
        }
      });
    });

    describe('the hash chain', () => {
      it('links each event to the previous one, as api.md defines it', async () => {
        const streamId = freshStream();
        await store.appendToStream(streamId, [newEvent('Opened', { a: 1 }), newEvent('Noted', { b: '二' })]);
        await store.appendToStream(streamId, [newEvent('Noted', { c: [3] })]);
        const events = await store.readStream(streamId, { raw: true });
        expect(events[0]!.prevHash).toBe(GENESIS_HASH);
        for (const [i, event] of events.entries()) {
          expect(event.hash).toBe(independentHash(event));
          if (i > 0) expect(event.prevHash).toBe(events[i - 1]!.hash);
        }
        expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamsChecked: 1, eventsChecked: 3, broken: [] });
      });

      it('hashes every character stream ids and types allow, and values that need escaping, exactly as an independent JCS verifier does', async () => {
        const streamId = freshStream('Esc_aped.x:y@z');
        const data = { 'key "quoted"': 'line\nbreak\u0001 \\ 😀', nested: { z: 1.5, a: [-0, 1e21, 0.1, true, null] }, 中文: '整改' };
        await store.appendToStream(streamId, [newEvent('Noted.v2_X', data), newEvent('Noted', {})]);
        const events = await store.readStream(streamId, { raw: true });
        for (const event of events) expect(event.hash).toBe(independentHash(event));
        expect((await store.verifyStream(streamId)).ok).toBe(true);
      });
    });

    describe('upcasting', () => {
      it('lifts old events on read, leaves the record as it was, and writes new events at the current version', async () => {
        const streamId = freshStream();
        await store.appendToStream(streamId, [newEvent('Noted', { text: 'old' }, { schemaVersion: 1 })]);
        upcasters.register('Noted', 1, (data) => ({ note: data['text'], lang: 'zh' }));
        upcasters.register('Noted', 2, (data) => ({ ...data, lifted: true }));
        await store.appendToStream(streamId, [newEvent('Noted', { note: 'new', lang: 'en', lifted: false })]);
        const [old, current] = await store.readStream(streamId);
        expect(old).toMatchObject({ schemaVersion: 3, data: { note: 'old', lang: 'zh', lifted: true } });
        expect(current).toMatchObject({ schemaVersion: 3, data: { note: 'new', lang: 'en', lifted: false } });
        const [raw] = await store.readStream(streamId, { raw: true });
        expect(raw).toMatchObject({ schemaVersion: 1, data: { text: 'old' } });
        const page = await store.readAll({ afterPosition: old!.position - 1, limit: 1 });
        expect(page.events[0]).toMatchObject({ schemaVersion: 3, data: { note: 'old' } });
        expect((await store.verifyStream(streamId)).ok).toBe(true);
      });
    });

    describe('importing', () => {
      it('refuses events that do not hash as recorded, writing nothing of the batch', async () => {
        const source = freshStream();
        await store.appendToStream(source, [newEvent('Opened', { a: 1 }), newEvent('Noted', { b: '二' })]);
        const exported = await store.readStream(source, { raw: true });
        // the stream id is part of what is hashed: the same events under another id do not hash as recorded
        const target = freshStream();
        const refusal = await catchError(
          store.importEvents(
            target,
            exported.map((event) => ({ ...event, streamId: target })),
          ),
        );
        expect(refusal).toBeInstanceOf(InvalidAppendError);
        expect(await store.readStream(target)).toEqual([]);
      });

      it('refuses an import that does not continue the stream', async () => {
        const original = freshStream();
        await store.appendToStream(original, [newEvent('Opened', { a: 1 }), newEvent('Noted', { b: '二' })]);
        const exported = await store.readStream(original, { raw: true });
        expect(await catchError(store.importEvents(original, exported))).toBeInstanceOf(WrongExpectedVersionError);
        expect(await store.streamVersion(original)).toBe(2);
      });
    });

    describe('listing streams', () => {
      it('lists the streams of a category with their versions', async () => {
        const category = `list${randomUUID().replaceAll('-', '').slice(0, 12)}`;
        const ids = [`${category}-b`, `${category}-a`, `${category}-c`];
        for (const [i, id] of ids.entries())
          await store.appendToStream(
            id,
            Array.from({ length: i + 1 }, () => newEvent('Noted')),
          );
        expect(await store.listStreams({ category })).toEqual([
          { streamId: `${category}-a`, version: 2 },
          { streamId: `${category}-b`, version: 1 },
          { streamId: `${category}-c`, version: 3 },
        ]);
        expect(await store.listStreams({ category, afterStreamId: `${category}-a`, limit: 1 })).toEqual([{ streamId: `${category}-b`, version: 1 }]);
      });
    });
  });
};
