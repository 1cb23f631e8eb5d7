import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from './command.js';
import { fold, type Decider } from './decider.js';
import { isKeyedCommandId } from './command-ids.js';
import { VersionMismatchError } from './errors.js';
import type { Event, EventMetadata, StoredEvent } from './event.js';
import { WrongExpectedVersionError, type AppendResult, type EventStore, type StreamAppend } from './event-store.js';

export interface HandleOptions<S, Ctx, E extends Event = Event> {
  /** The decision's inputs besides the state; a function is called again on every attempt (cross-aggregate checks re-read). */
  readonly context: Ctx | ((state: S) => Ctx | Promise<Ctx>);
  readonly metadata: EventMetadata;
  /** Pinned by the caller (If-Match): a moved stream is a VersionMismatchError, never a retry. */
  readonly expectedVersion?: number;
  /** Runs on the loaded state before the version check, to refuse what does not exist or may not be seen (404 before 412). */
  readonly precondition?: (state: S, version: number) => void;
  /**
   * Other streams' events to append in the same write as the decided ones (a notice and its document number), each
   * with its expected version; a conflict on any of them is a lost race, decided again.
   */
  readonly alongside?: (decided: readonly E[], state: S) => readonly StreamAppend[];
  /** Attempts for this command, when it is expected to race more than most (default: the handler's). */
  readonly maxAttempts?: number;
}

export interface HandleResult<E extends Event, S> {
  readonly state: S;
  readonly version: number;
  readonly events: readonly StoredEvent<E>[];
  /** Global position of the last event written, or null when the decision was to do nothing. */
  readonly position: number | null;
}

export interface CommandHandlerSettings {
  /** Attempts when an unpinned append loses a race; each attempt decides again on the latest state. */
  readonly maxAttempts?: number;
  readonly observer?: {
    appended(seconds: number): void;
    conflicted(): void;
  };
}

/** Load → fold → decide → append with the expected version; a lost race is decided again on the newer state. */
export class DeciderCommandHandler<C extends Command, E extends Event, S, Ctx> {
  private readonly maxAttempts: number;

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<C, E, S, Ctx>,
    private readonly settings: CommandHandlerSettings = {},
  ) {
    this.maxAttempts = settings.maxAttempts ?? 10;
  }

  async load(streamId: string): Promise<{ state: S; version: number }> {
    const events = await this.store.readStream(streamId);
    return { state: fold(this.decider, events as unknown as E[]), version: events.at(-1)?.version ?? 0 };
  }

  async handle(streamId: string, command: C, options: HandleOptions<S, Ctx, E>): Promise<HandleResult<E, S>> {
    const maxAttempts = options.maxAttempts ?? this.maxAttempts;
    const once = isKeyedCommandId(options.metadata.commandId);
    for (let attempt = 1; ; attempt++) {
      const events = await this.store.readStream(streamId);
      // a keyed command (a retried request) that already wrote here answers with what it wrote, and writes nothing
      const done = once ? this.alreadyDone(events, options.metadata.commandId) : null;
      if (done) return done;
      const state = fold(this.decider, events as unknown as E[]);
      const version = events.at(-1)?.version ?? 0;
      options.precondition?.(state, version);
      if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
        throw new VersionMismatchError(streamId, options.expectedVersion, version);
      }
      const context = typeof options.context === 'function' ? await (options.context as (state: S) => Ctx | Promise<Ctx>)(state) : options.context;
      const decided = this.decider.decide(command, state, context);
      if (decided.length === 0) return { state, version, events: [], position: null };
      try {
        const started = performance.now();
        const events = decided.map((event) => ({ type: event.type, data: event.data, metadata: options.metadata }));
        const alongside = options.alongside?.(decided, state) ?? [];
        const result: AppendResult =
          alongside.length === 0
            ? await this.store.appendToStream(streamId, events, { expectedVersion: version })
            : // the aggregate's own stream last: where a store appends stream by stream, its event is written only after the others
              (await this.store.appendToStreams([...alongside, { streamId, events, expectedVersion: version }])).at(-1)!;
        this.settings.observer?.appended((performance.now() - started) / 1000);
        return {
          state: decided.reduce((current, event) => this.decider.evolve(current, event), state),
          version: result.nextExpectedVersion,
          events: result.events as StoredEvent<E>[],
          position: result.lastPosition,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        this.settings.observer?.conflicted();
        // a keyed command looks once more: the append it lost may be its own first attempt's
        if (options.expectedVersion !== undefined && !once) throw new VersionMismatchError(streamId, options.expectedVersion, error.actual);
        if (attempt >= maxAttempts) throw error;
        await sleep(Math.random() * 5 * attempt);
      }
    }
  }

  /** The outcome of the command `commandId` if the stream holds its events: the state and version right after them. */
  private alreadyDone(events: readonly StoredEvent[], commandId: string): HandleResult<E, S> | null {
    const own = events.filter((event) => event.metadata?.commandId === commandId);
    if (own.length === 0) return null;
    const last = own.at(-1)!;
    return {
      state: fold(this.decider, events.filter((event) => event.version <= last.version) as unknown as E[]),
      version: last.version,
      events: own as StoredEvent<E>[],
      position: last.position,
    };
  }
}
