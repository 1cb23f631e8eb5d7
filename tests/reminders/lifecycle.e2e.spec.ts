import { afterEach, describe, expect, it } from '@jest/globals';
import { instantKey, wallTime } from '@app/notifications/domain';
import { startTestApp, type StoreKind, type TestApp } from '../support/test-app.js';
import {
  AdjustableClock,
  QueueProbe,
  awaitInbox,
  caseStream,
  deadlinesMissedIn,
  deliveriesIn,
  duplicates,
  inboxOf,
  issueDueIn,
  kindsInInbox,
  kindsOn,
} from '../support/reminders.js';
import { sleepUntil, waitUntil } from '../support/wait.js';

// The life of a case's notifications end to end, in this process: real Redis (each test its own queue prefix), real PostgreSQL or PGlite.
// Offsets of a few seconds stand in for REMINDER_OFFSETS=P7D,P1D; deadlines are a few seconds ahead.

const SHANGHAI = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/;

let apps: TestApp[] = [];
let probes: QueueProbe[] = [];

/** The queues of the app's prefix, seen from outside; each prefix's keys are deleted after the test. */
const probeOf = (app: TestApp): QueueProbe => {
  const known = probes.find((probe) => probe.prefix === app.settings.QUEUE_PREFIX);
  if (known) return known;
  const probe = QueueProbe.of(app.settings);
  probes.push(probe);
  return probe;
};
const start = async (kind: StoreKind, env: Record<string, string>, options: { clock?: AdjustableClock } = {}): Promise<TestApp> => {
  const app = await startTestApp(kind, env, options);
  apps.push(app);
  probeOf(app);
  return app;
};

afterEach(async () => {
  // the engines first (their workers and scheduler), then the stores they share, then the test's Redis keys
  for (const app of apps.reverse()) await app.stop();
  for (const app of apps) await app.close();
  for (const probe of probes) await probe.close();
  apps = [];
  probes = [];
});

describe.each<StoreKind>(['postgres', 'pglite'])('a rectification deadline a few seconds ahead (%s)', (kind) => {
  it('tells the kindergarten at once, reminds it before the deadline, then records DeadlineMissed once and tells both parties', async () => {
    const app = await start(kind, { RUN_REMINDERS: 'true', REMINDER_OFFSETS: 'PT3S' });
    const probe = probeOf(app);
    const { id, dueAt, director, steps, kindergarten } = await issueDueIn(app, 6_000);

    const notice = await awaitInbox(app, director, id, 'notice-issued', 3_000);
    expect(Date.parse(notice.createdAt)).toBeLessThan(dueAt - 3_000);

    const reminder = await awaitInbox(app, director, id, 'rectification-reminder');
    expect(Date.now()).toBeLessThan(dueAt);
    expect(Date.parse(reminder.createdAt)).toBeGreaterThanOrEqual(dueAt - 3_000 - 5);
    expect(await deadlinesMissedIn(app.store, caseStream(id))).toBe(0);

    const toSupervisors = await awaitInbox(app, steps.supervisor, id, 'deadline-missed');
    const toKindergarten = await awaitInbox(app, director, id, 'deadline-missed', 2_000);
    for (const item of [toSupervisors, toKindergarten]) expect(Date.parse(item.createdAt)).toBeGreaterThanOrEqual(dueAt - 5);

    await waitUntil(() => probe.settled(), { what: 'the queues to settle' });
    expect(await deadlinesMissedIn(app.store, caseStream(id))).toBe(1);
    const deliveries = await deliveriesIn(app.store, caseStream(id));
    expect(duplicates(deliveries)).toEqual([]);
    expect(kindsOn(deliveries, 'inbox', `kindergarten:${kindergarten.id}`)).toEqual(['notice-issued', 'rectification-reminder', 'deadline-missed']);
    expect(kindsOn(deliveries, 'inbox', 'supervisors')).toEqual(['deadline-missed']);
    expect(await probe.pendingReminderIds()).toEqual([]);
    const events = await app.store.readStream(caseStream(id));
    for (const event of events.filter((each) => each.type === 'ReminderSent' || each.type === 'DeadlineMissed')) {
      expect(event.metadata.actor).toEqual({ sub: 'system', role: 'system', name: '系统' });
    }
    const after = await app.call('GET', `/rectifications/${id}`, { token: steps.supervisor });
    expect(after.body).toMatchObject({ status: 'issued', overdue: true });
  });
});

describe('reminders (postgres)', () => {
  it('the inbox: newest first, read marks per user, only the addressee sees it, texts in Chinese with the deadline in Shanghai time', async () => {
    const app = await start('postgres', { RUN_REMINDERS: 'true', REMINDER_OFFSETS: 'PT2S' });
    const { id, notice, dueAt, kindergarten, steps } = await issueDueIn(app, 3_000);
    const director = app.token('kindergarten', { sub: `director-${kindergarten.id}`, kindergartenId: kindergarten.id });
    const teacher = app.token('kindergarten', { sub: `teacher-${kindergarten.id}`, kindergartenId: kindergarten.id });
    await awaitInbox(app, steps.supervisor, id, 'deadline-missed');
    await awaitInbox(app, director, id, 'deadline-missed');
    expect(Date.now()).toBeGreaterThanOrEqual(dueAt);

    const items = (await inboxOf(app, director)).filter((item) => item.refs.rectificationId === id);
    expect(items.map((item) => item.kind)).toEqual(['deadline-missed', 'rectification-reminder', 'notice-issued']);
    const times = items.map((item) => Date.parse(item.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const item of items) {
      expect(item).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), createdAt: expect.stringMatching(SHANGHAI), readAt: null });
      expect(item.refs).toEqual({ rectificationId: id, kindergartenId: kindergarten.id, inspectionId: notice.inspectionId });
    }

    // texts in Chinese, naming the kindergarten, the findings and the deadline as read in Shanghai
    const deadline = wallTime(notice.dueAt);
    expect(deadline).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    const [missed, reminder, issued] = items;
    expect(notice.documentNo).toMatch(/^清教督改〔\d{4}〕\d+号$/);
    expect(issued.subject).toBe(`【限期整改通知】${kindergarten.name}（${notice.documentNo}）：请于${deadline}前完成整改`);
    expect(issued.body).toContain('消防通道堆放杂物（S-01）');
    expect(issued.body).toContain(`整改事项编号：${id}`);
    expect(reminder.subject).toBe(`【整改提醒】${kindergarten.name}：距整改期限还有2秒`);
    expect(reminder.body).toContain(`你园的整改期限为${deadline}`);
    expect(missed.subject).toBe(`【整改逾期】${kindergarten.name}：已超过整改期限（${deadline}）`);
    const [toSupervisors] = (await inboxOf(app, steps.supervisor)).filter((item) => item.refs.rectificationId === id);
    expect(toSupervisors).toMatchObject({ kind: 'deadline-missed', subject: missed.subject });
    expect(toSupervisors.body).toContain(`${kindergarten.name}未在整改期限${deadline}前报送整改报告`);

    // read marks are per user: the director's mark is not the teacher's
    const read = await app.call('POST', `/inbox/${reminder.id}/read`, { token: director });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: reminder.id, kind: 'rectification-reminder', readAt: expect.stringMatching(SHANGHAI) });
    const again = await app.call('POST', `/inbox/${reminder.id}/read`, { token: director });
    expect(again).toMatchObject({ status: 200, body: { readAt: read.body.readAt } });
    const readAt = (token: string) =>
      inboxOf(app, token).then((all) =>
        Object.fromEntries(all.filter((item) => item.refs.rectificationId === id).map((item) => [item.kind, item.readAt])),
      );
    expect(await readAt(director)).toEqual({ 'deadline-missed': null, 'rectification-reminder': read.body.readAt, 'notice-issued': null });
    expect(await readAt(teacher)).toEqual({ 'deadline-missed': null, 'rectification-reminder': null, 'notice-issued': null });
    expect((await app.call('POST', `/inbox/${issued.id}/read`, { token: teacher })).status).toBe(200);
    expect((await readAt(teacher))['notice-issued']).toEqual(expect.stringMatching(SHANGHAI));
    expect((await readAt(director))['notice-issued']).toBeNull();

    // another kindergarten neither sees nor marks it; a supervisor cannot mark the kindergarten's own copy either
    const other = await steps.registerKindergarten();
    const stranger = steps.kindergartenToken(other.id);
    expect((await inboxOf(app, stranger)).filter((item) => item.refs.rectificationId === id)).toEqual([]);
    for (const token of [stranger, steps.supervisor]) {
      const refused = await app.call('POST', `/inbox/${reminder.id}/read`, { token });
      expect(refused).toMatchObject({ status: 404, body: { code: 'not-found' } });
    }
    expect((await app.call('POST', `/inbox/00000000-0000-4000-8000-000000000000/read`, { token: director })).status).toBe(404);
    expect((await app.call('POST', `/inbox/not-a-uuid/read`, { token: director })).status).toBe(404);
    expect((await app.call('POST', `/inbox/${toSupervisors.id}/read`, { token: steps.supervisor })).status).toBe(200);
    expect((await app.call('GET', '/inbox')).status).toBe(401);
  });

  it('an extension granted in between moves both: nothing at the old times, the reminder and the deadline at the new ones', async () => {
    const app = await start('postgres', { RUN_REMINDERS: 'true', REMINDER_OFFSETS: 'PT5S' });
    const probe = probeOf(app);
    const { id, dueAt: oldDue, director, steps } = await issueDueIn(app, 10_000);
    const requested = await app.call('POST', `/rectifications/${id}/extension-requests`, {
      token: director,
      body: { requestedDueAt: new Date(oldDue + 8_000).toISOString(), reason: '需更换消防设施' },
    });
    expect(requested.status).toBe(201);
    // the supervisors are told of the request (v1.1) before they decide it
    await awaitInbox(app, steps.supervisor, id, 'extension-requested', 3_000);
    const granted = await app.call('POST', `/rectifications/${id}/extension-decision`, {
      token: steps.supervisor,
      body: { approve: true, reason: '同意' },
    });
    expect(granted.status).toBe(200);
    const newDue = Date.parse(granted.body.dueAt);
    expect(newDue).toBe(oldDue + 8_000);
    expect(Date.now()).toBeLessThan(oldDue - 5_000);
    await waitUntil(
      async () => {
        const ids = await probe.pendingReminderIds();
        return (
          ids.some((job) => job.includes(instantKey(granted.body.dueAt))) &&
          !ids.some((job) => job.includes(instantKey(new Date(oldDue).toISOString())))
        );
      },
      { what: 'the reminder jobs to move to the new deadline' },
    );

    // past the old deadline: no reminder, no DeadlineMissed
    await sleepUntil(oldDue + 500);
    // what matters is what is there (no reminder, no deadline), not which of two notifications close together came first
    expect((await kindsInInbox(app, director, id)).sort()).toEqual(['extension-decided', 'notice-issued']);
    expect(await kindsInInbox(app, steps.supervisor, id)).toEqual(['extension-requested']);
    expect(await deadlinesMissedIn(app.store, caseStream(id))).toBe(0);

    const reminder = await awaitInbox(app, director, id, 'rectification-reminder');
    expect(Date.parse(reminder.createdAt)).toBeGreaterThanOrEqual(newDue - 5_000 - 5);
    expect(Date.parse(reminder.createdAt)).toBeLessThan(newDue);
    const missed = await awaitInbox(app, steps.supervisor, id, 'deadline-missed');
    expect(Date.parse(missed.createdAt)).toBeGreaterThanOrEqual(newDue - 5);
    await awaitInbox(app, director, id, 'deadline-missed', 2_000);

    await waitUntil(() => probe.settled(), { what: 'the queues to settle' });
    const events = await app.store.readStream(caseStream(id));
    expect(events.filter((event) => event.type === 'DeadlineMissed').map((event) => (event.data as { dueAt: string }).dueAt)).toEqual([
      granted.body.dueAt,
    ]);
    const deliveries = await deliveriesIn(app.store, caseStream(id));
    expect(duplicates(deliveries)).toEqual([]);
    expect(
      deliveries
        .filter((delivery) => !['notice-issued', 'extension-requested', 'extension-decided'].includes(delivery.kind))
        .map((delivery) => delivery.key),
    ).toEqual([
      `${id}.remind.PT5S.${instantKey(granted.body.dueAt)}`,
      `${id}.deadline.${instantKey(granted.body.dueAt)}`,
      `${id}.deadline.${instantKey(granted.body.dueAt)}`,
    ]);
  }, 60_000);

  it('a case closed in between gets neither the reminder nor the deadline', async () => {
    const app = await start('postgres', { RUN_REMINDERS: 'true', REMINDER_OFFSETS: 'PT5S' });
    const probe = probeOf(app);
    const { id, dueAt, director, steps } = await issueDueIn(app, 10_000);
    expect((await app.call('POST', `/rectifications/${id}/acknowledgement`, { token: director })).status).toBe(200);
    expect((await app.call('POST', `/rectifications/${id}/reports`, { token: director, body: steps.report(['S-01']) })).status).toBe(200);
    // the supervisors are told of the report (v1.1) before they review it
    await awaitInbox(app, steps.supervisor, id, 'report-submitted', 3_000);
    const closed = await app.call('POST', `/rectifications/${id}/review`, {
      token: steps.supervisor,
      body: { decision: 'accept', comment: '整改到位' },
    });
    expect(closed.body.status).toBe('closed');
    expect(Date.now()).toBeLessThan(dueAt - 5_000);
    await waitUntil(async () => (await probe.pendingReminderIds()).length === 0, { what: 'the case’s reminder jobs to be removed' });

    await sleepUntil(dueAt + 700);
    await waitUntil(() => probe.settled(), { what: 'the queues to settle' });
    expect((await kindsInInbox(app, director, id)).sort()).toEqual(['notice-issued', 'report-reviewed']);
    expect(await kindsInInbox(app, steps.supervisor, id)).toEqual(['report-submitted']);
    expect(await deadlinesMissedIn(app.store, caseStream(id))).toBe(0);
    expect((await deliveriesIn(app.store, caseStream(id))).map((delivery) => delivery.kind)).toEqual([
      'notice-issued',
      'report-submitted',
      'report-reviewed',
    ]);
  }, 60_000);

  it('a reminder whose moment passed while the engine was down is sent when it comes back, unless the deadline has passed too', async () => {
    // the API alone (it records, nothing reminds), then the engine on the same store and queues
    const api = await start('postgres', { RUN_REMINDERS: 'false' });
    const shared = { DATABASE_SCHEMA: api.settings.DATABASE_SCHEMA, QUEUE_PREFIX: api.settings.QUEUE_PREFIX, REMINDER_OFFSETS: 'PT5S' };
    const probe = probeOf(api);
    const early = await issueDueIn(api, 10_000); // reminder 5 s after issue, deadline 10 s
    const late = await issueDueIn(api, 16_000); // reminder 11 s after issue, deadline 16 s
    expect(Date.now()).toBeLessThan(early.dueAt - 5_000);

    // the engine comes back after both reminders' moments and the first deadline, before the second deadline
    await sleepUntil(Math.max(early.dueAt, late.dueAt - 5_000) + 300);
    expect(await probe.pendingReminderIds()).toEqual([]);
    const engine = await start('postgres', { RUN_REMINDERS: 'true', ...shared });
    const back = Date.now();

    const reminder = await awaitInbox(api, late.director, late.id, 'rectification-reminder');
    expect(Date.parse(reminder.createdAt)).toBeLessThan(late.dueAt);
    expect(Date.parse(reminder.createdAt)).toBeGreaterThanOrEqual(back - 1_000);
    await awaitInbox(api, early.steps.supervisor, early.id, 'deadline-missed');
    await awaitInbox(api, early.director, early.id, 'deadline-missed');
    await waitUntil(() => probe.settled(), { what: 'the queues to settle' });

    // what each case was owed when it came back is recorded together, in either order: the early case's notice and
    // deadline, the late case's notice and reminder
    expect((await kindsInInbox(api, early.director, early.id)).sort()).toEqual(['deadline-missed', 'notice-issued']);
    expect((await kindsInInbox(api, late.director, late.id)).sort()).toEqual(['notice-issued', 'rectification-reminder']);
    for (const { id } of [early, late]) expect(duplicates(await deliveriesIn(engine.store, caseStream(id)))).toEqual([]);
    expect(await deadlinesMissedIn(api.store, caseStream(early.id))).toBe(1);
  }, 60_000);

  it('a job that wakes a little before its time by the engine’s clock (clocks disagree) waits and still delivers, once', async () => {
    const clock = new AdjustableClock();
    const app = await start('postgres', { RUN_REMINDERS: 'true', REMINDER_OFFSETS: 'PT3S' }, { clock });
    const probe = probeOf(app);
    const { id, dueAt, director } = await issueDueIn(app, 5_000);
    await awaitInbox(app, director, id, 'notice-issued', 3_000);
    // the jobs were scheduled by one clock; they now run by one 700 ms behind it
    clock.offsetMs = -700;

    await awaitInbox(app, director, id, 'rectification-reminder', 6_000);
    await awaitInbox(app, director, id, 'deadline-missed', 6_000);
    await waitUntil(() => probe.settled(), { what: 'the queues to settle' });
    const deliveries = await deliveriesIn(app.store, caseStream(id));
    expect(duplicates(deliveries)).toEqual([]);
    const sentAt = (kind: string) => Date.parse(deliveries.find((delivery) => delivery.kind === kind)!.sentAt);
    // recorded when due by the engine's clock, never before
    expect(sentAt('rectification-reminder')).toBeGreaterThanOrEqual(dueAt - 3_000);
    expect(sentAt('deadline-missed')).toBeGreaterThanOrEqual(dueAt);
    expect(await deadlinesMissedIn(app.store, caseStream(id))).toBe(1);
  });
});
