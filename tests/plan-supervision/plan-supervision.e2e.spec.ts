import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freshId, startTestApp, type Reply, type StoreKind, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';
import { PLAN_SEEDS, SettableClock, departmentToken, planTasks, reportBody, reportingUnitIds, unitReportBody } from '../support/plan.js';

// Supervision of the plan over real HTTP: units and tasks seeded at start through the command path, the test clock
// moved to the instants each rule is about (the seeds are registered at the clock's first instant).

const EDUCATION = 'county-education-bureau'; // leads or shares every task
const FINANCE = 'county-finance-bureau'; // tasks 1, 2, 5, 6, 7, 11
const CIVIL_AFFAIRS = 'county-civil-affairs-bureau'; // tasks 2, 3
const RESEARCH_CENTER = 'county-teaching-research-center'; // no task of its own: never expected to report

const expectProblem = (reply: Reply, status: number, code: string): void => {
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
};

const byUnit = (items: any[]): Record<string, any> => Object.fromEntries(items.map((item) => [item.unit.id, item]));

/** The numbers of a bulletin, without when and in which version it was published. */
const numbersOf = ({ publishedAt: _publishedAt, version: _version, ...numbers }: any) => numbers;

describe.each<StoreKind>(['pglite', 'postgres'])('plan supervision over HTTP (%s)', (kind) => {
  let app: TestApp;
  let clock: SettableClock;
  let steps: ReturnType<typeof workflow>;
  let tasks: any[];

  beforeAll(async () => {
    clock = new SettableClock('2025-01-10T10:00:00+08:00');
    app = await startTestApp(kind, PLAN_SEEDS, { clock });
    steps = workflow(app);
    tasks = await planTasks(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the plan’s 17 tasks, loaded from seeds/ once, with their lead and responsible units, to every role', async () => {
    expect(tasks.map((task) => task.taskNo)).toEqual(Array.from({ length: 17 }, (_, index) => index + 1));
    const task15 = tasks.find((task) => task.taskNo === 15);
    expect(task15).toMatchObject({
      title: '规范办园行为',
      leadUnits: [{ id: 'county-government', name: '县政府' }],
      responsibleUnits: [{ id: EDUCATION, name: '县教育局' }],
    });
    expect(task15.timeNodes.length).toBeGreaterThan(0);
    for (const role of ['admin', 'supervisor', 'kindergarten', 'department', 'auditor'] as const) {
      const token =
        role === 'kindergarten' ? steps.kindergartenToken('kg-any') : role === 'department' ? departmentToken(app, FINANCE) : app.token(role);
      const reply = await app.call('GET', '/plan-tasks', { token });
      expect({ role, status: reply.status, count: reply.body.items?.length }).toEqual({ role, status: 200, count: 17 });
    }
    expect((await app.call('GET', '/plan-tasks')).status).toBe(401);
    // recorded through the command path, attributed to the seed loader, each unit and task once
    const units = await app.store.listStreams({ category: 'responsibleUnit', limit: 100 });
    expect(units).toHaveLength(20);
    expect(units.every((stream) => stream.version === 1)).toBe(true);
    const [registered] = await app.store.readStream('planTask-15');
    expect(registered?.metadata.actor).toEqual({ sub: 'seed-loader', role: 'admin', name: '初始数据导入' });
  });

  it('takes a monthly report once the month has ended: on time up to the due day, late after it, missing if never sent', async () => {
    const education = departmentToken(app, EDUCATION);
    const finance = departmentToken(app, FINANCE);

    clock.set('2025-03-31T23:50:00+08:00');
    expectProblem(await app.call('POST', '/monthly-reports', { token: education, body: reportBody('2025-03', [1, 15]) }), 422, 'period-not-ended');

    clock.set('2025-04-03T10:00:00+08:00');
    const onTime = await app.call('POST', '/monthly-reports', { token: education, body: unitReportBody(tasks, EDUCATION, '2025-03') });
    expect(onTime.status).toBe(201);
    expect(onTime.headers.get('location')).toBe(`/api/v1/monthly-reports/${EDUCATION}/2025-03`);
    expect(onTime.headers.get('etag')).toBe(`"${onTime.body.version}"`);
    expect(onTime.body).toMatchObject({
      unit: { id: EDUCATION, name: '县教育局' },
      period: '2025-03',
      dueAt: '2025-04-05T23:59:59.999+08:00',
      status: 'on-time',
      late: false,
    });
    expect(onTime.body.items).toEqual(unitReportBody(tasks, EDUCATION, '2025-03').items);
    expect(onTime.body.submittedAt).toMatch(/^2025-04-03T10:00:\d\d\.\d{3}\+08:00$/);

    expectProblem(await app.call('POST', '/monthly-reports', { token: education, body: reportBody('2025-03', [1]) }), 409, 'report-exists');

    const before = byUnit((await app.call('GET', '/monthly-reports?period=2025-03', { token: steps.supervisor })).body.items);
    expect(before[FINANCE]).toMatchObject({ status: 'pending', late: null, submittedAt: null, items: [] });

    clock.set('2025-04-06T00:00:01+08:00');
    const late = await app.call('POST', '/monthly-reports', { token: finance, body: unitReportBody(tasks, FINANCE, '2025-03', 'at-risk') });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ status: 'late', late: true });

    for (const role of ['admin', 'supervisor', 'auditor'] as const) {
      const reply = await app.call('GET', '/monthly-reports?period=2025-03', { token: app.token(role) });
      expect(reply.status).toBe(200);
      const reports = byUnit(reply.body.items);
      expect(Object.keys(reports).sort()).toEqual(reportingUnitIds(tasks));
      expect(reports[RESEARCH_CENTER]).toBeUndefined();
      expect(reports[EDUCATION]).toMatchObject({ status: 'on-time', late: false });
      expect(reports[FINANCE]).toMatchObject({ status: 'late', late: true });
      expect(reports[CIVIL_AFFAIRS]).toMatchObject({ status: 'missing', late: null, submittedAt: null });
      expect(reply.body.items.filter((item: any) => item.status === 'missing')).toHaveLength(reportingUnitIds(tasks).length - 2);
    }

    // a unit's own report at its Location; another unit's is not found for it
    expect((await app.call('GET', `/monthly-reports/${EDUCATION}/2025-03`, { token: education })).body).toEqual(onTime.body);
    expectProblem(await app.call('GET', `/monthly-reports/${EDUCATION}/2025-03`, { token: finance }), 404, 'not-found');

    const events = await app.store.readStream(`monthlyReport-${FINANCE}-2025-03`);
    expect(events.map((event) => [event.type, (event.data as any).late])).toEqual([['MonthlyReportSubmitted', true]]);
  });

  it('refuses malformed reports with 400 and reports on tasks that are not the unit’s with 422, recording nothing', async () => {
    clock.set('2025-05-02T10:00:00+08:00');
    const finance = departmentToken(app, FINANCE);
    const good = reportBody('2025-04', [1]);
    const item = good.items[0]!;
    const malformed: Record<string, unknown> = {
      'a month 13': { ...good, period: '2025-13' },
      'a month without its zero': { ...good, period: '2025-4' },
      'a day': { ...good, period: '2025-04-01' },
      'no items': { ...good, items: [] },
      'items not a list': { ...good, items: item },
      'an unknown field': { ...good, unit: FINANCE },
      'an unknown field in an item': { ...good, items: [{ ...item, remark: 'x' }] },
      'a status outside the enum': { ...good, items: [{ ...item, status: 'late' }] },
      'a blank progress': { ...good, items: [{ ...item, progress: '   ' }] },
      'a progress too long': { ...good, items: [{ ...item, progress: '进'.repeat(2001) }] },
      'a taskNo as text': { ...good, items: [{ ...item, taskNo: '1' }] },
      'a fractional taskNo': { ...good, items: [{ ...item, taskNo: 1.5 }] },
      'a task twice': { ...good, items: [item, { ...item, status: 'done' }] },
      'no period': { items: good.items },
    };
    for (const [what, body] of Object.entries(malformed)) {
      const reply = await app.call('POST', '/monthly-reports', { token: finance, body });
      expect({ what, status: reply.status, code: reply.body?.code }).toEqual({ what, status: 400, code: 'validation-failed' });
    }
    expectProblem(await app.call('POST', '/monthly-reports', { token: finance, body: reportBody('2025-04', [1, 99]) }), 422, 'unknown-task');
    expectProblem(await app.call('POST', '/monthly-reports', { token: finance, body: reportBody('2025-04', [1, 4]) }), 422, 'task-not-assigned');
    expect(await app.store.readStream(`monthlyReport-${FINANCE}-2025-04`)).toEqual([]);

    for (const query of ['', '?period=2025-13', '?period=2025-4', '?period=2025-04&extra=1']) {
      const reply = await app.call('GET', `/monthly-reports${query}`, { token: steps.supervisor });
      expect({ query, status: reply.status, code: reply.body?.code }).toEqual({ query, status: 400, code: 'validation-failed' });
    }
    expectProblem(await app.call('POST', '/monthly-reports', { token: finance, body: good }), 422, 'task-not-reported');
    expect(await app.store.readStream(`monthlyReport-${FINANCE}-2025-04`)).toEqual([]);
    expect((await app.call('POST', '/monthly-reports', { token: finance, body: unitReportBody(tasks, FINANCE, '2025-04') })).status).toBe(201);
  });

  it('lets only the roles of api.md submit, list, publish and open (403 otherwise)', async () => {
    const director = steps.kindergartenToken(freshId('kg'));
    const department = departmentToken(app, EDUCATION);
    const forbidden: Array<[string, string, string, unknown]> = [
      ['kindergarten', 'POST', '/monthly-reports', reportBody('2025-04', [1])],
      ['supervisor', 'POST', '/monthly-reports', reportBody('2025-04', [1])],
      ['kindergarten', 'GET', '/monthly-reports?period=2025-04', undefined],
      ['department', 'POST', '/bulletins', { year: 2025, quarter: 1 }],
      ['admin', 'POST', '/bulletins', { year: 2025, quarter: 1 }],
      ['kindergarten', 'POST', '/annual-assessments', { year: 2025 }],
      ['department', 'POST', '/annual-assessments', { year: 2025 }],
      ['auditor', 'POST', '/annual-assessments', { year: 2025 }],
    ];
    const tokens: Record<string, string> = {
      kindergarten: director,
      department,
      supervisor: steps.supervisor,
      admin: steps.admin,
      auditor: app.token('auditor'),
    };
    for (const [role, method, path, body] of forbidden) {
      const reply = await app.call(method, path, { token: tokens[role], body });
      expect({ role, method, path, status: reply.status, code: reply.body?.code }).toEqual({ role, method, path, status: 403, code: 'forbidden' });
    }
    expect((await app.call('POST', '/monthly-reports', { body: reportBody('2025-04', [1]) })).status).toBe(401);
    expect(await app.store.listStreams({ category: 'bulletin', limit: 10 })).toEqual([]);
    expect(await app.store.listStreams({ category: 'assessment', limit: 10 })).toEqual([]);
  });

  it('publishes a quarter’s bulletin once, only after the quarter has ended, readable by every role', async () => {
    clock.set('2025-06-30T23:59:00+08:00');
    expectProblem(await app.call('POST', '/bulletins', { token: steps.supervisor, body: { year: 2025, quarter: 2 } }), 422, 'period-not-ended');

    clock.set('2025-07-01T09:30:00+08:00');
    expectProblem(await app.call('GET', '/bulletins/2025-Q2', { token: steps.supervisor }), 404, 'not-found');
    const published = await app.call('POST', '/bulletins', { token: steps.supervisor, body: { year: 2025, quarter: 2 } });
    expect(published.status).toBe(201);
    expect(published.headers.get('location')).toBe('/api/v1/bulletins/2025-Q2');
    expect(published.body).toMatchObject({
      id: '2025-Q2',
      year: 2025,
      quarter: 2,
      from: '2025-04-01T00:00:00.000+08:00',
      asOf: '2025-06-30T23:59:59.999+08:00',
    });
    // Q2 counts March, April and May: education reported March on time, finance March late and April on time
    expect(published.body.monthlyReports).toMatchObject({ periods: ['2025-03', '2025-04', '2025-05'], onTime: 2, late: 1 });
    expect(published.body.monthlyReports.missing).toBe(reportingUnitIds(tasks).length * 3 - 3);

    expectProblem(await app.call('POST', '/bulletins', { token: steps.supervisor, body: { year: 2025, quarter: 2 } }), 409, 'bulletin-exists');
    for (const token of [steps.admin, app.token('auditor'), departmentToken(app, FINANCE), steps.kindergartenToken('kg-any')]) {
      const reply = await app.call('GET', '/bulletins/2025-Q2', { token });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual(published.body);
    }
    for (const id of ['2025-Q3', '2025-Q5', '2025-q2', 'latest'])
      expectProblem(await app.call('GET', `/bulletins/${id}`, { token: steps.supervisor }), 404, 'not-found');
    for (const body of [{ year: 2025, quarter: 5 }, { year: 2025 }, { year: '2025', quarter: 1 }, { year: 2025, quarter: 1, extra: true }]) {
      expectProblem(await app.call('POST', '/bulletins', { token: steps.supervisor, body }), 400, 'validation-failed');
    }
  });

  it('opens an annual assessment with one annual inspection per kindergarten, and schedules none twice when repeated', async () => {
    clock.set('2025-03-01T10:00:00+08:00');
    const mine = [await steps.registerKindergarten(), await steps.registerKindergarten(), await steps.registerKindergarten()].map((kg) => kg.id);
    const registered = (await app.call('GET', '/kindergartens?limit=1000', { token: steps.admin })).body.items.map((kg: any) => kg.id).sort();
    const annual = async (year: number): Promise<any[]> =>
      (await app.call('GET', `/inspections?year=${year}&kind=annual&limit=1000`, { token: steps.supervisor })).body.items;

    const first = await app.call('POST', '/annual-assessments', { token: steps.supervisor, body: { year: 2031 } });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe('/api/v1/annual-assessments/2031');
    expect(first.body.scheduled.map((ref: any) => ref.kindergartenId).sort()).toEqual(registered);
    expect(first.body.existing).toEqual([]);
    expect((await annual(2031)).map((inspection) => inspection.kindergartenId).sort()).toEqual(registered);
    for (const id of mine) expect((await annual(2031)).filter((inspection) => inspection.kindergartenId === id)).toHaveLength(1);

    const again = await app.call('POST', '/annual-assessments', { token: steps.supervisor, body: { year: 2031 } });
    expect(again.status).toBe(201);
    expect(again.body.scheduled).toEqual([]);
    expect(again.body.existing.map((ref: any) => ref.kindergartenId).sort()).toEqual(registered);
    expect(await annual(2031)).toHaveLength(registered.length);
    const opened = (await app.store.readStream('assessment-2031')).filter((event) => event.type === 'AnnualAssessmentOpened');
    expect(opened).toHaveLength(1);

    // a kindergarten registered since then is the only one a third run schedules
    const newcomer = (await steps.registerKindergarten()).id;
    const third = await app.call('POST', '/annual-assessments', { token: steps.supervisor, body: { year: 2031 } });
    expect(third.body.scheduled.map((ref: any) => ref.kindergartenId)).toEqual([newcomer]);
    expect(await annual(2031)).toHaveLength(registered.length + 1);

    const assessment = await app.call('GET', '/annual-assessments/2031', { token: app.token('auditor') });
    expect(assessment.body).toMatchObject({ year: 2031, openedAt: expect.stringMatching(/^2025-03-01T10:00:\d\d\.\d{3}\+08:00$/) });
    expectProblem(await app.call('GET', '/annual-assessments/2039', { token: steps.supervisor }), 404, 'not-found');
    expectProblem(await app.call('POST', '/annual-assessments', { token: steps.supervisor, body: { year: 1999 } }), 400, 'validation-failed');
  });

  it('schedules exactly one set of annual inspections under two concurrent requests', async () => {
    await steps.registerKindergarten();
    await steps.registerKindergarten();
    const registered = (await app.call('GET', '/kindergartens?limit=1000', { token: steps.admin })).body.items.map((kg: any) => kg.id).sort();
    const replies = await Promise.all([1, 2].map(() => app.call('POST', '/annual-assessments', { token: steps.supervisor, body: { year: 2032 } })));
    expect(replies.map((reply) => reply.status)).toEqual([201, 201]);
    const scheduled = replies.flatMap((reply) => reply.body.scheduled.map((ref: any) => ref.kindergartenId)).sort();
    expect(scheduled).toEqual(registered);
    const inspections = (await app.call('GET', '/inspections?year=2032&kind=annual&limit=1000', { token: steps.supervisor })).body.items;
    expect(inspections.map((inspection: any) => inspection.kindergartenId).sort()).toEqual(registered);
    const streams = await app.store.listStreams({ category: 'inspection', limit: 1000 });
    expect(streams.filter((stream) => stream.streamId.startsWith('inspection-annual-2032-')).map((stream) => stream.version)).toEqual(
      registered.map(() => 1),
    );
    expect((await app.store.readStream('assessment-2032')).map((event) => event.type)).toEqual(['AnnualAssessmentOpened']);
  });

  it('documents every plan-supervision path of api.md in /docs-json, with its body and error codes', async () => {
    const document = (await app.call('GET', `${app.url.replace(/\/api\/v1$/, '')}/docs-json`)).body;
    const operations: Record<string, string> = {
      'get /api/v1/plan-tasks': '',
      'get /api/v1/monthly-reports': '',
      'get /api/v1/bulletins/{id}': '',
    };
    for (const key of Object.keys(operations)) {
      const [method, path] = key.split(' ') as [string, string];
      expect({ key, documented: Boolean(document.paths[path]?.[method]) }).toEqual({ key, documented: true });
    }
    const commands: Record<string, { body: string[]; problems: Record<string, string[]> }> = {
      'post /api/v1/monthly-reports': {
        // `evidence`: the engine's addition (README, "Additions to the contract"), optional
        body: ['period', 'items', 'evidence'],
        problems: { '409': ['report-exists'], '422': ['period-not-ended', 'unknown-task'] },
      },
      'post /api/v1/bulletins': { body: ['year', 'quarter'], problems: { '409': ['bulletin-exists'], '422': ['period-not-ended'] } },
      'post /api/v1/annual-assessments': { body: ['year'], problems: {} },
    };
    for (const [key, { body, problems }] of Object.entries(commands)) {
      const [method, path] = key.split(' ') as [string, string];
      const operation = document.paths[path]?.[method];
      expect({ key, documented: Boolean(operation) }).toEqual({ key, documented: true });
      const schema = document.components.schemas[(operation.requestBody.content['application/json'].schema.$ref as string).split('/').pop()!];
      expect({ key, fields: Object.keys(schema.properties).sort() }).toEqual({ key, fields: [...body].sort() });
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '413']));
      expect(operation.parameters.map((parameter: { name: string }) => parameter.name)).toContain('Idempotency-Key');
      for (const [status, codes] of Object.entries(problems))
        for (const code of codes) expect(operation.responses[status].description).toContain(`\`${code}\``);
    }
  });
});

/** The same first quarter in any store: seeds on 10 January, then inspections, a notice and two monthly reports. */
const firstQuarter = async (app: TestApp, clock: SettableClock) => {
  const steps = workflow(app);
  const tasks = await planTasks(app);
  clock.set('2025-02-03T10:00:00+08:00');
  await steps.registerKindergarten({ id: 'kg-failed' });
  await steps.registerKindergarten({ id: 'kg-passed' });
  await steps.registerKindergarten({ id: 'kg-pending' });
  const failed = await steps.inspection('kg-failed', 'annual', 2025);
  await steps.finding(failed.id, 'S-01');
  await steps.conclude(failed.id, 'failed', '存在安全隐患');
  const notice = await app.call('POST', '/rectifications', {
    token: steps.supervisor,
    body: {
      kindergartenId: 'kg-failed',
      inspectionId: failed.id,
      findingCodes: ['S-01'],
      deadline: { dueAt: '2025-03-20T23:59:59+08:00' },
      publish: true,
    },
  });
  expect(notice.status).toBe(201);
  const passed = await steps.inspection('kg-passed', 'quality', 2025);
  await steps.conclude(passed.id, 'passed', '保教质量良好');
  const pending = await steps.inspection('kg-pending', 'safety', 2025);
  expect(
    (await app.call('POST', '/monthly-reports', { token: departmentToken(app, EDUCATION), body: unitReportBody(tasks, EDUCATION, '2025-01') }))
      .status,
  ).toBe(201);
  clock.set('2025-03-08T10:00:00+08:00');
  expect(
    (await app.call('POST', '/monthly-reports', { token: departmentToken(app, FINANCE), body: unitReportBody(tasks, FINANCE, '2025-02') })).status,
  ).toBe(201);
  return { steps, notice: notice.body, pending };
};

describe('a quarterly bulletin published late (pglite)', () => {
  const apps: TestApp[] = [];

  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('has the same numbers as the one published on time, whatever happened after the quarter’s end', async () => {
    const onTimeClock = new SettableClock('2025-01-10T10:00:00+08:00');
    const onTimeApp = await startTestApp('pglite', PLAN_SEEDS, { clock: onTimeClock });
    apps.push(onTimeApp);
    const lateClock = new SettableClock('2025-01-10T10:00:00+08:00');
    const lateApp = await startTestApp('pglite', PLAN_SEEDS, { clock: lateClock });
    apps.push(lateApp);

    await firstQuarter(onTimeApp, onTimeClock);
    onTimeClock.set('2025-04-01T10:00:00+08:00');
    const onTime = await onTimeApp.call('POST', '/bulletins', { token: workflow(onTimeApp).supervisor, body: { year: 2025, quarter: 1 } });
    expect(onTime.status).toBe(201);
    const reporting = reportingUnitIds(await planTasks(onTimeApp)).length;
    expect(onTime.body).toMatchObject({
      inspections: { passed: 1, failed: 1, pending: 1 },
      notices: { issued: 1, published: 1 },
      cases: { open: 1, overdue: 1, closed: 0, failed: 0 },
      suspensions: { inForce: 0, kindergartenIds: [] },
      // December ended before the units were registered: January and February are expected of every reporting unit
      monthlyReports: { periods: ['2024-12', '2025-01', '2025-02'], onTime: 1, late: 1, missing: reporting * 2 - 2 },
    });

    const { steps, notice, pending } = await firstQuarter(lateApp, lateClock);
    // after the quarter's end: an inspection concluded, a late report, the notice acknowledged, another notice issued
    lateClock.set('2025-04-02T10:00:00+08:00');
    await steps.conclude(pending.id, 'passed', '无隐患');
    expect(
      (
        await lateApp.call('POST', '/monthly-reports', {
          token: departmentToken(lateApp, CIVIL_AFFAIRS),
          body: unitReportBody(await planTasks(lateApp), CIVIL_AFFAIRS, '2025-02'),
        })
      ).status,
    ).toBe(201);
    expect((await lateApp.call('POST', `/rectifications/${notice.id}/acknowledgement`, { token: steps.kindergartenToken('kg-failed') })).status).toBe(
      200,
    );
    await steps.issuedCase({ deadline: { dueAt: '2025-04-30T23:59:59+08:00' } });
    lateClock.set('2025-05-20T15:00:00+08:00');
    const late = await lateApp.call('POST', '/bulletins', { token: steps.supervisor, body: { year: 2025, quarter: 1 } });
    expect(late.status).toBe(201);
    expect(late.body.publishedAt).toMatch(/^2025-05-20T15:00/);

    expect(numbersOf(late.body)).toEqual(numbersOf(onTime.body));
    // and the second quarter does see what happened in it
    lateClock.set('2025-07-01T10:00:00+08:00');
    const q2 = await lateApp.call('POST', '/bulletins', { token: steps.supervisor, body: { year: 2025, quarter: 2 } });
    expect(q2.body).toMatchObject({ inspections: { passed: 1, failed: 1 }, notices: { issued: 1 } });
  });
});

describe('the plan’s seeds on restart (postgres)', () => {
  const apps: TestApp[] = [];

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  it('records each unit and task once, however often the engine starts, even two at once', async () => {
    const first = await startTestApp('postgres', PLAN_SEEDS);
    apps.push(first);
    await planTasks(first);
    const schema = first.settings.DATABASE_SCHEMA;
    await first.stop();
    // two engines starting together on the same store, then a third
    const [second, third] = await Promise.all([1, 2].map(() => startTestApp('postgres', { ...PLAN_SEEDS, DATABASE_SCHEMA: schema })));
    apps.push(second!, third!);
    const fourth = await startTestApp('postgres', { ...PLAN_SEEDS, DATABASE_SCHEMA: schema });
    apps.push(fourth);
    expect(await planTasks(fourth)).toHaveLength(17);
    const streams = [
      ...(await fourth.store.listStreams({ category: 'responsibleUnit', limit: 100 })),
      ...(await fourth.store.listStreams({ category: 'planTask', limit: 100 })),
    ];
    expect(streams).toHaveLength(37);
    expect(streams.filter((stream) => stream.version !== 1)).toEqual([]);
  });
});
