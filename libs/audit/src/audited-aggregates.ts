import type { Decider, StoredEvent } from '@app/event-sourcing';

/** An aggregate as the auditor replays it: its decider's `evolve`, and how each of its events reads in Chinese. */
export interface AuditedAggregate {
  readonly category: string;
  readonly label: string;
  readonly decider: Pick<Decider<never, never, unknown, never>, 'evolve' | 'initialState'>;
  /** One sentence saying what the event did, for people who do not know the event names. */
  readonly describe?: (event: StoredEvent, before: unknown, after: unknown) => string | undefined;
}

/** The aggregates of this deployment, by stream category (the part of the stream id before the first `-`). */
export class AuditedAggregates {
  private readonly byCategory = new Map<string, AuditedAggregate>();

  constructor(readonly all: readonly AuditedAggregate[]) {
    for (const aggregate of all) this.byCategory.set(aggregate.category, aggregate);
  }

  for(category: string): AuditedAggregate | undefined {
    return this.byCategory.get(category);
  }
}
