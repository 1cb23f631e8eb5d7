import { ConflictError, NotFoundError, unchanged, unknownCommand, type Decider, type DecisionContext } from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar/domain';
import type { KindergartenCommand } from './kindergarten.commands.js';
import { normaliseKindergartenName } from './kindergarten-name.js';
import type { Closure, Disclosure, KindergartenEvent, Ownership } from './kindergarten.events.js';

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
      /** Set once the kindergarten is closed; it stays in the register (absent in states folded before v1.1). */
      readonly closure?: Closure | null;
    };

export interface KindergartenContext extends DecisionContext {
  /** Who holds the name the command gives (register, update), as its name register reads now; null when it is free. */
  readonly nameHolder?: string | null;
}

export const kindergartenStreamId = (kindergartenId: string): string => `kindergarten-${kindergartenId}`;

export const isClosed = (state: KindergartenState): boolean => state.status === 'registered' && state.closure != null;

const requireNameFree = (name: string, kindergartenId: string, holder: string | null | undefined): void => {
  if (holder && holder !== kindergartenId) throw new ConflictError('kindergarten-name-exists', `Another kindergarten is named ${name}`, { name });
};

export const kindergartenDecider: Decider<KindergartenCommand, KindergartenEvent, KindergartenState, KindergartenContext> = {
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state, { now, nameHolder }) {
    switch (command.type) {
      case 'RegisterKindergarten':
        if (state.status === 'registered') throw new ConflictError('kindergarten-exists', `Kindergarten ${state.id} is already registered`);
        requireNameFree(command.data.name, command.data.kindergartenId, nameHolder);
        return [{ type: 'KindergartenRegistered', data: { ...command.data, registeredAt: formatShanghai(now) } }];
      case 'PublishDisclosure':
        if (state.status === 'unregistered') throw new NotFoundError('not-found', 'No such kindergarten');
        return [{ type: 'DisclosurePublished', data: { kindergartenId: state.id, ...command.data, publishedAt: formatShanghai(now) } }];
      case 'UpdateKindergarten': {
        if (state.status === 'unregistered') throw new NotFoundError('not-found', 'No such kindergarten');
        const { name, township, ownership } = command.data;
        if (name === state.name && township === state.township && ownership === state.ownership) return [];
        if (normaliseKindergartenName(name) !== normaliseKindergartenName(state.name)) requireNameFree(name, state.id, nameHolder);
        return [
          {
            type: 'KindergartenUpdated',
            data: {
              kindergartenId: state.id,
              ...command.data,
              previous: { name: state.name, township: state.township, ownership: state.ownership },
              updatedAt: formatShanghai(now),
            },
          },
        ];
      }
      case 'CloseKindergarten':
        if (state.status === 'unregistered') throw new NotFoundError('not-found', 'No such kindergarten');
        if (isClosed(state)) throw new ConflictError('kindergarten-closed', `Kindergarten ${state.id} is already closed`);
        return [{ type: 'KindergartenClosed', data: { kindergartenId: state.id, ...command.data, closedAt: formatShanghai(now) } }];
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
          closure: null,
        };
      case 'DisclosurePublished': {
        if (state.status !== 'registered') return state;
        const { kindergartenId: _, ...disclosure } = event.data;
        return { ...state, disclosure };
      }
      case 'KindergartenUpdated':
        if (state.status !== 'registered') return state;
        return { ...state, name: event.data.name, township: event.data.township, ownership: event.data.ownership };
      case 'KindergartenClosed': {
        if (state.status !== 'registered') return state;
        const { kindergartenId: _, ...closure } = event.data;
        return { ...state, closure };
      }
      default:
        return unchanged(event, state);
    }
  },
};
