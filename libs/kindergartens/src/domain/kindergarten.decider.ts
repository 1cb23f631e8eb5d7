import { ConflictError, NotFoundError, unchanged, unknownCommand, type Decider, type DecisionContext } from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar/domain';
import type { KindergartenCommand } from './kindergarten.commands.js';
import type { Disclosure, KindergartenEvent, Ownership } from './kindergarten.events.js';

export type KindergartenState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly id: string;
      readonly name: string;
      readonly township: string;
      readonly ownership: Ownership;
      readonly registeredAt: string;
      readonly disclosure: Disclosure | null;
    };

export const kindergartenStreamId = (kindergartenId: string): string => `kindergarten-${kindergartenId}`;

export const kindergartenDecider: Decider<KindergartenCommand, KindergartenEvent, KindergartenState, DecisionContext> = {
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state, { now }) {
    switch (command.type) {
      case 'RegisterKindergarten':
        if (state.status === 'registered') throw new ConflictError('kindergarten-exists', `Kindergarten ${state.id} is already registered`);
        return [{ type: 'KindergartenRegistered', data: { ...command.data, registeredAt: formatShanghai(now) } }];
      case 'PublishDisclosure':
        if (state.status === 'unregistered') throw new NotFoundError('not-found', 'No such kindergarten');
        return [{ type: 'DisclosurePublished', data: { kindergartenId: state.id, ...command.data, publishedAt: formatShanghai(now) } }];
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'KindergartenRegistered':
        return {
          status: 'registered',
          id: event.data.kindergartenId,
          name: event.data.name,
          township: event.data.township,
          ownership: event.data.ownership,
          registeredAt: event.data.registeredAt,
          disclosure: null,
        };
      case 'DisclosurePublished': {
        if (state.status !== 'registered') return state;
        const { kindergartenId: _, ...disclosure } = event.data;
        return { ...state, disclosure };
      }
      default:
        return unchanged(event, state);
    }
  },
};
