import { Clock } from '@app/config';
import type { TestApp } from './test-app.js';
import { waitUntil } from './wait.js';

/** A clock a test moves to the instants it needs (time still runs on from there, as it does for a real engine). */
export class SettableClock extends Clock {
  private offsetMs: number;

  constructor(start: string) {
    super();
    this.offsetMs = Date.parse(start) - Date.now();
  }

  /** Moves to `written` (any RFC 3339 time), forward or back. */
  set(written: string): void {
    this.offsetMs = Date.parse(written) - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** The settings that load the plan's units and tasks from seeds/ at start, without the sample kindergartens. */
export const PLAN_SEEDS = { SEED_ON_EMPTY: 'true', SEED_SAMPLE_DATA: 'false' };

/** A department user of a responsible unit. */
export const departmentToken = (app: TestApp, unitId: string): string => app.token('department', { sub: `staff-${unitId}`, unitId });

/** The plan's tasks as GET /plan-tasks shows them, once all 17 have reached the read model. */
export const planTasks = (app: TestApp, token = app.token('auditor')): Promise<any[]> =>
  waitUntil(
    async () => {
      const reply = await app.call('GET', '/plan-tasks', { token });
      return reply.status === 200 && reply.body.items.length === 17 ? (reply.body.items as any[]) : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 50, what: 'the 17 plan tasks in GET /plan-tasks' },
  );

/** The units that report monthly: lead or responsible unit of at least one task. */
export const reportingUnitIds = (tasks: readonly any[]): string[] =>
  [...new Set(tasks.flatMap((task) => [...task.leadUnits, ...task.responsibleUnits].map((unit: { id: string }) => unit.id)))].sort();

/** A monthly report body with one item per task given. */
export const reportBody = (period: string, taskNos: number[], status = 'on-track') => ({
  period,
  items: taskNos.map((taskNo) => ({ taskNo, status, progress: `任务${taskNo}按计划推进` })),
});

/** The numbers of the tasks a unit leads or shares. */
export const unitTaskNos = (tasks: readonly any[], unitId: string): number[] =>
  tasks
    .filter((task) => [...task.leadUnits, ...task.responsibleUnits].some((unit: { id: string }) => unit.id === unitId))
    .map((task) => task.taskNo as number);

/** A monthly report body covering every task of the unit, as v1.1 requires. */
export const unitReportBody = (tasks: readonly any[], unitId: string, period: string, status = 'on-track') =>
  reportBody(period, unitTaskNos(tasks, unitId), status);
