import type { Command } from '@app/event-sourcing';
import type { PlanTask, UnitKind } from './reference-data.events.js';

export type ResponsibleUnitCommand = Command<'RegisterResponsibleUnit', { unitId: string; name: string; kind: UnitKind; note: string | null }>;

export type PlanTaskCommand = Command<'RegisterPlanTask', PlanTask>;
