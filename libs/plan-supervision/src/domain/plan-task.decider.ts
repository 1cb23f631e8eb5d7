import { ConflictError, RuleViolationError, type Decider, type DecisionContext } from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar/domain';
import type { PlanTaskCommand } from './reference-data.commands.js';
import type { PlanTask, PlanTaskEvent } from './reference-data.events.js';

/** A plan task as the record knows it. */
export type PlanTaskState = { readonly status: 'unregistered' } | (PlanTask & { readonly status: 'registered'; readonly registeredAt: string });

export interface PlanTaskContext extends DecisionContext {
  /** RegisterPlanTask: the units registered now, which its lead and responsible units must be among. */
  readonly registeredUnits: readonly string[];
}

/** The tasks a unit leads (牵头) or shares (责任): what it reports on each month. */
export const tasksOfUnit = (unitId: string, tasks: readonly PlanTask[]): number[] =>
  tasks.filter((task) => task.leadUnits.includes(unitId) || task.responsibleUnits.includes(unitId)).map((task) => task.taskNo);

/** Whether a unit has any task of the plan: only such units are expected to report monthly. */
export const hasTasks = (unitId: string, tasks: readonly PlanTask[]): boolean => tasksOfUnit(unitId, tasks).length > 0;

export const planTaskStreamId = (taskNo: number): string => `planTask-${taskNo}`;

export const planTaskDecider: Decider<PlanTaskCommand, PlanTaskEvent, PlanTaskState, PlanTaskContext> = {
  initialState: () => ({ status: 'unregistered' }),

  // one command and one event: nothing to dispatch
  decide({ data }, state, { now, registeredUnits }) {
    const unknown = [...new Set([...data.leadUnits, ...data.responsibleUnits])].filter((unit) => !registeredUnits.includes(unit));
    if (unknown.length > 0) throw new RuleViolationError('unknown-unit', `No responsible unit ${unknown.join(', ')}`, { unitIds: unknown });
    if (state.status === 'registered') throw new ConflictError('task-exists', `Task ${state.taskNo} is already registered`);
    return [{ type: 'PlanTaskRegistered', data: { ...data, registeredAt: formatShanghai(now) } }];
  },

  evolve(_state, { data: { registeredAt, ...task } }) {
    return { status: 'registered', ...task, registeredAt };
  },
};
