import { Inject, Injectable } from '@nestjs/common';
import {
  DeciderCommandHandler,
  DomainError,
  EventStore,
  type Command,
  type Decider,
  type Event,
  type HandleOptions,
  type HandleResult,
} from '@app/event-sourcing';
import { appendConflicts, appendDuration, commandsTotal } from '@app/metrics';

const observer = { appended: (seconds: number) => appendDuration.observe(seconds), conflicted: () => appendConflicts.inc() };

/** The one way a command reaches an aggregate: the kernel's DeciderCommandHandler per decider, counting outcomes for /metrics. */
@Injectable()
export class CommandRunner {
  private readonly handlers = new WeakMap<object, DeciderCommandHandler<never, never, unknown, never>>();

  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  /** Load, decide with a fresh context, append; a lost race is decided again on the newer state. */
  async execute<C extends Command, E extends Event, S, Ctx>(
    decider: Decider<C, E, S, Ctx>,
    streamId: string,
    command: C,
    options: HandleOptions<S, Ctx, E>,
  ): Promise<HandleResult<E, S>> {
    try {
      const result = await this.handlerFor(decider).handle(streamId, command, options);
      commandsTotal.inc({ type: command.type, outcome: result.events.length > 0 ? 'ok' : 'nothing' });
      return result;
    } catch (error) {
      commandsTotal.inc({ type: command.type, outcome: error instanceof DomainError ? `refused:${error.code}` : 'error' });
      throw error;
    }
  }

  /** The aggregate's current state and version, folded by the same `evolve` that decides. */
  load<C extends Command, E extends Event, S, Ctx>(decider: Decider<C, E, S, Ctx>, streamId: string): Promise<{ state: S; version: number }> {
    return this.handlerFor(decider).load(streamId);
  }

  private handlerFor<C extends Command, E extends Event, S, Ctx>(decider: Decider<C, E, S, Ctx>): DeciderCommandHandler<C, E, S, Ctx> {
    let handler = this.handlers.get(decider);
    if (!handler) {
      handler = new DeciderCommandHandler(this.store, decider, { observer }) as never;
      this.handlers.set(decider, handler);
    }
    return handler as unknown as DeciderCommandHandler<C, E, S, Ctx>;
  }
}
