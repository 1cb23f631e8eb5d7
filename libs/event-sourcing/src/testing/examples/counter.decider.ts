import type { Command } from '../../command.js';
import type { Decider, DecisionContext } from '../../decider.js';
import { ConflictError, RuleViolationError } from '../../errors.js';
import type { Event } from '../../event.js';

// A minimal decider that the kernel's own tests drive.
export type CounterCommand = Command<'Increment', { by: number }> | Command<'Close', Record<string, never>>;
export type CounterEvent = Event<'Incremented', { by: number; at: string }> | Event<'Closed', { total: number }>;
export type CounterState = { status: 'open'; total: number } | { status: 'closed'; total: number };

export const counterDecider: Decider<CounterCommand, CounterEvent, CounterState, DecisionContext> = {
  initialState: () => ({ status: 'open', total: 0 }),
  decide(command, state, context) {
    if (state.status === 'closed') throw new ConflictError('counter-closed', 'The counter is closed');
    switch (command.type) {
      case 'Increment':
        if (command.data.by <= 0) throw new RuleViolationError('not-positive', 'Increments must be positive');
        return [{ type: 'Incremented', data: { by: command.data.by, at: context.now.toISOString() } }];
      case 'Close':
        return state.total === 0 ? [] : [{ type: 'Closed', data: { total: state.total } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'Incremented':
        return { ...state, total: state.total + event.data.by };
      case 'Closed':
        return { status: 'closed', total: state.total };
    }
  },
};
