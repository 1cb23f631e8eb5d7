import { describe, expect, it } from '@jest/globals';
import { createCalendar } from '@app/calendar/official';
import { ConfigurationError, loadSettings, parseReminderOffsets } from '@app/config';
import { fold, SYSTEM_ACTOR } from '@app/event-sourcing';
import type { Finding } from '@app/inspections/domain';
import { instantKey, type NotificationKind, type Recipient, type ReminderSent } from '@app/notifications/domain';
import { rectificationNotificationContent, rectificationNotifications } from './rectification-notifications.js';
import { rectificationDecider, type RectificationCase, type RectificationContext } from './rectification.decider.js';
import type { RectificationEvent } from './rectification.events.js';

const RC = 'rc-annual-2025-kg-sunshine';
const KG = 'kg-sunshine';
const KINDERGARTEN: Recipient = `kindergarten:${KG}`;

// Monday 2025-03-03, 10:00 in Shanghai; due Friday 2025-03-14, 23:59:59.999
const ISSUED_AT = '2025-03-03T10:00:00.000+08:00';
const DUE = '2025-03-14T23:59:59.999+08:00';
const EXTENDED_DUE = '2025-03-28T23:59:59.999+08:00';

const F1: Finding = { code: 'F1', description: '消防通道堵塞', severity: 'critical' };
const F2: Finding = { code: 'F2', description: '晨检记录缺失', severity: 'major' };

const OFFSETS = parseReminderOffsets('P7D,P1D');
const at = (written: string): Date => new Date(written);
const shifted = (written: string, ms: number): Date => new Date(Date.parse(written) + ms);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// events
const issued = (dueAt = DUE, issuedAt = ISSUED_AT): RectificationEvent => ({
  type: 'RectificationNoticeIssued',
  data: {
    rectificationId: RC,
    kindergartenId: KG,
    inspectionId: 'annual-2025-kg-sunshine',
    findings: [F1, F2],
    deadline: { dueAt },
    dueAt,
    publish: true,
    issuedAt,
  },
});
const acknowledged: RectificationEvent = {
  type: 'NoticeAcknowledged',
  data: { rectificationId: RC, acknowledgedAt: '2025-03-04T09:00:00.000+08:00' },
};
const extensionRequested = (requestedAt: string, requestedDueAt = EXTENDED_DUE): RectificationEvent => ({
  type: 'ExtensionRequested',
  data: { rectificationId: RC, requestedDueAt, reason: '需更换消防设施', requestedAt },
});
const extensionGranted = (decidedAt: string, previousDueAt = DUE, dueAt = EXTENDED_DUE): RectificationEvent => ({
  type: 'ExtensionGranted',
  data: { rectificationId: RC, previousDueAt, dueAt, reason: '同意', decidedAt },
});
const extensionDenied = (decidedAt: string): RectificationEvent => ({
  type: 'ExtensionDenied',
  data: { rectificationId: RC, reason: '不同意', decidedAt },
});
const report = {
  summary: '已整改',
  actions: [
    { findingCode: 'F1', action: '已清理' },
    { findingCode: 'F2', action: '已补记' },
  ],
  evidence: [],
};
const submitted = (submittedAt: string, reportNo = 1): RectificationEvent => ({
  type: 'RectificationReportSubmitted',
  data: { rectificationId: RC, reportNo, ...report, submittedAt, late: false },
});
const returned = (reviewedAt: string, reportNo = 1): RectificationEvent => ({
  type: 'RectificationReportReturned',
  data: { rectificationId: RC, reportNo, comment: '请补充照片', reviewedAt },
});
const accepted = (reviewedAt: string, reportNo = 1): RectificationEvent => ({
  type: 'RectificationAccepted',
  data: { rectificationId: RC, reportNo, comment: '通过', reviewedAt },
});
const followUp = (outcome: 'passed' | 'failed', recordedAt: string): RectificationEvent => ({
  type: outcome === 'passed' ? 'FollowUpPassed' : 'FollowUpFailed',
  data: { rectificationId: RC, inspectionId: 'follow-up-2025-kg-sunshine', inspectionConcludedAt: recordedAt, recordedAt },
});
const deadlineMissed = (recordedAt: string, dueAt = DUE): RectificationEvent => ({
  type: 'DeadlineMissed',
  data: { rectificationId: RC, dueAt, recordedAt },
});
const deadlineReset = (resetAt: string, dueAt: string): RectificationEvent => ({
  type: 'DeadlineReset',
  data: { rectificationId: RC, previousDueAt: DUE, deadline: { dueAt }, dueAt, reason: '重新限期', resetAt },
});
const withdrawn = (withdrawnAt: string): RectificationEvent => ({
  type: 'NoticeWithdrawn',
  data: { rectificationId: RC, reason: '检查结论有误', withdrawnAt },
});
const sent = (
  key: string,
  kind: NotificationKind,
  recipient: Recipient = KINDERGARTEN,
  channel: ReminderSent['data']['channel'] = 'inbox',
): RectificationEvent => ({
  type: 'ReminderSent',
  data: { key, kind, recipient, channel, subject: 's', body: 'b', refs: {}, sentAt: ISSUED_AT },
});

const stateOf = (...events: RectificationEvent[]): RectificationCase => {
  const state = fold(rectificationDecider, events);
  if (state.status === 'none') throw new Error('no case');
  return state;
};

// keys
const notice = `${RC}.notice`;
const remind = (label: string, dueAt = DUE): string => `${RC}.remind.${label}.${instantKey(dueAt)}`;
const deadline = (dueAt = DUE): string => `${RC}.deadline.${instantKey(dueAt)}`;

/** The notifications as the policy gives them: key, kind, recipients and due time. */
const notificationsOf = (state: RectificationCase, now: Date) =>
  rectificationNotifications(state, OFFSETS, now).map(({ key, kind, recipients, dueAt }) => ({ key, kind, recipients, dueAt }));

/** key → due time (as an instant), the way a scheduler reads them. */
const schedule = (state: RectificationCase, now: Date, offsets = OFFSETS) =>
  Object.fromEntries(
    rectificationNotifications(state, offsets, now).map((notification) => [notification.key, new Date(notification.dueAt).toISOString()]),
  );
const iso = (written: string, shift = 0): string => shifted(written, shift).toISOString();

describe('rectificationNotifications: what a case should still tell whom, and when', () => {
  it('a fresh notice: the notice at once, a reminder 7 days and 1 day before the deadline, then the deadline itself', () => {
    const notifications = rectificationNotifications(stateOf(issued()), OFFSETS, at(ISSUED_AT));
    expect(notifications).toEqual([
      { key: notice, kind: 'notice-issued', dueAt: ISSUED_AT, recipients: [KINDERGARTEN] },
      { key: remind('P7D'), kind: 'rectification-reminder', dueAt: iso(DUE, -7 * DAY), recipients: [KINDERGARTEN], offset: 'P7D' },
      { key: remind('P1D'), kind: 'rectification-reminder', dueAt: iso(DUE, -DAY), recipients: [KINDERGARTEN], offset: 'P1D' },
      { key: deadline(), kind: 'deadline-missed', dueAt: DUE, recipients: [KINDERGARTEN, 'supervisors'] },
    ]);
  });

  it('keys are deterministic job ids: the same state gives the same keys, with no `:` and never all digits', () => {
    const first = rectificationNotifications(stateOf(issued()), OFFSETS, at(ISSUED_AT)).map((notification) => notification.key);
    const again = rectificationNotifications(stateOf(issued()), OFFSETS, shifted(ISSUED_AT, HOUR)).map((notification) => notification.key);
    expect(again).toEqual(first);
    expect(remind('P7D')).toBe(`${RC}.remind.P7D.20250314T155959_999Z`);
    for (const key of first) expect(key).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('skips an offset whose moment had already passed when the deadline was set', () => {
    // issued on the 10th, due the 14th: 7 days before was the 7th
    const late = stateOf(issued(DUE, '2025-03-10T09:00:00.000+08:00'));
    expect(Object.keys(schedule(late, at('2025-03-10T09:00:00.000+08:00')))).toEqual([notice, remind('P1D'), deadline()]);
    // a moment equal to the issue is still wanted; one a millisecond before it is not
    const exactly = stateOf(issued(DUE, '2025-03-07T23:59:59.999+08:00'));
    expect(Object.keys(schedule(exactly, at('2025-03-07T23:59:59.999+08:00')))).toContain(remind('P7D'));
    const justAfter = stateOf(issued(DUE, '2025-03-08T00:00:00.000+08:00'));
    expect(Object.keys(schedule(justAfter, at('2025-03-08T00:00:00.000+08:00')))).not.toContain(remind('P7D'));
  });

  it('keeps a reminder whose moment passed while nobody looked (the engine was down), as long as the deadline has not passed', () => {
    const state = stateOf(issued(), acknowledged);
    // a day after the P7D moment, before P1D: P7D is still owed, due in the past (so a job runs it at once)
    expect(schedule(state, shifted(DUE, -6 * DAY))).toEqual({
      [notice]: iso(ISSUED_AT),
      [remind('P7D')]: iso(DUE, -7 * DAY),
      [remind('P1D')]: iso(DUE, -DAY),
      [deadline()]: iso(DUE),
    });
  });

  it('after dueAt, no reminder at all: only the deadline itself', () => {
    const state = stateOf(issued(), sent(notice, 'notice-issued'));
    expect(Object.keys(schedule(state, at(DUE)))).toEqual([deadline()]);
    expect(Object.keys(schedule(state, shifted(DUE, 5 * DAY)))).toEqual([deadline()]);
    expect(Object.keys(schedule(state, shifted(DUE, -1)))).toEqual([remind('P7D'), remind('P1D'), deadline()]);
  });

  it('drops what each recipient already has in the inbox; other channels do not count', () => {
    const state = stateOf(
      issued(),
      sent(notice, 'notice-issued'),
      sent(notice, 'notice-issued', KINDERGARTEN, 'email'),
      sent(remind('P7D'), 'rectification-reminder', KINDERGARTEN, 'webhook'),
    );
    expect(Object.keys(schedule(state, at(ISSUED_AT)))).toEqual([remind('P7D'), remind('P1D'), deadline()]);
    // the deadline goes to two recipients: one delivered leaves the other
    const half = stateOf(issued(), sent(notice, 'notice-issued'), deadlineMissed(DUE), sent(deadline(), 'deadline-missed', KINDERGARTEN));
    expect(rectificationNotifications(half, OFFSETS, shifted(DUE, 1))).toEqual([
      { key: deadline(), kind: 'deadline-missed', dueAt: DUE, recipients: ['supervisors'] },
    ]);
    const both = stateOf(
      issued(),
      deadlineMissed(DUE),
      sent(deadline(), 'deadline-missed', KINDERGARTEN),
      sent(deadline(), 'deadline-missed', 'supervisors'),
    );
    expect(Object.keys(schedule(both, shifted(DUE, 1)))).toEqual([notice]);
  });

  it('a granted extension moves every pending reminder and the deadline to new keys; one already sent stays sent', () => {
    const decidedAt = '2025-03-09T10:00:00.000+08:00';
    const state = stateOf(
      issued(),
      sent(notice, 'notice-issued'),
      sent(remind('P7D'), 'rectification-reminder'),
      extensionRequested('2025-03-08T10:00:00.000+08:00'),
      extensionGranted(decidedAt),
    );
    const now = at(decidedAt);
    expect(schedule(state, now)).toEqual({
      [remind('P7D', EXTENDED_DUE)]: iso(EXTENDED_DUE, -7 * DAY),
      [remind('P1D', EXTENDED_DUE)]: iso(EXTENDED_DUE, -DAY),
      [deadline(EXTENDED_DUE)]: iso(EXTENDED_DUE),
      [`${RC}.extension.${instantKey(decidedAt)}`]: iso(decidedAt),
    });
    for (const old of [remind('P1D'), deadline()]) expect(schedule(state, now)).not.toHaveProperty(old);
  });

  it('after an extension, an offset is skipped if its moment was before the extension was granted', () => {
    // granted on the 23rd: 7 days before the 28th was the 21st
    const decidedAt = '2025-03-23T10:00:00.000+08:00';
    const state = stateOf(issued(), extensionRequested('2025-03-10T10:00:00.000+08:00'), extensionGranted(decidedAt), sent(notice, 'notice-issued'));
    const keys = Object.keys(schedule(state, at(decidedAt)));
    expect(keys).toEqual([remind('P1D', EXTENDED_DUE), deadline(EXTENDED_DUE), `${RC}.extension.${instantKey(decidedAt)}`]);
  });

  it('a granted extension clears overdue: the old deadline is no longer wanted, the new one is', () => {
    const decidedAt = '2025-03-15T10:00:00.000+08:00';
    const state = stateOf(
      issued(),
      sent(notice, 'notice-issued'),
      extensionRequested('2025-03-13T10:00:00.000+08:00'),
      deadlineMissed('2025-03-15T00:00:00.000+08:00'),
      extensionGranted(decidedAt),
    );
    expect(state.overdue).toBe(false);
    const keys = Object.keys(schedule(state, at(decidedAt)));
    expect(keys).not.toContain(deadline());
    expect(keys).toContain(deadline(EXTENDED_DUE));
  });

  it('a denied extension changes nothing but tells the kindergarten', () => {
    const decidedAt = '2025-03-09T10:00:00.000+08:00';
    const state = stateOf(
      issued(),
      sent(notice, 'notice-issued'),
      sent(remind('P7D'), 'rectification-reminder'),
      extensionRequested('2025-03-08T10:00:00.000+08:00'),
      extensionDenied(decidedAt),
    );
    expect(Object.keys(schedule(state, at(decidedAt)))).toEqual([remind('P1D'), deadline(), `${RC}.extension.${instantKey(decidedAt)}`]);
  });

  it('a case awaiting review is reminded of nothing and misses no deadline; returned, it is reminded again', () => {
    const submittedAt = '2025-03-05T10:00:00.000+08:00';
    const awaiting = stateOf(
      issued(),
      acknowledged,
      sent(notice, 'notice-issued'),
      submitted(submittedAt),
      sent(`${RC}.report.1`, 'report-submitted', 'supervisors'),
    );
    expect(schedule(awaiting, at(submittedAt))).toEqual({});
    expect(schedule(awaiting, shifted(DUE, 1))).toEqual({});
    const reviewedAt = '2025-03-06T10:00:00.000+08:00';
    const back = stateOf(issued(), acknowledged, sent(notice, 'notice-issued'), submitted(submittedAt), returned(reviewedAt));
    expect(Object.keys(schedule(back, at(reviewedAt)))).toEqual([remind('P7D'), remind('P1D'), deadline(), `${RC}.review.1`]);
  });

  it('a closed or failed case gets no more reminders and no deadline (only the review, if not yet told)', () => {
    const reviewedAt = '2025-03-06T10:00:00.000+08:00';
    const closed = stateOf(issued(), acknowledged, sent(notice, 'notice-issued'), submitted('2025-03-05T10:00:00.000+08:00'), accepted(reviewedAt));
    expect(Object.keys(schedule(closed, at(reviewedAt)))).toEqual([`${RC}.review.1`]);
    expect(schedule(stateOf(issued(), acknowledged, followUp('passed', '2025-03-06T10:00:00.000+08:00')), at(ISSUED_AT))).toEqual({});
    // a failed case tells the kindergarten so, and nothing else
    expect(Object.keys(schedule(stateOf(issued(), acknowledged, followUp('failed', '2025-03-06T10:00:00.000+08:00')), at(ISSUED_AT)))).toEqual([
      `${RC}.failed`,
    ]);
    // even an overdue one: closing ends it
    const overdueThenFailed = stateOf(
      issued(),
      deadlineMissed('2025-03-15T00:00:00.000+08:00'),
      followUp('failed', '2025-03-20T10:00:00.000+08:00'),
      sent(`${RC}.failed`, 'case-failed'),
    );
    expect(schedule(overdueThenFailed, at('2025-03-20T10:00:00.000+08:00'))).toEqual({});
  });

  it('an overdue case owes the deadline notification until it is delivered, even once the report is in', () => {
    const state = stateOf(
      issued(),
      sent(notice, 'notice-issued'),
      acknowledged,
      deadlineMissed('2025-03-15T00:00:00.000+08:00'),
      submitted('2025-03-16T10:00:00.000+08:00'),
    );
    expect(Object.keys(schedule(state, at('2025-03-16T10:00:00.000+08:00')))).toEqual([deadline(), `${RC}.report.1`]);
  });

  it('tells the supervisors of a report awaiting review and of a pending extension request, while they have to act', () => {
    const submittedAt = '2025-03-05T10:00:00.000+08:00';
    const awaiting = stateOf(issued(), acknowledged, sent(notice, 'notice-issued'), submitted(submittedAt));
    expect(notificationsOf(awaiting, at(submittedAt))).toEqual([
      { key: `${RC}.report.1`, kind: 'report-submitted', recipients: ['supervisors'], dueAt: submittedAt },
    ]);
    const reviewed = stateOf(issued(), acknowledged, sent(notice, 'notice-issued'), submitted(submittedAt), accepted('2025-03-06T10:00:00.000+08:00'));
    expect(Object.keys(schedule(reviewed, at(submittedAt)))).toEqual([`${RC}.review.1`]);

    const requestedAt = '2025-03-08T10:00:00.000+08:00';
    const pending = stateOf(issued(), sent(notice, 'notice-issued'), extensionRequested(requestedAt));
    expect(notificationsOf(pending, at(requestedAt)).filter((n) => n.kind === 'extension-requested')).toEqual([
      { key: `${RC}.extension-request.${instantKey(requestedAt)}`, kind: 'extension-requested', recipients: ['supervisors'], dueAt: requestedAt },
    ]);
    const decided = stateOf(issued(), sent(notice, 'notice-issued'), extensionRequested(requestedAt), extensionDenied('2025-03-09T10:00:00.000+08:00'));
    expect(notificationsOf(decided, at(requestedAt)).map((n) => n.kind)).not.toContain('extension-requested');
  });

  it('a new deadline moves every reminder to new keys and tells the kindergarten', () => {
    const resetAt = '2025-03-16T10:00:00.000+08:00';
    const state = stateOf(
      issued(),
      sent(notice, 'notice-issued'),
      acknowledged,
      deadlineMissed('2025-03-15T00:00:00.000+08:00'),
      sent(deadline(), 'deadline-missed'),
      sent(deadline(), 'deadline-missed', 'supervisors'),
      deadlineReset(resetAt, EXTENDED_DUE),
    );
    expect(Object.keys(schedule(state, at(resetAt)))).toEqual([
      remind('P7D', EXTENDED_DUE),
      remind('P1D', EXTENDED_DUE),
      deadline(EXTENDED_DUE),
      `${RC}.deadline-reset.${instantKey(resetAt)}`,
    ]);
  });

  it('a withdrawn notice has no reminders and no deadline left: only the kindergarten is told', () => {
    const withdrawnAt = '2025-03-05T10:00:00.000+08:00';
    const state = stateOf(issued(), sent(notice, 'notice-issued'), acknowledged, withdrawn(withdrawnAt));
    expect(notificationsOf(state, at(withdrawnAt))).toEqual([
      { key: `${RC}.withdrawn`, kind: 'notice-withdrawn', recipients: [KINDERGARTEN], dueAt: withdrawnAt },
    ]);
    expect(schedule(stateOf(issued(), sent(notice, 'notice-issued'), withdrawn(withdrawnAt), sent(`${RC}.withdrawn`, 'notice-withdrawn')), at(DUE))).toEqual(
      {},
    );
  });

  it('several offsets, in any order: one reminder each, earliest first', () => {
    const offsets = parseReminderOffsets('PT12H,P1W,P3D');
    const state = stateOf(issued(), sent(notice, 'notice-issued'));
    expect(schedule(state, at(ISSUED_AT), offsets)).toEqual({
      [remind('P1W')]: iso(DUE, -7 * DAY),
      [remind('P3D')]: iso(DUE, -3 * DAY),
      [remind('PT12H')]: iso(DUE, -12 * HOUR),
      [deadline()]: iso(DUE),
    });
  });
});

describe('what a notification says', () => {
  it('names the kindergarten, the case, the findings and the deadline in Shanghai wall time, in Chinese', () => {
    const state = stateOf(issued('2025-03-15T00:30:00.000+08:00'));
    const reminder = rectificationNotificationContent({ kind: 'rectification-reminder', offset: 'P1D' }, state, '城关镇阳光幼儿园');
    expect(reminder.subject).toBe('【整改提醒】城关镇阳光幼儿园：距整改期限还有1天');
    expect(reminder.body).toContain('2025年3月15日 00:30');
    expect(reminder.body).toContain('1. 消防通道堵塞（F1）');
    expect(reminder.body).toContain(`整改事项编号：${RC}`);
    expect(reminder.refs).toEqual({ rectificationId: RC, kindergartenId: KG, inspectionId: 'annual-2025-kg-sunshine' });
    const missed = rectificationNotificationContent({ kind: 'deadline-missed' }, stateOf(issued()), '城关镇阳光幼儿园');
    expect(missed.subject).toBe('【整改逾期】城关镇阳光幼儿园：已超过整改期限（2025年3月14日 23:59）');
  });

  it('names the document number of a notice issued with one', () => {
    const numbered: RectificationEvent = { ...issued(), data: { ...(issued().data as object), documentNo: '清教督改〔2025〕3号' } } as RectificationEvent;
    const content = rectificationNotificationContent({ kind: 'notice-issued' }, stateOf(numbered), '城关镇阳光幼儿园');
    expect(content.subject).toBe('【限期整改通知】城关镇阳光幼儿园（清教督改〔2025〕3号）：请于2025年3月14日 23:59前完成整改');
    expect(content.body).toContain('整改通知文号：清教督改〔2025〕3号');
  });

  it('says in Chinese what each v1.1 notification is about', () => {
    const name = '城关镇阳光幼儿园';
    const say = (kind: NotificationKind, ...events: RectificationEvent[]) =>
      rectificationNotificationContent({ kind, reportNo: 1 }, stateOf(issued(), ...events), name);
    expect(say('report-submitted', acknowledged, submitted('2025-03-05T10:00:00.000+08:00')).subject).toBe(
      '【整改报告待审核】城关镇阳光幼儿园：已报送第1次整改报告',
    );
    expect(say('extension-requested', extensionRequested('2025-03-08T10:00:00.000+08:00')).body).toContain('理由：需更换消防设施');
    expect(say('case-failed', followUp('failed', '2025-03-20T10:00:00.000+08:00')).subject).toBe('【复查不合格】城关镇阳光幼儿园：整改后仍不达标');
    expect(say('deadline-reset', deadlineReset('2025-03-16T10:00:00.000+08:00', EXTENDED_DUE)).subject).toBe(
      '【整改期限调整】城关镇阳光幼儿园：新的整改期限为2025年3月28日 23:59',
    );
    expect(say('notice-withdrawn', withdrawn('2025-03-05T10:00:00.000+08:00')).body).toContain('撤销理由：检查结论有误');
  });
});

describe('Notify and RecordDelivery: each delivery recorded once', () => {
  const calendar = createCalendar();
  const context = (now: Date): RectificationContext => ({
    now,
    actor: SYSTEM_ACTOR,
    calendar,
    reminderOffsets: OFFSETS,
    kindergartenName: '城关镇阳光幼儿园',
  });
  const decide = (events: RectificationEvent[], command: Parameters<typeof rectificationDecider.decide>[0], now: Date) =>
    rectificationDecider.decide(command, fold(rectificationDecider, events), context(now)) as RectificationEvent[];

  it('records a due reminder in the inbox once; again, nothing', () => {
    const now = shifted(DUE, -DAY);
    const first = decide([issued()], { type: 'Notify', data: { key: remind('P1D') } }, now);
    expect(first).toEqual([
      {
        type: 'ReminderSent',
        data: expect.objectContaining({
          key: remind('P1D'),
          kind: 'rectification-reminder',
          recipient: KINDERGARTEN,
          channel: 'inbox',
          sentAt: '2025-03-13T23:59:59.999+08:00',
        }),
      },
    ]);
    expect(decide([issued(), ...first], { type: 'Notify', data: { key: remind('P1D') } }, now)).toEqual([]);
  });

  it('records nothing before it is due, for a stale key (extension), or for a closed case', () => {
    expect(decide([issued()], { type: 'Notify', data: { key: remind('P1D') } }, shifted(DUE, -DAY - 1))).toEqual([]);
    const extended = [issued(), extensionRequested('2025-03-08T10:00:00.000+08:00'), extensionGranted('2025-03-09T10:00:00.000+08:00')];
    expect(decide(extended, { type: 'Notify', data: { key: remind('P1D') } }, shifted(DUE, -DAY))).toEqual([]);
    expect(decide(extended, { type: 'Notify', data: { key: deadline() } }, at(DUE))).toEqual([]);
    const closed = [issued(), acknowledged, followUp('passed', '2025-03-10T10:00:00.000+08:00')];
    expect(decide(closed, { type: 'Notify', data: { key: deadline() } }, at(DUE))).toEqual([]);
    // a reminder job that runs after the deadline (the engine was down) records nothing either
    expect(decide([issued()], { type: 'Notify', data: { key: remind('P1D') } }, at(DUE))).toEqual([]);
  });

  it('at the deadline of a case that owes its report: DeadlineMissed once, and both parties told', () => {
    const events = decide([issued(), sent(notice, 'notice-issued')], { type: 'Notify', data: { key: deadline() } }, at(DUE));
    expect(events.map((event) => [event.type, (event.data as { recipient?: string }).recipient])).toEqual([
      ['DeadlineMissed', undefined],
      ['ReminderSent', KINDERGARTEN],
      ['ReminderSent', 'supervisors'],
    ]);
    expect(decide([issued(), sent(notice, 'notice-issued'), ...events], { type: 'Notify', data: { key: deadline() } }, at(DUE))).toEqual([]);
    // the report in before the deadline: neither
    expect(
      decide([issued(), acknowledged, submitted('2025-03-14T10:00:00.000+08:00')], { type: 'Notify', data: { key: deadline() } }, at(DUE)),
    ).toEqual([]);
  });

  it('records another channel once per (key, recipient, channel)', () => {
    const delivery = {
      key: notice,
      kind: 'notice-issued' as const,
      recipient: KINDERGARTEN,
      channel: 'email' as const,
      content: { subject: '【限期整改通知】', body: '正文', refs: {} },
    };
    const first = decide([issued()], { type: 'RecordDelivery', data: delivery }, at(ISSUED_AT));
    expect(first).toHaveLength(1);
    expect(decide([issued(), ...first], { type: 'RecordDelivery', data: delivery }, at(ISSUED_AT))).toEqual([]);
    expect(decide([issued(), ...first], { type: 'RecordDelivery', data: { ...delivery, channel: 'webhook' } }, at(ISSUED_AT))).toHaveLength(1);
  });
});

describe('parseReminderOffsets (REMINDER_OFFSETS)', () => {
  it('reads ISO 8601 durations in weeks, days, hours, minutes and seconds, longest first', () => {
    expect(parseReminderOffsets('P7D,P1D')).toEqual([
      { label: 'P7D', ms: 7 * DAY },
      { label: 'P1D', ms: DAY },
    ]);
    expect(parseReminderOffsets(' PT30S , P1W, PT1H30M,P1DT12H ').map((offset) => [offset.label, offset.ms])).toEqual([
      ['P1W', 7 * DAY],
      ['P1DT12H', 36 * HOUR],
      ['PT1H30M', 90 * 60_000],
      ['PT30S', 30_000],
    ]);
  });

  it.each(['', 'P', 'PT', 'P7', '7D', 'p7d', 'P1M', 'P1Y', 'PT1.5H', 'P-1D', 'P0D', 'PT0S', 'P7D,', 'P7D,,P1D', 'P1DT'])('refuses %j', (text) => {
    expect(() => parseReminderOffsets(text)).toThrow(/^REMINDER_OFFSETS: /);
  });

  it('names every bad entry', () => {
    expect(() => parseReminderOffsets('P7D,seven days,P1M')).toThrow(
      'REMINDER_OFFSETS: "seven days", "P1M" are not ISO 8601 durations such as P7D, P1D, PT12H or PT30S',
    );
  });

  it('refuses two offsets of the same duration', () => {
    expect(() => parseReminderOffsets('P1D,PT24H')).toThrow('REMINDER_OFFSETS: two offsets are the same duration');
  });

  it('an invalid REMINDER_OFFSETS stops start-up with a clear message', () => {
    expect(loadSettings({ REMINDER_OFFSETS: 'PT3S' }).REMINDER_OFFSETS).toBe('PT3S');
    expect(loadSettings({}).REMINDER_OFFSETS).toBe('P7D,P1D');
    for (const bad of ['7 days', 'P1M', '', 'P1D,PT24H']) {
      let thrown: unknown;
      try {
        loadSettings({ REMINDER_OFFSETS: bad });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigurationError);
      expect((thrown as ConfigurationError).problems).toEqual([expect.stringMatching(/^REMINDER_OFFSETS/)]);
      expect((thrown as Error).message).toContain('REMINDER_OFFSETS must be comma-separated ISO 8601 durations');
    }
  });
});
