import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type StoreKind, type TestApp } from '../support/test-app.js';
import { QueueProbe, awaitInbox, caseStream, inboxOf } from '../support/reminders.js';
import { waitUntil } from '../support/wait.js';
import { workflow } from '../support/workflow.js';

// The notifications v1.1 adds for cases, end to end with reminders running: each reaches /inbox within 10 seconds of its act.
const WITHIN = 10_000;
const FAR = '2099-12-31T23:59:59+08:00';

describe.each<StoreKind>(['postgres', 'pglite'])('case notifications v1.1 (%s)', (kind) => {
  let app: TestApp;
  let probe: QueueProbe;
  let steps: ReturnType<typeof workflow>;

  beforeAll(async () => {
    app = await startTestApp(kind, { RUN_REMINDERS: 'true' });
    probe = QueueProbe.of(app.settings);
    steps = workflow(app);
  });

  afterAll(async () => {
    await app?.stop();
    await probe?.close();
    await app?.close();
  });

  const post = async (path: string, token: string, body?: object, status = 200) => {
    const reply = await app.call('POST', path, { token, body });
    expect({ path, status: reply.status }).toEqual({ path, status });
    return reply.body;
  };

  it('tells the supervisors of an extension request and of a report, naming the document number', async () => {
    const { notice, director, codes } = await steps.issuedCase({ deadline: { dueAt: FAR } });
    await post(`/rectifications/${notice.id}/acknowledgement`, director);
    await post(
      `/rectifications/${notice.id}/extension-requests`,
      director,
      { requestedDueAt: '2100-06-30T23:59:59+08:00', reason: '需更换消防设施' },
      201,
    );
    const requested = await awaitInbox(app, steps.supervisor, notice.id, 'extension-requested', WITHIN);
    expect(requested.subject).toContain('【延期申请待审批】');
    expect(requested.body).toContain('需更换消防设施');
    await post(`/rectifications/${notice.id}/extension-decision`, steps.supervisor, { approve: false, reason: '不同意' });

    await post(`/rectifications/${notice.id}/reports`, director, steps.report(codes));
    const submitted = await awaitInbox(app, steps.supervisor, notice.id, 'report-submitted', WITHIN);
    expect(submitted.subject).toContain('已报送第1次整改报告');
    expect(submitted.body).toContain(`整改通知文号：${notice.documentNo}`);
    // the kindergarten is not told of its own report
    expect((await inboxOf(app, director)).map((item) => item.kind)).not.toContain('report-submitted');
    const issued = await awaitInbox(app, director, notice.id, 'notice-issued', WITHIN);
    expect(issued.subject).toContain(`（${notice.documentNo}）`);
  });

  it('tells the kindergarten of a new deadline and of a failed case', async () => {
    const { notice, director, codes, kindergarten } = await steps.issuedCase({ deadline: { dueAt: FAR } });
    await post(`/rectifications/${notice.id}/deadline`, steps.supervisor, {
      deadline: { dueAt: '2099-06-30T23:59:59+08:00' },
      reason: '重新限期整改',
    });
    const reset = await awaitInbox(app, director, notice.id, 'deadline-reset', WITHIN);
    expect(reset.subject).toBe(`【整改期限调整】${kindergarten.name}：新的整改期限为2099年6月30日 23:59`);

    await post(`/rectifications/${notice.id}/acknowledgement`, director);
    await post(`/rectifications/${notice.id}/reports`, director, steps.report(codes));
    const followUp = await steps.inspection(kindergarten.id, 'follow-up', 2025);
    await steps.finding(followUp.id, 'S-01', '消防通道仍被占用');
    await steps.conclude(followUp.id, 'failed', '复查仍不达标');
    await post(`/rectifications/${notice.id}/follow-up`, steps.supervisor, { inspectionId: followUp.id });
    const failed = await awaitInbox(app, director, notice.id, 'case-failed', WITHIN);
    expect(failed.subject).toBe(`【复查不合格】${kindergarten.name}：整改后仍不达标`);
  });

  it('a withdrawn notice tells the kindergarten, and the scheduler drops its reminders', async () => {
    const { notice, director } = await steps.issuedCase({ deadline: { dueAt: FAR } });
    await awaitInbox(app, director, notice.id, 'notice-issued', WITHIN);
    const pending = await waitUntil(async () => (await probe.pendingReminderIds()).filter((id) => id.startsWith(`${notice.id}.`)).length > 0, {
      timeoutMs: WITHIN,
      what: 'the case’s reminder jobs',
    });
    expect(pending).toBe(true);
    await post(`/rectifications/${notice.id}/withdrawal`, steps.supervisor, { reason: '检查结论有误' });
    const withdrawn = await awaitInbox(app, director, notice.id, 'notice-withdrawn', WITHIN);
    expect(withdrawn.body).toContain('撤销理由：检查结论有误');
    await waitUntil(async () => (await probe.pendingReminderIds()).every((id) => !id.startsWith(`${notice.id}.`)), {
      timeoutMs: WITHIN,
      what: 'no reminder job left for the withdrawn case',
    });
    const kinds = (await app.store.readStream(caseStream(notice.id)))
      .filter((event) => event.type === 'ReminderSent')
      .map((event) => (event.data as { kind: string }).kind);
    expect(kinds).toEqual(['notice-issued', 'notice-withdrawn']);
  });

  it('lists only the unread with unread=true, and counts them', async () => {
    const { notice, director } = await steps.issuedCase({ deadline: { dueAt: FAR } });
    const item = await awaitInbox(app, director, notice.id, 'notice-issued', WITHIN);
    const count = async (): Promise<number> => {
      const reply = await app.call('GET', '/inbox/unread-count', { token: director });
      expect(reply.status).toBe(200);
      return reply.body.count as number;
    };
    const unread = async (): Promise<string[]> =>
      (await app.call('GET', '/inbox?unread=true', { token: director })).body.items.map((entry: { id: string }) => entry.id);
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(1);
    expect(await unread()).toContain(item.id);
    await post(`/inbox/${item.id}/read`, director);
    expect(await count()).toBe(before - 1);
    expect(await unread()).not.toContain(item.id);
    // read marks are per user: another director of the same kindergarten still has it unread
    const colleague = app.token('kindergarten', { sub: 'deputy', kindergartenId: notice.kindergartenId });
    expect((await app.call('GET', '/inbox?unread=true', { token: colleague })).body.items.map((entry: { id: string }) => entry.id)).toContain(
      item.id,
    );
    expect((await app.call('GET', '/inbox?unread=maybe', { token: director })).status).toBe(400);
  });
});
