import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdjustableClock } from '../support/reminders.js';
import { freshId, startTestApp, type Reply, type StoreKind, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

// Monday 3 March 2025, 10:00 in Shanghai; tests move the clock forward where a deadline must pass.
const START = Date.parse('2025-03-03T10:00:00.000+08:00');
const DAY = 24 * 3_600_000;
const DOCUMENT_NO = /^清教督改〔2025〕\d+号$/;

const expectProblem = (reply: Reply, status: number, code: string): void => {
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
  expect(reply.headers.get('content-type')).toContain('application/problem+json');
};

describe.each<StoreKind>(['pglite', 'postgres'])('inspection corrections and rectification cases v1.1 over HTTP (%s)', (kind) => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;
  const clock = new AdjustableClock();

  beforeAll(async () => {
    clock.offsetMs = START - Date.now();
    app = await startTestApp(kind, {}, { clock });
    steps = workflow(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  /** The stream's event types; a refusal must leave it as it was. */
  const typesIn = async (streamId: string): Promise<string[]> => (await app.store.readStream(streamId)).map((event) => event.type);
  const post = (path: string, body?: object, token = steps.supervisor) => app.call('POST', path, { token, body });

  describe('inspections', () => {
    it('schedules only within its year, and concludes not before its day', async () => {
      const kindergarten = await steps.registerKindergarten();
      const outside = await post('/inspections', { kindergartenId: kindergarten.id, kind: 'safety', year: 2025, scheduledOn: '2026-01-05' });
      expectProblem(outside, 422, 'scheduled-outside-year');
      expect((await app.call('GET', `/inspections?kindergartenId=${kindergarten.id}`, { token: steps.supervisor })).body.items).toEqual([]);

      const inspection = await post('/inspections', { kindergartenId: kindergarten.id, kind: 'safety', year: 2025, scheduledOn: '2025-03-10' });
      expect(inspection.status).toBe(201);
      const id = inspection.body.id as string;
      expectProblem(await post(`/inspections/${id}/conclusion`, { outcome: 'passed', summary: '合格' }), 422, 'conclusion-before-scheduled');
      expectProblem(await post(`/inspections/${id}/schedule`, { scheduledOn: '2024-12-30', reason: '提前' }), 422, 'scheduled-outside-year');
      expect(await typesIn(`inspection-${id}`)).toEqual(['InspectionScheduled']);

      const moved = await post(`/inspections/${id}/schedule`, { scheduledOn: '2025-03-03', reason: '园方活动冲突，提前检查' });
      expect(moved).toMatchObject({ status: 200, body: { scheduledOn: '2025-03-03', status: 'scheduled', version: 2 } });
      expect(moved.headers.get('etag')).toBe('"2"');
      const concluded = await post(`/inspections/${id}/conclusion`, { outcome: 'passed', summary: '合格' });
      expect(concluded).toMatchObject({ status: 200, body: { status: 'concluded', outcome: 'passed' } });
      expectProblem(await post(`/inspections/${id}/schedule`, { scheduledOn: '2025-03-20', reason: '改期' }), 409, 'inspection-concluded');
      expectProblem(await post(`/inspections/${id}/cancellation`, { reason: '取消' }), 409, 'inspection-concluded');
      expect(await typesIn(`inspection-${id}`)).toEqual(['InspectionScheduled', 'InspectionRescheduled', 'InspectionConcluded']);
    });

    it('cancels: final, shown as cancelled, and a cancelled annual inspection still holds its year', async () => {
      const kindergarten = await steps.registerKindergarten();
      const annual = await steps.inspection(kindergarten.id, 'annual', 2025);
      const cancelled = await post(`/inspections/${annual.id}/cancellation`, { reason: '重复安排' });
      expect(cancelled).toMatchObject({
        status: 200,
        body: { status: 'cancelled', cancellation: { reason: '重复安排', cancelledAt: expect.stringMatching(/\+08:00$/) }, outcome: null },
      });
      expectProblem(await post(`/inspections/${annual.id}/cancellation`, { reason: '再取消' }), 409, 'invalid-transition');
      expectProblem(
        await post(`/inspections/${annual.id}/findings`, { code: 'S-01', description: '问题', severity: 'minor' }),
        409,
        'invalid-transition',
      );
      expectProblem(await post(`/inspections/${annual.id}/conclusion`, { outcome: 'passed', summary: '合格' }), 409, 'invalid-transition');
      const again = await post('/inspections', { kindergartenId: kindergarten.id, kind: 'annual', year: 2025, scheduledOn: '2025-03-03' });
      expectProblem(again, 409, 'annual-inspection-exists');
      expect(await typesIn(`inspection-${annual.id}`)).toEqual(['InspectionScheduled', 'InspectionCancelled']);

      const listed = await app.call('GET', `/inspections?kindergartenId=${kindergarten.id}&status=cancelled`, { token: steps.supervisor });
      expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([annual.id]);
      const scheduledOnly = await app.call('GET', `/inspections?kindergartenId=${kindergarten.id}&status=scheduled`, { token: steps.supervisor });
      expect(scheduledOnly.body.items).toEqual([]);
    });

    it('amends and withdraws findings before the conclusion; a withdrawn code cannot be cited, recorded again or fail the inspection', async () => {
      const kindergarten = await steps.registerKindergarten();
      const inspection = await steps.inspection(kindergarten.id, 'safety', 2025);
      const id = inspection.id as string;
      await steps.finding(id, 'S-01', '消防通道堆放杂物');
      await steps.finding(id, 'S-02', '晨检记录不全');

      const amended = await app.call('PUT', `/inspections/${id}/findings/S-01`, {
        token: steps.supervisor,
        body: { description: '消防通道堆放杂物，影响疏散', severity: 'critical' },
      });
      expect(amended).toMatchObject({
        status: 200,
        body: { findings: [{ code: 'S-01', description: '消防通道堆放杂物，影响疏散', severity: 'critical' }, { code: 'S-02' }] },
      });
      expectProblem(
        await app.call('PUT', `/inspections/${id}/findings/S-99`, { token: steps.supervisor, body: { description: '无', severity: 'minor' } }),
        404,
        'not-found',
      );

      const withdrawn = await post(`/inspections/${id}/findings/S-02/withdrawal`, { reason: '核实后不属实' });
      expect(withdrawn).toMatchObject({
        status: 200,
        body: {
          findings: [{ code: 'S-01' }],
          withdrawnFindings: [
            { code: 'S-02', description: '晨检记录不全', severity: 'major', reason: '核实后不属实', withdrawnAt: expect.any(String) },
          ],
        },
      });
      expectProblem(await post(`/inspections/${id}/findings/S-02/withdrawal`, { reason: '再撤' }), 404, 'not-found');
      expectProblem(await post(`/inspections/${id}/findings`, { code: 'S-02', description: '重新记录', severity: 'minor' }), 409, 'finding-exists');

      await steps.conclude(id, 'failed', '存在安全隐患');
      expectProblem(
        await app.call('PUT', `/inspections/${id}/findings/S-01`, { token: steps.supervisor, body: { description: '改', severity: 'minor' } }),
        409,
        'inspection-concluded',
      );
      expectProblem(await post(`/inspections/${id}/findings/S-01/withdrawal`, { reason: '撤' }), 409, 'inspection-concluded');
      const cite = { kindergartenId: kindergarten.id, inspectionId: id, deadline: { workingDays: 10 }, publish: false };
      expectProblem(await post('/rectifications', { ...cite, findingCodes: ['S-01', 'S-02'] }), 422, 'unknown-finding');
      expect(await typesIn(`rectification-rc-${id}`)).toEqual([]);
      expect(await typesIn(`inspection-${id}`)).toEqual([
        'InspectionScheduled',
        'FindingRecorded',
        'FindingRecorded',
        'FindingAmended',
        'FindingWithdrawn',
        'InspectionConcluded',
      ]);

      // the only finding withdrawn: the inspection cannot fail
      const other = await steps.inspection(kindergarten.id, 'quality', 2025);
      await steps.finding(other.id, 'Q-01');
      await post(`/inspections/${other.id}/findings/Q-01/withdrawal`, { reason: '不属实' });
      expectProblem(await post(`/inspections/${other.id}/conclusion`, { outcome: 'failed', summary: '不合格' }), 422, 'failed-without-findings');
    });

    it('lists by the kindergarten’s township', async () => {
      // a township no other test here uses; the filter takes it as the register keeps it
      const there = await steps.registerKindergarten({ township: '五良太乡' });
      const township = there.township as string;
      const elsewhere = await steps.registerKindergarten();
      const inspection = await steps.inspection(there.id, 'safety', 2025);
      await steps.inspection(elsewhere.id, 'safety', 2025);
      const listed = await app.call('GET', `/inspections?township=${encodeURIComponent(township)}`, { token: steps.supervisor });
      expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([inspection.id]);
      const director = steps.kindergartenToken(elsewhere.id);
      expect((await app.call('GET', `/inspections?township=${encodeURIComponent(township)}`, { token: director })).body.items).toEqual([]);
    });
  });

  describe('rectification cases', () => {
    it('numbers each notice and shows the number on the case, the timeline, the inbox and the public board', async () => {
      const { notice, director } = await steps.issuedCase({ publish: true });
      expect(notice.documentNo).toMatch(DOCUMENT_NO);
      const n = Number(/〔2025〕(\d+)号/.exec(notice.documentNo)![1]);
      const register = await app.store.readStream('documentNo-2025');
      expect(register.find((event) => event.data && (event.data as { rectificationId: string }).rectificationId === notice.id)).toMatchObject({
        version: n,
        type: 'DocumentNumberAssigned',
        data: { year: 2025, n, documentNo: notice.documentNo },
      });
      expect((await app.call('GET', `/rectifications/${notice.id}`, { token: director })).body.documentNo).toBe(notice.documentNo);

      const auditor = app.token('auditor', { sub: 'auditor-zhao' });
      const timeline = await app.call('GET', `/audit/streams/rectification-${notice.id}/timeline`, { token: auditor });
      expect(timeline.body.steps[0].sentence).toContain(`【${notice.documentNo}】下发限期整改通知`);
      const registerTimeline = await app.call('GET', '/audit/streams/documentNo-2025/timeline', { token: auditor });
      expect(registerTimeline.body.steps.map((step: { sentence: string }) => step.sentence)).toContain(
        `编发文号${notice.documentNo}（整改事项 ${notice.id}）`,
      );

      const board = await app.call('GET', '/public/notices');
      expect(board.body.notices.find((item: { id: string }) => item.id === notice.id)).toMatchObject({
        documentNo: notice.documentNo,
        withdrawal: null,
      });
    });

    it('a refused notice takes no number: the next notice gets the next one', async () => {
      const first = await steps.issuedCase();
      const refused = await post('/rectifications', {
        kindergartenId: first.kindergarten.id,
        inspectionId: first.inspection.id,
        findingCodes: first.codes,
        deadline: { workingDays: 5 },
        publish: false,
      });
      expectProblem(refused, 409, 'rectification-exists');
      const second = await steps.issuedCase();
      const number = (documentNo: string): number => Number(/〔2025〕(\d+)号/.exec(documentNo)![1]);
      expect(number(second.notice.documentNo)).toBe(number(first.notice.documentNo) + 1);
    });

    it('records a follow-up only when the report is submitted or the case is overdue, checked before the inspection', async () => {
      const { notice, director, kindergarten, codes } = await steps.issuedCase();
      const id = notice.id as string;
      expectProblem(await post(`/rectifications/${id}/follow-up`, { inspectionId: freshId('none') }), 409, 'follow-up-too-early');
      await post(`/rectifications/${id}/acknowledgement`, undefined, director);
      const followUp = await steps.inspection(kindergarten.id, 'follow-up', 2025);
      await steps.conclude(followUp.id, 'passed', '复查合格');
      expectProblem(await post(`/rectifications/${id}/follow-up`, { inspectionId: followUp.id }), 409, 'follow-up-too-early');
      expect(await typesIn(`rectification-${id}`)).toEqual(['RectificationNoticeIssued', 'NoticeAcknowledged']);
      await post(`/rectifications/${id}/reports`, steps.report(codes), director);
      expect(await post(`/rectifications/${id}/follow-up`, { inspectionId: followUp.id })).toMatchObject({ status: 200, body: { status: 'closed' } });
    });

    it('an overdue case gets a new deadline; a return after the deadline must carry one', async () => {
      const dueAt = new Date(clock.now().getTime() + DAY).toISOString();
      const { notice, director, codes } = await steps.issuedCase({ deadline: { dueAt } });
      const id = notice.id as string;
      await post(`/rectifications/${id}/acknowledgement`, undefined, director);
      await post(`/rectifications/${id}/reports`, steps.report(codes), director);

      clock.offsetMs += 2 * DAY;
      try {
        const plainReturn = await post(`/rectifications/${id}/review`, { decision: 'return', comment: '请补充照片' });
        expectProblem(plainReturn, 422, 'deadline-required');
        const newDue = new Date(clock.now().getTime() + 10 * DAY).toISOString();
        const returned = await post(`/rectifications/${id}/review`, { decision: 'return', comment: '请补充照片', deadline: { dueAt: newDue } });
        expect(returned).toMatchObject({
          status: 200,
          body: { status: 'returned', overdue: false, deadlineReset: { previousDueAt: notice.dueAt, reason: '请补充照片' } },
        });
        expect(Date.parse(returned.body.dueAt)).toBe(Date.parse(newDue));
        expect((await typesIn(`rectification-${id}`)).slice(-2)).toEqual(['RectificationReportReturned', 'DeadlineReset']);

        // past the new deadline too: a supervisor sets another
        clock.offsetMs += 11 * DAY;
        const late = await post(`/rectifications/${id}/deadline`, { deadline: { dueAt: '2025-01-01T00:00:00+08:00' }, reason: '过去' });
        expectProblem(late, 422, 'deadline-in-past');
        const reset = await post(`/rectifications/${id}/deadline`, { deadline: { workingDays: 5 }, reason: '重新限期整改' });
        expect(reset).toMatchObject({ status: 200, body: { status: 'returned', overdue: false, deadline: { workingDays: 5 } } });
        expect(reset.body.deadlineReset).toMatchObject({ reason: '重新限期整改', dueAt: reset.body.dueAt });

        await post(`/rectifications/${id}/reports`, steps.report(codes), director);
        expectProblem(await post(`/rectifications/${id}/deadline`, { deadline: { workingDays: 5 }, reason: '再' }), 409, 'invalid-transition');
        const accepted = await post(`/rectifications/${id}/review`, { decision: 'accept', comment: '通过' });
        expect(accepted.body.status).toBe('closed');
      } finally {
        clock.offsetMs = START - Date.now();
      }
    });

    it('publishes a notice issued unpublished, once', async () => {
      const { notice } = await steps.issuedCase({ publish: false });
      const id = notice.id as string;
      const hidden = await app.call('GET', '/public/notices');
      expect(hidden.body.notices.map((item: { id: string }) => item.id)).not.toContain(id);
      expectProblem(
        await app.call('POST', `/rectifications/${id}/publication`, { token: steps.supervisor, body: { x: 1 } }),
        400,
        'validation-failed',
      );
      const published = await post(`/rectifications/${id}/publication`);
      expect(published).toMatchObject({ status: 200, body: { publish: true, publishedAt: expect.stringMatching(/\+08:00$/), version: 2 } });
      expectProblem(await post(`/rectifications/${id}/publication`), 409, 'already-published');
      const shown = await app.call('GET', '/public/notices');
      expect(shown.body.notices.map((item: { id: string }) => item.id)).toContain(id);
      expect(await typesIn(`rectification-${id}`)).toEqual(['RectificationNoticeIssued', 'NoticePublished']);
    });

    it('withdraws a notice: final, and on the public board marked 已撤销 with the reason', async () => {
      const { notice, director } = await steps.issuedCase({ publish: true });
      const id = notice.id as string;
      const withdrawn = await post(`/rectifications/${id}/withdrawal`, { reason: '检查结论有误，撤销本通知' });
      expect(withdrawn).toMatchObject({
        status: 200,
        body: { status: 'withdrawn', overdue: false, withdrawal: { reason: '检查结论有误，撤销本通知', withdrawnAt: expect.any(String) } },
      });
      expectProblem(await post(`/rectifications/${id}/withdrawal`, { reason: '再撤' }), 409, 'invalid-transition');
      expectProblem(await post(`/rectifications/${id}/acknowledgement`, undefined, director), 409, 'invalid-transition');
      expectProblem(await post(`/rectifications/${id}/deadline`, { deadline: { workingDays: 3 }, reason: '新期限' }), 409, 'invalid-transition');
      const board = await app.call('GET', '/public/notices');
      expect(board.body.notices.find((item: { id: string }) => item.id === id)).toMatchObject({
        status: 'withdrawn',
        documentNo: notice.documentNo,
        withdrawal: { label: '已撤销', reason: '检查结论有误，撤销本通知' },
      });
      const kindergarten = await app.call('GET', `/kindergartens/${notice.kindergartenId}`, { token: steps.supervisor });
      expect(kindergarten.body.openRectifications).toBe(0);
    });

    it('lists newest first, by open status, township, days of issue and text', async () => {
      const older = await steps.issuedCase();
      const kindergarten = await steps.registerKindergarten({ township: '韭菜庄乡', name: `筛选幼儿园${freshId('n')}` });
      const township = kindergarten.township as string;
      const inspection = await steps.inspection(kindergarten.id, 'annual', 2025);
      await steps.finding(inspection.id, 'S-01');
      await steps.conclude(inspection.id, 'failed', '不合格');
      const newer = await post('/rectifications', {
        kindergartenId: kindergarten.id,
        inspectionId: inspection.id,
        findingCodes: ['S-01'],
        deadline: { workingDays: 10 },
        publish: false,
      });
      expect(newer.status).toBe(201);

      const list = async (query: string): Promise<string[]> => {
        const reply = await app.call('GET', `/rectifications?${query}`, { token: steps.supervisor });
        expect(reply.status).toBe(200);
        return reply.body.items.map((item: { id: string }) => item.id);
      };
      const all = await list('limit=1000');
      expect(all.indexOf(newer.body.id)).toBeLessThan(all.indexOf(older.notice.id));
      expect(await list(`township=${encodeURIComponent(township)}`)).toEqual([newer.body.id]);
      expect(await list(`q=${encodeURIComponent(kindergarten.name)}`)).toEqual([newer.body.id]);
      expect(await list(`q=${encodeURIComponent(newer.body.documentNo)}`)).toEqual([newer.body.id]);
      expect(await list(`status=open&township=${encodeURIComponent(township)}`)).toEqual([newer.body.id]);
      expect(await list(`status=closed&township=${encodeURIComponent(township)}`)).toEqual([]);
      expect(await list(`from=2025-03-03&to=2025-03-03&township=${encodeURIComponent(township)}`)).toEqual([newer.body.id]);
      expect(await list(`from=2025-03-04&township=${encodeURIComponent(township)}`)).toEqual([]);
      expect(await list(`to=2025-03-02&township=${encodeURIComponent(township)}`)).toEqual([]);
      // by the deadline's day, inclusive (Asia/Shanghai): the dashboard's "due this week"
      const dueDay = (newer.body.dueAt as string).slice(0, 10);
      const dayBefore = new Date(Date.parse(`${dueDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const dayAfter = new Date(Date.parse(`${dueDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const byDue = (query: string) => list(`${query}&status=open&township=${encodeURIComponent(township)}`);
      expect(await byDue(`dueFrom=${dueDay}&dueTo=${dueDay}`)).toEqual([newer.body.id]);
      expect(await byDue(`dueFrom=${dayBefore}&dueTo=${dayAfter}`)).toEqual([newer.body.id]);
      expect(await byDue(`dueFrom=${dayAfter}`)).toEqual([]);
      expect(await byDue(`dueTo=${dayBefore}`)).toEqual([]);
      // paging keeps the order
      const page = await app.call('GET', '/rectifications?limit=1', { token: steps.supervisor });
      expect(page.body.items.map((item: { id: string }) => item.id)).toEqual([all[0]]);
      const next = await app.call('GET', page.body.next.replace('/api/v1', ''), { token: steps.supervisor });
      expect(next.body.items[0].id).toBe(all[1]);
      expectProblem(await app.call('GET', '/rectifications?status=nonsense', { token: steps.supervisor }), 400, 'validation-failed');
      expectProblem(await app.call('GET', '/rectifications?from=2025-02-30', { token: steps.supervisor }), 400, 'validation-failed');
      expectProblem(await app.call('GET', '/rectifications?dueTo=2025-13-01', { token: steps.supervisor }), 400, 'validation-failed');
    });
  });
});

describe.each<StoreKind>(['pglite', 'postgres'])('document numbers (%s)', (kind) => {
  let app: TestApp | undefined;

  afterAll(async () => {
    await app?.close();
  });

  it('20 notices issued at once get 1…20 of their year, exactly; a refused one takes none; after a restart the count goes on', async () => {
    const clock = new AdjustableClock();
    clock.offsetMs = START - Date.now();
    const first = await startTestApp(kind, {}, { clock });
    app = first;
    const steps = workflow(first);
    const failed = await Promise.all(Array.from({ length: 21 }, () => steps.failedInspection(['S-01'])));
    const issue = ({ kindergarten, inspection }: (typeof failed)[number]) =>
      first.call('POST', '/rectifications', {
        token: steps.supervisor,
        body: { kindergartenId: kindergarten.id, inspectionId: inspection.id, findingCodes: ['S-01'], deadline: { workingDays: 10 }, publish: true },
      });

    const replies = await Promise.all(failed.slice(0, 20).map(issue));
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(201));
    const numbers = replies.map((reply) => reply.body.documentNo as string);
    expect([...numbers].sort((a, b) => Number(/(\d+)号/.exec(a)![1]) - Number(/(\d+)号/.exec(b)![1]))).toEqual(
      Array.from({ length: 20 }, (_, i) => `清教督改〔2025〕${i + 1}号`),
    );
    // the register holds exactly those, each naming its case
    const register = await first.store.readStream('documentNo-2025');
    expect(register.map((event) => (event.data as { n: number }).n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const reply of replies) {
      expect(register.find((event) => (event.data as { rectificationId: string }).rectificationId === reply.body.id)?.data).toMatchObject({
        documentNo: reply.body.documentNo,
      });
    }

    // refused notices (a second for the same inspection, a deadline in the past) take no number
    expect((await issue(failed[0]!)).status).toBe(409);
    const pastDeadline = await first.call('POST', '/rectifications', {
      token: steps.supervisor,
      body: {
        kindergartenId: failed[20]!.kindergarten.id,
        inspectionId: failed[20]!.inspection.id,
        findingCodes: ['S-01'],
        deadline: { dueAt: '2025-01-01T00:00:00+08:00' },
        publish: true,
      },
    });
    expect(pastDeadline.status).toBe(422);
    expect(await first.store.streamVersion('documentNo-2025')).toBe(20);

    // a restart on the same store: the register is in the record
    await first.stop();
    const again = await startTestApp(
      kind,
      kind === 'pglite' ? { DATA_DIR: first.settings.DATA_DIR } : { DATABASE_SCHEMA: first.settings.DATABASE_SCHEMA },
      { clock },
    );
    try {
      const afterRestart = await again.call('POST', '/rectifications', {
        token: again.token('supervisor', { sub: 'wang' }),
        body: {
          kindergartenId: failed[20]!.kindergarten.id,
          inspectionId: failed[20]!.inspection.id,
          findingCodes: ['S-01'],
          deadline: { workingDays: 10 },
          publish: true,
        },
      });
      expect(afterRestart).toMatchObject({ status: 201, body: { documentNo: '清教督改〔2025〕21号' } });
      expect((await again.store.verifyStream('documentNo-2025')).ok).toBe(true);
    } finally {
      await again.close();
    }
  }, 180_000);
});
