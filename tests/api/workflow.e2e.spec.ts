import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ShiftedClock } from '@app/config';
import { startTestApp, type StoreKind, type TestApp } from '../support/test-app.js';
import { workflow } from '../support/workflow.js';

// Monday 3 March 2025, 10:00 in Shanghai: the engine's clock for these tests, so deadlines are known in advance.
const START = new Date('2025-03-03T02:00:00Z');

describe.each<StoreKind>(['pglite', 'postgres'])('the supervision workflow over HTTP (%s)', (kind) => {
  let app: TestApp;
  let steps: ReturnType<typeof workflow>;

  beforeAll(async () => {
    app = await startTestApp(kind, {}, { clock: new ShiftedClock(START) });
    steps = workflow(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('register → annual inspection → findings → failed → notice → acknowledge → report → return → resubmit → accept', async () => {
    const { admin, supervisor } = steps;
    const kindergarten = await app.call('POST', '/kindergartens', {
      token: admin,
      body: { id: `kg-happy-${kind}`, name: '城关镇阳光幼儿园', township: '城关镇', ownership: 'private-inclusive' },
    });
    expect(kindergarten.status).toBe(201);
    expect(kindergarten.headers.get('location')).toBe(`/api/v1/kindergartens/kg-happy-${kind}`);
    expect(kindergarten.headers.get('etag')).toBe('"1"');
    expect(kindergarten.body).toMatchObject({
      enrolmentStatus: 'open',
      openRectifications: 0,
      version: 1,
      registeredAt: expect.stringMatching(/^2025-03-03T10:\d\d:\d\d\.\d{3}\+08:00$/),
    });
    const kindergartenId = kindergarten.body.id as string;
    const director = steps.kindergartenToken(kindergartenId);

    const inspection = await app.call('POST', '/inspections', {
      token: supervisor,
      body: { kindergartenId, kind: 'annual', year: 2025, scheduledOn: '2025-03-05' },
    });
    expect(inspection.status).toBe(201);
    const inspectionId = inspection.body.id as string;
    expect(inspectionId).toBe(`annual-2025-${kindergartenId}`);
    expect(inspection.headers.get('location')).toBe(`/api/v1/inspections/${inspectionId}`);

    const finding = await app.call('POST', `/inspections/${inspectionId}/findings`, {
      token: supervisor,
      body: { code: 'S-01', description: '消防通道堆放杂物', severity: 'major' },
    });
    expect(finding.status).toBe(201);
    expect(finding.body.findings).toEqual([{ code: 'S-01', description: '消防通道堆放杂物', severity: 'major' }]);
    await steps.finding(inspectionId, 'S-02', '晨检记录不全');
    const concluded = await app.call('POST', `/inspections/${inspectionId}/conclusion`, {
      token: supervisor,
      body: { outcome: 'failed', summary: '限期整改' },
    });
    expect(concluded).toMatchObject({ status: 200, body: { status: 'concluded', outcome: 'failed', version: 4 } });

    // issued Monday 3 March 2025 with 10 working days: 4–7, 10–14, 17 March
    const notice = await app.call('POST', '/rectifications', {
      token: supervisor,
      body: { kindergartenId, inspectionId, findingCodes: ['S-01', 'S-02'], deadline: { workingDays: 10 }, publish: true },
    });
    expect(notice.status).toBe(201);
    expect(notice.body).toMatchObject({ status: 'issued', dueAt: '2025-03-17T23:59:59.999+08:00', overdue: false, publish: true, version: 1 });
    const caseId = notice.body.id as string;
    expect(notice.headers.get('location')).toBe(`/api/v1/rectifications/${caseId}`);
    const preview = await app.call('GET', '/calendar/deadline?from=2025-03-03&workingDays=10', { token: supervisor });
    expect(preview.body).toEqual({ dueDate: '2025-03-17', dueAt: notice.body.dueAt });

    expect((await app.call('GET', `/kindergartens/${kindergartenId}`, { token: director })).body).toMatchObject({ openRectifications: 1 });

    const acknowledged = await app.call('POST', `/rectifications/${caseId}/acknowledgement`, { token: director });
    expect(acknowledged).toMatchObject({ status: 200, body: { status: 'acknowledged', version: 2 } });

    const report = await app.call('POST', `/rectifications/${caseId}/reports`, { token: director, body: steps.report(['S-01', 'S-02']) });
    expect(report).toMatchObject({ status: 200, body: { status: 'submitted', reports: [{ reportNo: 1, late: false, review: null }] } });

    const returned = await app.call('POST', `/rectifications/${caseId}/review`, {
      token: supervisor,
      body: { decision: 'return', comment: '照片不清晰' },
    });
    expect(returned).toMatchObject({
      status: 200,
      body: { status: 'returned', reports: [{ review: { decision: 'return', comment: '照片不清晰' } }] },
    });

    const resubmitted = await app.call('POST', `/rectifications/${caseId}/reports`, { token: director, body: steps.report(['S-01', 'S-02']) });
    expect(resubmitted).toMatchObject({ status: 200, body: { status: 'submitted' } });
    expect(resubmitted.body.reports).toHaveLength(2);

    const accepted = await app.call('POST', `/rectifications/${caseId}/review`, {
      token: supervisor,
      body: { decision: 'accept', comment: '整改到位' },
    });
    expect(accepted).toMatchObject({ status: 200, body: { status: 'closed', overdue: false, version: 6 } });
    expect(accepted.headers.get('etag')).toBe('"6"');

    // GET right after POST sees the write, in the lists too
    expect((await app.call('GET', `/rectifications/${caseId}`, { token: director })).body).toMatchObject({ status: 'closed', version: 6 });
    const closed = await app.call('GET', `/rectifications?kindergartenId=${kindergartenId}&status=closed`, { token: supervisor });
    expect(closed.body.items.map((item: { id: string }) => item.id)).toEqual([caseId]);
    expect((await app.call('GET', `/kindergartens/${kindergartenId}`, { token: admin })).body).toMatchObject({ openRectifications: 0 });

    // the record: every event attributed and correlated
    const events = await app.store.readStream(`rectification-${caseId}`);
    expect(events.map((event) => event.type)).toEqual([
      'RectificationNoticeIssued',
      'NoticeAcknowledged',
      'RectificationReportSubmitted',
      'RectificationReportReturned',
      'RectificationReportSubmitted',
      'RectificationAccepted',
    ]);
    expect(events.map((event) => event.metadata.actor)).toEqual([
      // the directory's names (the tokens carry none)
      { sub: 'wang', role: 'supervisor', name: '王督学' },
      { sub: `director-${kindergartenId}`, role: 'kindergarten', name: `director-${kindergartenId}` },
      { sub: `director-${kindergartenId}`, role: 'kindergarten', name: `director-${kindergartenId}` },
      { sub: 'wang', role: 'supervisor', name: '王督学' },
      { sub: `director-${kindergartenId}`, role: 'kindergarten', name: `director-${kindergartenId}` },
      { sub: 'wang', role: 'supervisor', name: '王督学' },
    ]);
    expect((await app.store.verifyStream(`rectification-${caseId}`)).ok).toBe(true);
  });

  it('failure path: follow-up failed → case failed → suspension → passed follow-up → reinstatement', async () => {
    const { supervisor } = steps;
    const { kindergarten, notice } = await steps.issuedCase();
    const kindergartenId = kindergarten.id as string;
    const caseId = notice.id as string;

    const followUp = await steps.inspection(kindergartenId, 'follow-up');
    await steps.finding(followUp.id, 'S-01', '消防通道仍被占用');
    await steps.conclude(followUp.id, 'failed', '复查仍不达标');
    const failed = await app.call('POST', `/rectifications/${caseId}/follow-up`, { token: supervisor, body: { inspectionId: followUp.id } });
    expect(failed).toMatchObject({ status: 200, body: { status: 'failed', followUp: { inspectionId: followUp.id, outcome: 'failed' } } });

    const suspended = await app.call('POST', `/kindergartens/${kindergartenId}/enrolment/suspension`, {
      token: supervisor,
      headers: { 'if-match': '"0"' },
      body: { rectificationId: caseId, effectiveFrom: '2025-03-10', reason: '整改后仍不达标，暂停招生' },
    });
    expect(suspended).toMatchObject({
      status: 200,
      body: {
        enrolmentStatus: 'suspended',
        enrolmentVersion: 1,
        suspension: { rectificationId: caseId, effectiveFrom: '2025-03-10' },
        openRectifications: 0,
      },
    });

    const published = await app.call('GET', '/public/notices');
    expect(published.body.suspensions).toContainEqual({
      kindergarten: { id: kindergartenId, name: kindergarten.name },
      effectiveFrom: '2025-03-10',
      reason: '整改后仍不达标，暂停招生',
    });

    const passed = await steps.inspection(kindergartenId, 'follow-up');
    await steps.conclude(passed.id, 'passed', '复查合格');
    const reinstated = await app.call('POST', `/kindergartens/${kindergartenId}/enrolment/reinstatement`, {
      token: supervisor,
      headers: { 'if-match': '"1"' },
      body: { inspectionId: passed.id, reason: '复查合格，恢复招生' },
    });
    expect(reinstated).toMatchObject({ status: 200, body: { enrolmentStatus: 'open', enrolmentVersion: 2, suspension: null } });
    expect((await app.call('GET', '/public/notices')).body.suspensions.map((s: { kindergarten: { id: string } }) => s.kindergarten.id)).not.toContain(
      kindergartenId,
    );
    expect((await app.store.readStream(`enrolment-${kindergartenId}`)).map((event) => event.type)).toEqual([
      'EnrolmentSuspended',
      'EnrolmentReinstated',
    ]);
  });
});
