import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Settings } from '@app/config';
import type { StoredEvent } from '@app/event-sourcing';
import { metadata } from '@app/event-sourcing/testing';
import { migrateProjections, resetProjection } from '@app/projections';
import type { PgliteClient } from '@app/sql';
import { pgliteFromTemplate } from '@app/sql/testing';
import { Statistics } from './statistics.js';
import { statisticsProjection } from './statistics.projection.js';
import { projectionApplier } from '../testing/apply-projection.js';

const stored = (streamId: string, version: number, type: string, data: object): StoredEvent => ({
  streamId,
  version,
  position: version,
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: metadata(),
  prevHash: '',
  hash: '',
  recordedAt: new Date('2025-03-03T02:00:00Z'),
});

const registered = (kg: string, township: string) =>
  stored(`kindergarten-${kg}`, 1, 'KindergartenRegistered', {
    kindergartenId: kg,
    name: `幼儿园 ${kg}`,
    township,
    ownership: 'public',
    registeredAt: '2025-03-01T09:00:00.000+08:00',
  });
const scheduled = (kg: string, id: string, year: number) =>
  stored(`inspection-${id}`, 1, 'InspectionScheduled', {
    inspectionId: id,
    kindergartenId: kg,
    kind: 'annual',
    year,
    scheduledOn: `${year}-03-05`,
    scheduledAt: `${year}-03-03T10:00:00.000+08:00`,
  });
const concluded = (id: string, outcome: 'passed' | 'failed') =>
  stored(`inspection-${id}`, 2, 'InspectionConcluded', { inspectionId: id, outcome, summary: '结论', concludedAt: '2025-03-05T10:00:00.000+08:00' });
const cancelled = (id: string) =>
  stored(`inspection-${id}`, 2, 'InspectionCancelled', { inspectionId: id, reason: '重复安排', cancelledAt: '2025-03-04T10:00:00.000+08:00' });
const issued = (kg: string, id: string, issuedAt = '2025-03-10T10:00:00.000+08:00') =>
  stored(`rectification-${id}`, 1, 'RectificationNoticeIssued', {
    rectificationId: id,
    kindergartenId: kg,
    inspectionId: `i-${id}`,
    findings: [{ code: 'S-01', description: '消防通道堆放杂物', severity: 'major' }],
    deadline: { workingDays: 10 },
    dueAt: '2025-03-24T23:59:59.999+08:00',
    publish: true,
    issuedAt,
  });
const missed = (id: string) =>
  stored(`rectification-${id}`, 2, 'DeadlineMissed', {
    rectificationId: id,
    dueAt: '2025-03-24T23:59:59.999+08:00',
    recordedAt: '2025-03-25T00:00:00.000+08:00',
  });
const followUpFailed = (id: string, version = 2) =>
  stored(`rectification-${id}`, version, 'FollowUpFailed', {
    rectificationId: id,
    inspectionId: `f-${id}`,
    inspectionConcludedAt: '2025-04-20T10:00:00.000+08:00',
    recordedAt: '2025-04-20T11:00:00.000+08:00',
  });
const withdrawn = (id: string) =>
  stored(`rectification-${id}`, 2, 'NoticeWithdrawn', { rectificationId: id, reason: '事实认定有误', withdrawnAt: '2025-03-12T10:00:00.000+08:00' });
const suspended = (kg: string, rectificationId: string) =>
  stored(`enrolment-${kg}`, 1, 'EnrolmentSuspended', {
    kindergartenId: kg,
    rectificationId,
    effectiveFrom: '2025-05-01',
    reason: '整改后仍不达标',
    suspendedAt: '2025-04-21T10:00:00.000+08:00',
  });
const closedDown = (kg: string) =>
  stored(`kindergarten-${kg}`, 2, 'KindergartenClosed', {
    kindergartenId: kg,
    closedOn: '2025-06-30',
    reason: '停办',
    closedAt: '2025-06-30T10:00:00.000+08:00',
  });

const schema = 'statistics_spec';
const s = `"${schema}"`;
let pglite: PgliteClient;
// as the runner and the rebuild do: the read model and its checkpoint move in one transaction
let apply: (events: readonly StoredEvent[]) => Promise<void>;
let statistics: Statistics;

beforeAll(async () => {
  pglite = await pgliteFromTemplate();
  apply = projectionApplier(pglite, s, statisticsProjection);
  await migrateProjections(pglite, schema, [statisticsProjection]);
  statistics = new Statistics(pglite, { now: () => new Date('2025-07-01T02:00:00Z') }, { DATABASE_SCHEMA: schema } as Settings);
});

afterAll(async () => {
  await pglite.close();
});

describe('the statistics projection', () => {
  // townships of their own per test: the tables are shared by the tests of this file
  const [east, west] = [`东镇-${randomUUID().slice(0, 8)}`, `西镇-${randomUUID().slice(0, 8)}`];
  const [a, b, c] = [`kg-${randomUUID()}`, `kg-${randomUUID()}`, `kg-${randomUUID()}`];
  const [passed, failed, pending, dropped, lastYear] = [1, 2, 3, 4, 5].map(() => `i-${randomUUID()}`) as [string, string, string, string, string];
  const [open, late, lost, pulled, old] = [1, 2, 3, 4, 5].map(() => `rc-${randomUUID()}`) as [string, string, string, string, string];
  const events = [
    registered(a, east),
    registered(b, east),
    registered(c, west),
    scheduled(a, passed, 2025),
    concluded(passed, 'passed'),
    scheduled(b, failed, 2025),
    concluded(failed, 'failed'),
    scheduled(c, pending, 2025),
    scheduled(c, dropped, 2025),
    cancelled(dropped),
    scheduled(a, lastYear, 2024),
    issued(b, open),
    issued(b, late),
    missed(late),
    issued(b, lost),
    followUpFailed(lost),
    issued(c, pulled),
    withdrawn(pulled),
    issued(c, old, '2024-12-31T23:00:00.000+08:00'),
    suspended(b, lost),
  ];

  it('counts by township the year’s inspections and cases, the kindergartens and the suspensions, cancelled inspections and withdrawn cases', async () => {
    await apply(events);
    const overview = await statistics.overview(2025, [east, west]);
    expect(overview).toEqual({
      asOf: '2025-07-01T10:00:00.000+08:00',
      year: 2025,
      townships: [
        {
          township: east,
          name: east,
          kindergartens: 2,
          inspections: { scheduled: 0, passed: 1, failed: 1, cancelled: 0 },
          cases: { open: 2, overdue: 1, closed: 0, failed: 1, withdrawn: 0 },
          suspensions: 1,
        },
        {
          township: west,
          name: west,
          kindergartens: 1,
          inspections: { scheduled: 1, passed: 0, failed: 0, cancelled: 1 },
          cases: { open: 0, overdue: 0, closed: 0, failed: 0, withdrawn: 1 },
          suspensions: 0,
        },
      ],
      totals: {
        kindergartens: 3,
        inspections: { scheduled: 1, passed: 1, failed: 1, cancelled: 1 },
        cases: { open: 2, overdue: 1, closed: 0, failed: 1, withdrawn: 1 },
        suspensions: 1,
      },
    });
    // a case issued on 31 December in Asia/Shanghai belongs to that year, as does last year's inspection
    expect((await statistics.overview(2024, [west])).totals.cases.open).toBe(1);
    expect((await statistics.overview(2024, [east])).totals.inspections.scheduled).toBe(1);
  });

  it('changes nothing for an event delivered again, in a batch of its own or among others', async () => {
    const before = await statistics.overview(2025, [east, west]);
    await apply([events[4]!, events[9]!, events[15]!, events[17]!]);
    await apply(events);
    expect(await statistics.overview(2025, [east, west])).toEqual(before);
  });

  it('a closed kindergarten leaves the count of kindergartens; its year’s results stay counted', async () => {
    const township = `北镇-${randomUUID().slice(0, 8)}`;
    const kg = `kg-${randomUUID()}`;
    const inspection = `i-${randomUUID()}`;
    await apply([registered(kg, township), scheduled(kg, inspection, 2025), concluded(inspection, 'passed'), closedDown(kg)]);
    const [row] = (await statistics.overview(2025, [township])).townships;
    expect(row).toMatchObject({ township, kindergartens: 0, inspections: { passed: 1 } });
  });

  it('a kindergarten that moves township takes its counts along (KindergartenUpdated, by name)', async () => {
    const [from, to] = [`旧镇-${randomUUID().slice(0, 8)}`, `新镇-${randomUUID().slice(0, 8)}`];
    const kg = `kg-${randomUUID()}`;
    const inspection = `i-${randomUUID()}`;
    const moved = stored(`kindergarten-${kg}`, 2, 'KindergartenUpdated', {
      kindergartenId: kg,
      name: '改名幼儿园',
      township: to,
      ownership: 'public',
    });
    await apply([registered(kg, from), scheduled(kg, inspection, 2025), concluded(inspection, 'failed'), moved]);
    expect((await statistics.overview(2025, [from, to])).townships).toMatchObject([{ township: to, kindergartens: 1, inspections: { failed: 1 } }]);
  });

  it('gives its kept answer again while the projection has not moved, and reads again once it has', async () => {
    const township = `南镇-${randomUUID().slice(0, 8)}`;
    const [kg, inspection] = [`kg-${randomUUID()}`, `i-${randomUUID()}`];
    await apply([registered(kg, township), scheduled(kg, inspection, 2025)]);
    const reads: string[] = [];
    const spied = new Statistics(
      {
        query: (sql: string, parameters?: readonly unknown[]) => {
          reads.push(sql.includes('projection_checkpoints') ? 'checkpoint' : 'counts');
          return pglite.query(sql, parameters as unknown[]);
        },
      } as unknown as PgliteClient,
      { now: () => new Date('2025-07-01T02:00:00Z') },
      { DATABASE_SCHEMA: schema } as Settings,
    );
    // concurrent requests share one read of the counts
    const [first, second] = await Promise.all([spied.overview(2025, [township]), spied.overview(2025, [township])]);
    expect(first).toEqual(second);
    expect(first.totals.inspections.scheduled).toBe(1);
    expect(reads.filter((read) => read === 'counts')).toHaveLength(4);
    expect(await spied.overview(2025, [township])).toEqual(first);
    expect(reads.filter((read) => read === 'counts')).toHaveLength(4);
    // another scope or year is another answer
    expect((await spied.overview(2024, [township])).totals.inspections.scheduled).toBe(0);
    expect(reads.filter((read) => read === 'counts')).toHaveLength(8);
    // the projection moves: the counts are read again and show the change
    await apply([concluded(inspection, 'failed')]);
    const after = await spied.overview(2025, [township]);
    expect(after.totals.inspections).toEqual({ scheduled: 0, passed: 0, failed: 1, cancelled: 0 });
    expect(reads.filter((read) => read === 'counts')).toHaveLength(12);
  });

  it('rebuilt from the same events, gives the same counts', async () => {
    const before = await statistics.overview(2025, [east, west]);
    await resetProjection(pglite, schema, statisticsProjection);
    expect((await statistics.overview(2025, [east, west])).townships).toEqual([]);
    await apply(events);
    expect(await statistics.overview(2025, [east, west])).toEqual(before);
  });
});
