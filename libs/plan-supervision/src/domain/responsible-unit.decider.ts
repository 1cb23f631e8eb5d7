import { ConflictError, type Decider, type DecisionContext } from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar/domain';
import type { ResponsibleUnitCommand } from './reference-data.commands.js';
import type { ResponsibleUnitEvent, UnitKind } from './reference-data.events.js';

/** A responsible unit as the record knows it. */
export type ResponsibleUnitState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly id: string;
      readonly name: string;
      readonly kind: UnitKind;
      readonly note: string | null;
      readonly registeredAt: string;
    };

export const responsibleUnitStreamId = (unitId: string): string => `responsibleUnit-${unitId}`;

export const responsibleUnitDecider: Decider<ResponsibleUnitCommand, ResponsibleUnitEvent, ResponsibleUnitState, DecisionContext> = {
  initialState: () => ({ status: 'unregistered' }),

  // one command and one event: nothing to dispatch
  decide({ data }, state, { now }) {
    if (state.status === 'registered') throw new ConflictError('unit-exists', `Unit ${state.id} is already registered`);
    return [{ type: 'ResponsibleUnitRegistered', data: { ...data, registeredAt: formatShanghai(now) } }];
  },

  evolve(_state, { data: { unitId, name, kind, note, registeredAt } }) {
    return { status: 'registered', id: unitId, name, kind, note, registeredAt };
  },
};
