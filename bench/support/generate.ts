// What the benches that generate a record through the domain's own deciders share (bench:scale, bench:console).
import { randomUUID } from 'node:crypto';
import { formatShanghai } from '@app/calendar/domain';
import type { Actor, Command, Decider, Event, EventMetadata, NewEvent, StreamAppend } from '@app/event-sourcing';

/** The metadata the command path records: the actor, the time in Asia/Shanghai, fresh ids. */
export const metadataAt = (at: Date, actor: Actor): EventMetadata => ({
  actor,
  at: formatShanghai(at),
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: null,
});

/** A wall time in Asia/Shanghai. */
export const day = (year: number, month: number, date: number, hour = 10, minute = 0) => new Date(Date.UTC(year, month - 1, date, hour - 8, minute));

/** Runs commands through a decider as the command path would, collecting the events of one stream. */
export class StreamBuilder<C extends Command, E extends Event, S, Ctx> {
  state: S;
  readonly events: NewEvent[] = [];
  constructor(
    readonly streamId: string,
    private readonly decider: Decider<C, E, S, Ctx>,
  ) {
    this.state = decider.initialState();
  }
  run(command: C, context: Ctx, metadata: EventMetadata): this {
    for (const event of this.decider.decide(command, this.state, context)) {
      this.state = this.decider.evolve(this.state, event);
      this.events.push({ type: event.type, data: event.data, metadata });
    }
    return this;
  }
  get append(): StreamAppend {
    return { streamId: this.streamId, events: this.events, expectedVersion: 'no-stream' };
  }
}
