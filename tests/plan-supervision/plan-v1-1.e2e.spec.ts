import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type Reply, type StoreKind, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';
import { PLAN_SEEDS, SettableClock, departmentToken, planTasks, reportBody, unitReportBody, unitTaskNos } from '../support/plan.js';

// Plan supervision v1.1 over real HTTP: every assigned task reported, periods inside the plan, amendments, one status in
// the list and the single view, ?unitId, and the list of bulletins.

const EDUCATION = 'county-education-bureau';
const FINANCE = 'county-finance-bureau'; // tasks 1, 2, 5, 6, 7, 11
const CIVIL_AFFAIRS = 'county-civil-affairs-bureau'; // tasks 2, 3
const RESEARCH_CENTER = 'county-teaching-research-center'; // no task of its own

const expectProblem = (reply: Reply, status: number, code: string): void => {
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
};

describe.each<StoreKind>(['pglite', 'postgres'])('plan supervision v1.1 over HTTP (%s)', (kind) => {
  let app: TestApp;
  let clock: SettableClock;
  let tasks: any[];
  let supervisor: string;

  beforeAll(async () => {
    clock = new SettableClock('2025-01-10T10:00:00+08:00');
    app = await startTestApp(kind, PLAN_SEEDS, { clock });
    supervisor = workflow(app).supervisor;
    tasks = await planTasks(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the tasks a unit leads or shares with ?unitId', async () => {
    const token = departmentToken(app, FINANCE);
    const finance = await app.call('GET', `/plan-tasks?unitId=${FINANCE}`, { token });
    expect(finance.status).toBe(200);
    expect(finance.body.items.map((task: any) => task.taskNo)).toEqual([1, 2, 5, 6, 7, 11]);
    expect((await app.call('GET', `/plan-tasks?unitId=${RESEARCH_CENTER}`, { token })).body.items).toEqual([]);
    expect((await app.call('GET', '/plan-tasks', { token })).body.items).toHaveLength(17);
  });

  it('takes a report only for a month of the plan, covering every task of the unit, and writes nothing otherwise', async () => {
    clock.set('2025-05-02T10:00:00+08:00');
    const civil = departmentToken(app, CIVIL_AFFAIRS);
    for (const period of ['2022-12', '2019-06']) {
      expectProblem(
        await app.call('POST', '/monthly-reports', { token: civil, body: unitReportBody(tasks, CIVIL_AFFAIRS, period) }),
        422,
        'period-outside-plan',
      );
      expect(await app.store.readStream(`monthlyReport-${CIVIL_AFFAIRS}-${period}`)).toEqual([]);
    }
    expectProblem(await app.call('POST', '/monthly-reports', { token: civil, body: reportBody('2025-04', [2]) }), 422, 'task-not-reported');
    expect(await app.store.readStream(`monthlyReport-${CIVIL_AFFAIRS}-2025-04`)).toEqual([]);
    const first = await app.call('POST', '/monthly-reports', { token: civil, body: unitReportBody(tasks, CIVIL_AFFAIRS, '2023-01') });
    expect([first.status, first.body.status]).toEqual([201, 'late']);
  });

  it('amends a report: both versions kept, late as first filed; only the unit, only a submitted report, under the same rules', async () => {
    clock.set('2025-04-07T10:00:00+08:00');
    const finance = departmentToken(app, FINANCE);
    const path = `/monthly-reports/${FINANCE}/2025-03`;
    const filed = await app.call('POST', '/monthly-reports', { token: finance, body: unitReportBody(tasks, FINANCE, '2025-03', 'at-risk') });
    expect([filed.status, filed.body.late]).toEqual([201, true]);

    expectProblem(
      await app.call('PUT', `/monthly-reports/${CIVIL_AFFAIRS}/2025-03`, {
        token: departmentToken(app, CIVIL_AFFAIRS),
        body: { items: reportBody('2025-03', [2, 3]).items },
      }),
      409,
      'invalid-transition',
    );
    expectProblem(await app.call('PUT', path, { token: departmentToken(app, EDUCATION), body: { items: filed.body.items } }), 404, 'not-found');
    expectProblem(await app.call('PUT', path, { token: finance, body: { items: reportBody('2025-03', [1]).items } }), 422, 'task-not-reported');
    expectProblem(await app.call('PUT', path, { token: supervisor, body: { items: filed.body.items } }), 403, 'forbidden');
    expectProblem(await app.call('PUT', path, { token: finance, body: { items: [] } }), 400, 'validation-failed');
    expect(await app.store.streamVersion(`monthlyReport-${FINANCE}-2025-03`)).toBe(1);

    clock.set('2025-04-20T10:00:00+08:00');
    const corrected = unitReportBody(tasks, FINANCE, '2025-03', 'done').items;
    const amended = await app.call('PUT', path, { token: finance, body: { items: corrected } });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ status: 'late', late: true, items: corrected, submittedAt: filed.body.submittedAt, version: 2 });
    expect(amended.body.versions).toEqual([
      { items: filed.body.items, evidence: [], filedAt: filed.body.submittedAt },
      { items: corrected, evidence: [], filedAt: expect.stringMatching(/^2025-04-20T10:00:/) },
    ]);
    expect(amended.headers.get('etag')).toBe('"2"');
    const types = (await app.store.readStream(`monthlyReport-${FINANCE}-2025-03`)).map((event) => event.type);
    expect(types).toEqual(['MonthlyReportSubmitted', 'MonthlyReportAmended']);
    const timeline = await app.call('GET', `/audit/streams/monthlyReport-${FINANCE}-2025-03/timeline`, { token: app.token('auditor') });
    expect(timeline.body.steps[1].sentence).toContain('更正');
  });

  it('gives every unit the same status in the list and in its own view; a department sees its own unit only', async () => {
    clock.set('2025-04-21T10:00:00+08:00');
    const list = await app.call('GET', '/monthly-reports?period=2025-03', { token: supervisor });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(2);
    for (const item of list.body.items) {
      const single = await app.call('GET', `/monthly-reports/${item.unit.id}/2025-03`, { token: supervisor });
      expect({ unit: item.unit.id, status: single.body.status }).toEqual({ unit: item.unit.id, status: item.status });
    }
    const owing = list.body.items.map((item: any) => item.unit.id);
    expect(owing).not.toContain(RESEARCH_CENTER);
    expectProblem(await app.call('GET', `/monthly-reports/${RESEARCH_CENTER}/2025-03`, { token: supervisor }), 404, 'not-found');
    expectProblem(await app.call('GET', `/monthly-reports/${FINANCE}/2022-12`, { token: supervisor }), 404, 'not-found');

    const own = await app.call('GET', '/monthly-reports?period=2025-03', { token: departmentToken(app, FINANCE) });
    expect(own.status).toBe(200);
    expect(own.body.items.map((item: any) => [item.unit.id, item.status])).toEqual([[FINANCE, 'late']]);
    const narrowed = await app.call('GET', `/monthly-reports?period=2025-03&unitId=${CIVIL_AFFAIRS}`, { token: supervisor });
    expect(narrowed.body.items.map((item: any) => [item.unit.id, item.status])).toEqual([[CIVIL_AFFAIRS, 'missing']]);
    expect(unitTaskNos(tasks, CIVIL_AFFAIRS)).toEqual([2, 3]);
  });

  it('lists the published bulletins', async () => {
    expect((await app.call('GET', '/bulletins', { token: supervisor })).body).toEqual({ items: [] });
    clock.set('2025-04-22T10:00:00+08:00');
    const published = await app.call('POST', '/bulletins', { token: supervisor, body: { year: 2025, quarter: 1 } });
    expect(published.status).toBe(201);
    for (const role of ['admin', 'supervisor', 'kindergarten', 'department', 'auditor'] as const) {
      const claims = role === 'kindergarten' ? { kindergartenId: 'kg-any' } : role === 'department' ? { unitId: FINANCE } : {};
      const reply = await app.call('GET', '/bulletins', { token: app.token(role, claims) });
      expect({ role, status: reply.status, ids: reply.body.items?.map((bulletin: any) => bulletin.id) }).toEqual({
        role,
        status: 200,
        ids: ['2025-Q1'],
      });
    }
    expect((await app.call('GET', '/bulletins', { token: supervisor })).body.items[0]).toEqual(published.body);
  });
  it('assesses the departments in the annual assessment, and shows the kindergartens’ annual inspection results', async () => {
    clock.set('2025-04-23T10:00:00+08:00');
    const steps = workflow(app);
    const kindergarten = await steps.registerKindergarten();
    const opened = await app.call('POST', '/annual-assessments', { token: supervisor, body: { year: 2025 } });
    expect(opened.status).toBe(201);
    const inspectionId = `annual-2025-${kindergarten.id}`;
    await steps.finding(inspectionId, 'S-01');
    await steps.conclude(inspectionId, 'failed', '存在安全隐患');

    const reply = await app.call('GET', '/annual-assessments/2025', { token: app.token('auditor') });
    expect(reply.status).toBe(200);
    const units = Object.fromEntries(reply.body.units.map((unit: any) => [unit.unitId, unit]));
    // by 23 April 2025 the reports of January, February and March were due; the units were registered on 10 January
    expect(units[FINANCE]).toEqual({ unitId: FINANCE, name: expect.any(String), owed: 3, onTime: 0, late: 1, missing: 2, score: 17 });
    expect(units[CIVIL_AFFAIRS]).toMatchObject({ owed: 3, onTime: 0, late: 0, missing: 3, score: 0 });
    expect(units[RESEARCH_CENTER]).toBeUndefined();
    for (const unit of reply.body.units) expect(unit.onTime + unit.late + unit.missing).toBe(unit.owed);
    expect(reply.body.annualInspections.items).toContainEqual({
      kindergartenId: kindergarten.id,
      inspectionId,
      status: 'concluded',
      outcome: 'failed',
      concludedAt: expect.stringMatching(/^2025-04-23T/),
    });
    expect(reply.body.annualInspections.failed).toBeGreaterThanOrEqual(1);
  });
});
