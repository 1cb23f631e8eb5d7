import type { EventMetadata } from '@app/event-sourcing';
import type { Caller } from '@app/identity';

/** What every command carries besides its data: who asks, when, under which ids, and the version they saw. */
export interface CommandRequest {
  readonly caller: Caller;
  readonly now: Date;
  readonly metadata: EventMetadata;
  /** From If-Match: the version of the addressed stream the caller last saw. */
  readonly expectedVersion?: number;
}
