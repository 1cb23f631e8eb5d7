import type { Command } from './command.js';
import type { Actor, Event } from './event.js';

/** What every decision may depend on besides the state: the time and who asks. Features extend it (calendar, …). */
export interface DecisionContext {
  readonly now: Date;
  readonly actor: Actor;
}

/**
 * An aggregate as two pure functions: `decide` turns a command into events (or throws a DomainError),
 * `evolve` folds one event into the state. Replay, the command path and the auditor's "state as of" all use `evolve`.
 */
export interface Decider<C extends Command, E extends Event, S, Ctx = DecisionContext> {
  decide(command: C, state: S, context: Ctx): readonly E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

export const fold = <E extends Event, S>(decider: Pick<Decider<Command, E, S, unknown>, 'evolve' | 'initialState'>, events: Iterable<E>): S => {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
};

/** `default:` of a `decide` switch: a compile error if a command type is not handled. */
export const unknownCommand = (command: never): never => {
  throw new Error(`Unknown command: ${(command as { type?: unknown }).type as string}`);
};

/** `default:` of an `evolve` switch: a compile error if an event type is not handled; at run time the state stays as it is. */
export const unchanged = <S>(_event: never, state: S): S => state;
