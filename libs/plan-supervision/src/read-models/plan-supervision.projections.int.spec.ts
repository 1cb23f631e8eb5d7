import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@app/event-sourcing';
import { metadata } from '@app/event-sourcing/testing';
import { migrateProjections } from '@app/projections';
import { migrate, type PgliteClient } from '@app/sql';
import { pgliteFromTemplate } from '@app/sql/testing';
import { planTasksProjection } from './plan-supervision.projections.js';

const task = (taskNo: number, leadUnits: string[], responsibleUnits: string[]) => ({
  taskNo,
  group: '一',
  title: '任务',
  summary: '摘要',
  timeNodes: [],
  leadUnits,
  responsibleUnits,
  note: null,
  registeredAt: '2025-03-03T10:00:00.000+08:00',
});

const registered = (taskNo: number, leadUnits: string[], responsibleUnits: string[]): StoredEvent => ({
  streamId: `planTask-${taskNo}`,
  version: 1,
  position: taskNo,
  id: randomUUID(),
  type: 'PlanTaskRegistered',
  schemaVersion: 1,
  data: task(taskNo, leadUnits, responsibleUnits),
  metadata: metadata(),
  prevHash: '',
  hash: '',
  recordedAt: new Date('2025-03-03T02:00:00Z'),
});

let pglite: PgliteClient;

beforeAll(async () => {
  pglite = await pgliteFromTemplate();
});

afterAll(async () => {
  await pglite.close();
});

describe('the plan tasks projection', () => {
  it('keeps each task’s units in a column, once each, and ignores a duplicated event', async () => {
    const schema = 'plan_tasks_spec';
    const s = `"${schema}"`;
    await migrateProjections(pglite, schema, [planTasksProjection]);
    const event = registered(1, ['u-a', 'u-b'], ['u-b', 'u-c']);
    await pglite.transaction((tx) => planTasksProjection.apply(tx, [event, event], s));
    await pglite.transaction((tx) => planTasksProjection.apply(tx, [event], s));
    expect(await pglite.query(`SELECT id, version, task_no, unit_ids FROM ${s}.rm_plan_tasks`)).toEqual([
      { id: '1', version: 1, task_no: 1, unit_ids: ['u-a', 'u-b', 'u-c'] },
    ]);
  });

  it('gives the rows of a table created before the column their units when it migrates', async () => {
    const schema = 'plan_tasks_upgrade_spec';
    const s = `"${schema}"`;
    // the table as its first migration created it, before `unit_ids`
    await migrate(pglite, schema, 'projection:plan-tasks', [
      `CREATE TABLE ${s}.rm_plan_tasks (id text PRIMARY KEY, version integer NOT NULL, state jsonb NOT NULL, updated_at timestamptz NOT NULL, task_no integer)`,
    ]);
    await pglite.query(`INSERT INTO ${s}.rm_plan_tasks VALUES ('2', 1, $1::jsonb, now(), 2)`, [
      JSON.stringify({ status: 'registered', ...task(2, ['u-a'], ['u-a', 'u-d']) }),
    ]);
    await migrateProjections(pglite, schema, [planTasksProjection]);
    const [row] = await pglite.query<{ unit_ids: string[] }>(`SELECT unit_ids FROM ${s}.rm_plan_tasks`);
    expect([...row!.unit_ids].sort()).toEqual(['u-a', 'u-d']);
  });
});
