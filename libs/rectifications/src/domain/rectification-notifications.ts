import type { DueNotification as Due, NotificationContent, ReminderOffset } from '@app/notifications/domain';
import { instantKey, kindergartenRecipient, offsetLabel, wallTime, wasDelivered } from '@app/notifications/domain';
import type { RectificationCase, RectificationState } from './rectification.decider.js';
import { isOpenStatus, owesReport } from './rectification-status.js';

/** A notification a case should have, with what its text needs. */
export interface DueNotification extends Due {
  /** For rectification reminders: which REMINDER_OFFSETS entry. */
  readonly offset?: string;
  /** For report reviews: which report. */
  readonly reportNo?: number;
}

/**
 * Every notification a case should have (api.md, Reminders): the notice at once; a reminder at each offset before
 * the deadline while the report is owed (skipped if that moment had passed when the deadline was set, and dropped
 * once the deadline has passed); at the deadline, if the report is still owed, the kindergarten and the supervisors;
 * extension decisions and report reviews to the kindergarten. Each key is deterministic, and a granted extension
 * changes the deadline's part of it, so old reminders become stale. Already delivered (inbox) ones are left out.
 */
export const rectificationNotifications = (state: RectificationState, offsets: readonly ReminderOffset[], now: Date): DueNotification[] => {
  if (state.status === 'none') return [];
  const kindergarten = kindergartenRecipient(state.kindergartenId);
  const due = Date.parse(state.dueAt);
  const wanted: DueNotification[] = [];
  if (isOpenStatus(state.status))
    wanted.push({ key: `${state.id}.notice`, kind: 'notice-issued', dueAt: state.issuedAt, recipients: [kindergarten] });
  if (owesReport(state.status)) {
    for (const offset of offsets) {
      const at = due - offset.ms;
      if (at < Date.parse(state.deadlineSetAt) || now.getTime() >= due) continue;
      wanted.push({
        key: `${state.id}.remind.${offset.label}.${instantKey(state.dueAt)}`,
        kind: 'rectification-reminder',
        dueAt: new Date(at).toISOString(),
        recipients: [kindergarten],
        offset: offset.label,
      });
    }
  }
  if (owesReport(state.status) || state.overdue) {
    wanted.push({
      key: `${state.id}.deadline.${instantKey(state.dueAt)}`,
      kind: 'deadline-missed',
      dueAt: state.dueAt,
      recipients: [kindergarten, 'supervisors'],
    });
  }
  if (state.extension?.decidedAt) {
    wanted.push({
      key: `${state.id}.extension.${instantKey(state.extension.decidedAt)}`,
      kind: 'extension-decided',
      dueAt: state.extension.decidedAt,
      recipients: [kindergarten],
    });
  }
  for (const report of state.reports) {
    if (report.review) {
      wanted.push({
        key: `${state.id}.review.${report.reportNo}`,
        kind: 'report-reviewed',
        dueAt: report.review.reviewedAt,
        recipients: [kindergarten],
        reportNo: report.reportNo,
      });
    }
  }
  return wanted.flatMap((notification) => {
    const recipients = notification.recipients.filter((recipient) => !wasDelivered(state, notification.key, recipient));
    return recipients.length > 0 ? [{ ...notification, recipients }] : [];
  });
};

const findingList = (state: RectificationCase): string =>
  state.findings.map((finding, i) => `${i + 1}. ${finding.description}（${finding.code}）`).join('\n');

/** What a notification says, in Chinese, naming the kindergarten, the case, the findings and the deadline (Asia/Shanghai). */
export const rectificationNotificationContent = (
  notification: Pick<DueNotification, 'kind' | 'offset' | 'reportNo'>,
  state: RectificationCase,
  kindergartenName: string,
): NotificationContent => {
  const deadline = wallTime(state.dueAt);
  const refs = { rectificationId: state.id, kindergartenId: state.kindergartenId, inspectionId: state.inspectionId };
  const caseLine = `整改事项编号：${state.id}`;
  switch (notification.kind) {
    case 'notice-issued':
      return {
        subject: `【限期整改通知】${kindergartenName}：请于${deadline}前完成整改`,
        body: `${kindergartenName}：\n经检查，你园存在以下问题，请于${deadline}前完成整改并报送整改报告：\n${findingList(state)}\n${caseLine}`,
        refs,
      };
    case 'rectification-reminder':
      return {
        subject: `【整改提醒】${kindergartenName}：距整改期限还有${offsetLabel(notification.offset ?? '')}`,
        body: `${kindergartenName}：\n你园的整改期限为${deadline}，请按期完成以下问题的整改并报送整改报告：\n${findingList(state)}\n${caseLine}`,
        refs,
      };
    case 'deadline-missed':
      return {
        subject: `【整改逾期】${kindergartenName}：已超过整改期限（${deadline}）`,
        body: `${kindergartenName}未在整改期限${deadline}前报送整改报告，已记录逾期。待整改问题：\n${findingList(state)}\n${caseLine}`,
        refs,
      };
    case 'extension-decided': {
      const extension = state.extension;
      const granted = extension?.status === 'granted';
      return {
        subject: `【延期申请】${kindergartenName}：${granted ? '已批准' : '未批准'}`,
        body: granted
          ? `${kindergartenName}：你园的延期申请已批准，整改期限调整为${deadline}。\n说明：${extension?.decisionReason ?? ''}\n${caseLine}`
          : `${kindergartenName}：你园的延期申请未获批准，整改期限仍为${deadline}。\n说明：${extension?.decisionReason ?? ''}\n${caseLine}`,
        refs,
      };
    }
    case 'report-reviewed': {
      const report = state.reports.find((candidate) => candidate.reportNo === notification.reportNo);
      const accepted = report?.review?.decision === 'accept';
      return {
        subject: `【整改报告审核】${kindergartenName}：${accepted ? '审核通过' : '退回修改'}`,
        body: accepted
          ? `${kindergartenName}：你园报送的第${report?.reportNo ?? ''}次整改报告已审核通过，整改事项办结。\n意见：${report?.review?.comment ?? ''}\n${caseLine}`
          : `${kindergartenName}：你园报送的第${report?.reportNo ?? ''}次整改报告被退回，请于${deadline}前修改后重新报送。\n意见：${report?.review?.comment ?? ''}\n${caseLine}`,
        refs,
      };
    }
    default:
      return { subject: kindergartenName, body: caseLine, refs };
  }
};
