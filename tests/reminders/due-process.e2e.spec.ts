import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type StoreKind, type TestApp } from '../support/test-app.js';
import { QueueProbe, inboxOf } from '../support/reminders.js';
import { waitUntil } from '../support/wait.js';
import { workflow } from '../support/workflow.js';

// The due process's notifications end to end: real Redis (the test's own queue prefix), the engine's own clock.

describe.each<StoreKind>(['postgres', 'pglite'])('notifications of a suspension’s due process (%s)', (kind) => {
  let app: TestApp;
  let probe: QueueProbe;

  beforeAll(async () => {
    app = await startTestApp(kind, { RUN_REMINDERS: 'true' });
    probe = QueueProbe.of(app.settings);
  });

  afterAll(async () => {
    await app?.stop();
    await probe?.close();
    await app?.close();
  });

  const inboxItem = (token: string, kindergartenId: string, notificationKind: string) =>
    waitUntil(async () => (await inboxOf(app, token)).find((item) => item.kind === notificationKind && item.refs.kindergartenId === kindergartenId), {
      timeoutMs: 10_000,
      intervalMs: 100,
      what: `${notificationKind} about ${kindergartenId}`,
    });

  it('tells the kindergarten of the proposal and the decision, the supervisors of the statement, and keeps the reminders equal to what is still due', async () => {
    const steps = workflow(app);
    const { kindergarten, notice, director, inspection } = await steps.failedCase();
    const id = kindergarten.id as string;
    const path = `/kindergartens/${id}/enrolment`;
    const keys = { reminder: `enrolment-${id}.p1.statement-reminder`, periodEnded: `enrolment-${id}.p1.period-ended` };

    const proposed = await app.call('POST', `${path}/suspension-notice`, {
      token: steps.supervisor,
      body: { rectificationId: notice.id, facts: '复查仍不达标', basis: '清政发〔2023〕52号', proposedFrom: '2099-01-04' },
    });
    expect(proposed.status).toBe(200);
    const told = await inboxItem(director, id, 'suspension-proposed');
    expect(told.subject).toContain('暂停招生告知');
    expect(told.body).toContain('复查仍不达标');
    // the reminder one working day before the deadline, and the supervisors' notice at its end, wait in the queue
    await waitUntil(
      async () => {
        const pending = await probe.pendingReminderIds();
        return pending.includes(keys.reminder) && pending.includes(keys.periodEnded);
      },
      { what: 'the statement reminder and the end of the period in the queue' },
    );

    const statement = '我园已完成消防通道整改，请求不予暂停招生';
    expect((await app.call('POST', `${path}/statement`, { token: director, body: { text: statement } })).status).toBe(200);
    const heard = await inboxItem(steps.supervisor, id, 'statement-submitted');
    expect(heard.body).toContain(statement);
    // spoken: no reminder, and no notice of a silent period
    await waitUntil(
      async () => {
        const pending = await probe.pendingReminderIds();
        return !pending.includes(keys.reminder) && !pending.includes(keys.periodEnded);
      },
      { what: 'the stale reminders removed' },
    );

    expect(
      (await app.call('POST', `${path}/suspension`, { token: steps.supervisor, body: { decision: 'suspend', reason: '陈述理由不成立' } })).status,
    ).toBe(200);
    const decided = await inboxItem(director, id, 'suspension-decided');
    expect(decided.body).toContain('陈述理由不成立');
    expect(decided.body).toContain('行政复议');

    const followUp = await steps.inspection(id, 'follow-up', inspection.year);
    await steps.conclude(followUp.id, 'passed', '复查合格');
    expect(
      (await app.call('POST', `${path}/reinstatement`, { token: steps.supervisor, body: { inspectionId: followUp.id, reason: '复查合格' } })).status,
    ).toBe(200);
    await inboxItem(director, id, 'enrolment-reinstated');

    const sent = (await app.store.readStream(`enrolment-${id}`))
      .filter((event) => event.type === 'ReminderSent')
      .map((event) => (event.data as any).kind);
    expect(sent.sort()).toEqual(['enrolment-reinstated', 'statement-submitted', 'suspension-decided', 'suspension-proposed']);
  });
});
