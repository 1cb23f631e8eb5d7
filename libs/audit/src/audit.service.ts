import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { formatShanghai } from '@app/calendar/domain';
import { EventStore, NotFoundError, fold, streamCategory, type StoredEvent, type VerificationReport } from '@app/event-sourcing';
import { AuditedAggregates } from './audited-aggregates.js';
import { actorLabel } from './sentences.js';

/** An event exactly as recorded (not upcast), with its recording time as people read it (+08:00). */
export interface EventEnvelope {
  readonly streamId: string;
  readonly version: number;
  readonly position: number;
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
  readonly metadata: StoredEvent['metadata'];
  readonly prevHash: string;
  readonly hash: string;
  readonly recordedAt: string;
}

export const envelope = (event: StoredEvent): EventEnvelope => ({
  streamId: event.streamId,
  version: event.version,
  position: event.position,
  id: event.id,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
  metadata: event.metadata,
  prevHash: event.prevHash,
  hash: event.hash,
  recordedAt: formatShanghai(event.recordedAt),
});

export interface TimelineStep {
  readonly version: number;
  readonly type: string;
  readonly at: string;
  readonly actor: { readonly sub: string; readonly role: string; readonly label: string };
  readonly sentence: string;
  readonly state: unknown;
}

/** What an auditor reads: streams, events as recorded, state as of any moment, verification, the whole log. */
@Injectable()
export class AuditService {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(AuditedAggregates) private readonly aggregates: AuditedAggregates,
  ) {}

  listStreams(category: string | undefined, after: string | undefined, limit: number) {
    return this.store.listStreams({ category, afterStreamId: after, limit });
  }

  async events(streamId: string, fromVersion: number, limit: number): Promise<{ items: EventEnvelope[]; more: boolean }> {
    const events = await this.store.readStream(streamId, { fromVersion, toVersion: fromVersion + limit, raw: true });
    if (events.length === 0 && (await this.store.streamVersion(streamId)) === 0) throw new NotFoundError('not-found', `No stream ${streamId}`);
    return { items: events.slice(0, limit).map(envelope), more: events.length > limit };
  }

  async globalEvents(afterPosition: number, limit: number): Promise<{ items: EventEnvelope[]; more: boolean }> {
    const page = await this.store.readAll({ afterPosition, limit: limit + 1, raw: true });
    return { items: page.events.slice(0, limit).map(envelope), more: page.events.length > limit };
  }

  /** The aggregate's state after event `version`, or after the last event recorded at or before `at`, or now. */
  async stateOf(streamId: string, asOf: { version?: number; at?: Date }) {
    const aggregate = this.aggregates.for(streamCategory(streamId));
    const current = await this.store.streamVersion(streamId);
    if (current === 0 || !aggregate) throw new NotFoundError('not-found', `No stream ${streamId}`);
    if (asOf.version !== undefined && asOf.version > current) throw new NotFoundError('not-found', `Stream ${streamId} has only ${current} events`);
    const events = await this.store.readStream(streamId, { toVersion: asOf.version, toTime: asOf.at });
    const last = events.at(-1);
    return {
      streamId,
      version: last?.version ?? 0,
      asOf: last ? formatShanghai(last.recordedAt) : asOf.at ? formatShanghai(asOf.at) : null,
      state: fold(aggregate.decider as never, events as never),
    };
  }

  async timeline(streamId: string): Promise<{ streamId: string; aggregate: string; steps: TimelineStep[] }> {
    const aggregate = this.aggregates.for(streamCategory(streamId));
    const events = await this.store.readStream(streamId);
    if (events.length === 0 || !aggregate) throw new NotFoundError('not-found', `No stream ${streamId}`);
    let state: unknown = aggregate.decider.initialState();
    const steps = events.map((event) => {
      const before = state;
      state = aggregate.decider.evolve(state as never, event as never);
      return {
        version: event.version,
        type: event.type,
        at: formatShanghai(event.recordedAt),
        actor: { ...event.metadata.actor, label: actorLabel(event.metadata.actor) },
        sentence: aggregate.describe?.(event, before, state) ?? event.type,
        state,
      };
    });
    return { streamId, aggregate: aggregate.label, steps };
  }

  /** One stream's chain, or every stream's in one pass over the log (`onProgress` as it goes: events checked, position reached). */
  verify(streamId?: string, onProgress?: (eventsChecked: number, position: number) => void): Promise<VerificationReport> {
    return streamId ? this.store.verifyStream(streamId) : this.store.verifyAll(onProgress);
  }

  /** The log's last position, to tell how far a pass over it has come. */
  headPosition(): Promise<number> {
    return this.store.headPosition();
  }

  /** Every event as one JSON line, in commit order; pulled page by page as the client reads, so memory stays flat. */
  exportStream(): Readable {
    const store = this.store;
    return Readable.from(
      (async function* () {
        for await (const event of store.streamAll({ raw: true, batchSize: 1000 })) yield `${JSON.stringify(envelope(event))}\n`;
      })(),
      { objectMode: false, highWaterMark: 64 * 1024 },
    );
  }
}
