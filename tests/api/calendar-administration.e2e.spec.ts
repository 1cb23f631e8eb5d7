import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { ShiftedClock } from '@app/config';
import { WorkingDayCalendar } from '@app/calendar/domain';
import { WorkerAppModule } from '../../apps/worker/src/worker-app.module.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';
import { workflow } from '../support/workflow.js';

// Thursday 24 December 2026, 10:00 in Shanghai: a 10-working-day deadline runs into 2027, which the package lacks
const CHRISTMAS_EVE = new Date('2026-12-24T02:00:00Z');
const Y2027 = {
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
    '2027-02-13',
  ],
  makeUpWorkdays: ['2027-02-14'],
  source: '国办发明电〔2026〕7号',
};
// 25, 28, 29, 30, 31 December; 4, 5, 6, 7, 8 January
const DUE_2027 = { dueDate: '2027-01-08', dueAt: '2027-01-08T23:59:59.999+08:00' };

describe.each(['pglite', 'postgres'] as const)('calendar administration over HTTP (%s)', (kind) => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  let admin: string;
  // replicas on the same store close before it; a stopped first instance after its successor (which holds its folder)
  const replicas: TestApp[] = [];
  const retired: TestApp[] = [];
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    app = await startTestApp(kind, {}, { clock: new ShiftedClock(CHRISTMAS_EVE) });
    steps = workflow(app);
    admin = app.token('admin', { sub: 'admin-li' });
    // on PostgreSQL a worker runs beside the API, as in production: it must follow what the API publishes
    if (kind === 'postgres') worker = await NestFactory.createApplicationContext(WorkerAppModule.register({ ...app.settings }), { logger: false });
  });

  afterAll(async () => {
    await worker?.close();
    for (const replica of replicas) await replica.close();
    await app?.close();
    for (const first of retired) await first.close();
  });

  const deadline = (on: TestApp) => on.call('GET', '/calendar/deadline?from=2026-12-24&workingDays=10', { token: on.token('supervisor') });

  it('refuses what is not a sound year, or not the admin’s to publish, and writes nothing', async () => {
    const put = (body: unknown, token = admin, year = '2027') => app.call('PUT', `/calendar/${year}`, { token, body });
    const refused = async (reply: Promise<{ status: number; body: any }>, status: number, code: string) => {
      const answer = await reply;
      expect([answer.status, answer.body.code]).toEqual([status, code]);
    };
    await refused(put(Y2027, steps.supervisor), 403, 'forbidden');
    await refused(put({ ...Y2027, holidays: [...Y2027.holidays, '2027-02-30'] }), 400, 'validation-failed');
    await refused(put({ ...Y2027, source: undefined }), 400, 'validation-failed');
    await refused(put(Y2027, admin, 'next'), 400, 'validation-failed');
    await refused(put({ ...Y2027, holidays: [...Y2027.holidays, '2028-01-01'] }), 422, 'invalid-calendar');
    await refused(put({ ...Y2027, makeUpWorkdays: ['2027-02-06'] }), 422, 'invalid-calendar');
    await refused(put({ ...Y2027, makeUpWorkdays: ['2027-02-15'] }), 422, 'invalid-calendar');
    await refused(put({ ...Y2027, holidays: [...Y2027.holidays, '2027-05-01', '2027-05-02'] }), 422, 'invalid-calendar');
    // the package has 2026
    await refused(put({ holidays: ['2026-01-01'], makeUpWorkdays: [], source: '更正' }, admin, '2026'), 409, 'calendar-year-exists');
    expect(await app.store.readStream('calendar-2027')).toEqual([]);
    expect(await app.store.readStream('calendar-2026')).toEqual([]);
    expect((await deadline(app)).body.code).toBe('calendar-unavailable');
  });

  it('puts a published year in force at once in the API and the worker, survives a restart, and leaves issued deadlines where they were', async () => {
    const before = await deadline(app);
    expect([before.status, before.body.code]).toEqual([422, 'calendar-unavailable']);

    const published = await app.call('PUT', '/calendar/2027', { token: admin, body: Y2027 });
    expect(published.status).toBe(200);
    expect(published.body).toEqual({ year: 2027, holidays: Y2027.holidays, makeUpWorkdays: Y2027.makeUpWorkdays });
    expect(published.headers.get('etag')).toBe('"1"');
    expect((await app.call('GET', '/calendar/2027', { token: steps.supervisor })).body).toEqual(published.body);

    // the API counts into 2027 at once, for the preview and for a notice
    expect((await deadline(app)).body).toEqual(DUE_2027);
    const { kindergarten, inspection } = await steps.failedInspection(['S-01']);
    const issued = await app.call('POST', '/rectifications', {
      token: steps.supervisor,
      body: { kindergartenId: kindergarten.id, inspectionId: inspection.id, findingCodes: ['S-01'], deadline: { workingDays: 10 }, publish: false },
    });
    expect([issued.status, issued.body.dueAt]).toEqual([201, DUE_2027.dueAt]);

    // the worker, started before the publication, counts into 2027 too, without a restart
    if (worker) {
      const calendar = worker.get(WorkingDayCalendar);
      await waitUntil(
        () => {
          try {
            return calendar.deadline('2026-12-24', 10).dueAt === DUE_2027.dueAt;
          } catch {
            return false;
          }
        },
        { what: 'the worker to count into 2027' },
      );
    }

    // a replacement needs replace: true; with it, new deadlines follow it and the issued one stays
    const again = await app.call('PUT', '/calendar/2027', { token: admin, body: Y2027 });
    expect([again.status, again.body.code]).toEqual([409, 'calendar-year-exists']);
    const corrected = { ...Y2027, holidays: [...Y2027.holidays, '2027-01-04'].sort(), source: '国办发明电〔2026〕8号', replace: true };
    const replaced = await app.call('PUT', '/calendar/2027', { token: admin, body: corrected });
    expect([replaced.status, replaced.headers.get('etag')]).toEqual([200, '"2"']);
    expect((await deadline(app)).body).toEqual({ dueDate: '2027-01-11', dueAt: '2027-01-11T23:59:59.999+08:00' });
    expect((await app.call('GET', `/rectifications/${issued.body.id}`, { token: steps.supervisor })).body.dueAt).toBe(DUE_2027.dueAt);
    if (worker) {
      const calendar = worker.get(WorkingDayCalendar);
      await waitUntil(() => calendar.deadline('2026-12-24', 10).dueDate === '2027-01-11', { what: 'the worker to follow the replacement' });
    }

    // in the audit record, with its sentence
    const auditor = app.token('auditor');
    const streams = await app.call('GET', '/audit/streams?type=calendar', { token: auditor });
    expect(streams.body.items).toContainEqual({ streamId: 'calendar-2027', version: 2 });
    const timeline = await app.call('GET', '/audit/streams/calendar-2027/timeline', { token: auditor });
    expect(timeline.body.steps.map((step: { sentence: string }) => step.sentence)).toEqual([
      '发布2027年工作日历（国办发明电〔2026〕7号）：放假11天，调休上班1天',
      '更正2027年工作日历（国办发明电〔2026〕8号）：放假12天，调休上班1天',
    ]);

    // a process started afterwards has it from the record
    if (kind === 'postgres') {
      const replica = await startTestApp(kind, { DATABASE_SCHEMA: app.settings.DATABASE_SCHEMA }, { clock: new ShiftedClock(CHRISTMAS_EVE) });
      replicas.push(replica);
      expect((await deadline(replica)).body).toEqual({ dueDate: '2027-01-11', dueAt: '2027-01-11T23:59:59.999+08:00' });
    } else {
      const first = app;
      await first.stop();
      retired.push(first);
      app = await startTestApp(kind, { DATA_DIR: first.settings.DATA_DIR }, { clock: new ShiftedClock(CHRISTMAS_EVE) });
      expect((await deadline(app)).body).toEqual({ dueDate: '2027-01-11', dueAt: '2027-01-11T23:59:59.999+08:00' });
    }
  });
  it('of two concurrent first publications of a year, one is recorded and the other is 409 calendar-year-exists', async () => {
    const year = { holidays: ['2030-01-01'], makeUpWorkdays: [], source: '国办发明电〔2029〕1号' };
    const replies = await Promise.all([1, 2].map(() => app.call('PUT', '/calendar/2030', { token: admin, body: year })));
    expect(replies.map((reply) => [reply.status, reply.body.code]).sort()).toEqual([
      [200, undefined],
      [409, 'calendar-year-exists'],
    ]);
    expect((await app.store.readStream('calendar-2030')).map((event) => event.type)).toEqual(['CalendarYearPublished']);
  });
});
