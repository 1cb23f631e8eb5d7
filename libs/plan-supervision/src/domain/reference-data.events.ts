import type { Event } from '@app/event-sourcing';

export const UNIT_KINDS = ['county-government', 'bureau', 'township', 'other'] as const;
/** 县政府, a bureau of the county government, a township government, or another body (县委编办, 县妇联, 各幼儿园, …). */
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A responsible unit (责任单位) of the plan: it reports monthly on the tasks it leads or shares. */
export type ResponsibleUnitRegistered = Event<
  'ResponsibleUnitRegistered',
  { unitId: string; name: string; kind: UnitKind; note: string | null; registeredAt: string }
>;

/** One of the plan's key tasks (重点任务), with its lead units (牵头单位) and responsible units (责任单位). */
export interface PlanTask {
  readonly taskNo: number;
  readonly group: string;
  readonly title: string;
  readonly summary: string;
  readonly timeNodes: readonly string[];
  readonly leadUnits: readonly string[];
  readonly responsibleUnits: readonly string[];
  readonly note: string | null;
}

export type PlanTaskRegistered = Event<'PlanTaskRegistered', PlanTask & { registeredAt: string }>;

export type ResponsibleUnitEvent = ResponsibleUnitRegistered;
export type PlanTaskEvent = PlanTaskRegistered;
