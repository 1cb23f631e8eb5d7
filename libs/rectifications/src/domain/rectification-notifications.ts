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
  // to the supervisors, only while they have something to act on: the report awaiting review, the pending request
  const awaitingReview = state.status === 'submitted' ? state.reports.at(-1) : undefined;
  if (awaitingReview) {
    wanted.push({
      key: `${state.id}.report.${awaitingReview.reportNo}`,
      kind: 'report-submitted',
      dueAt: awaitingReview.submittedAt,
      recipients: ['supervisors'],
      reportNo: awaitingReview.reportNo,
    });
  }
  if (isOpenStatus(state.status) && state.extension?.status === 'pending') {
    wanted.push({
      key: `${state.id}.extension-request.${instantKey(state.extension.requestedAt)}`,
      kind: 'extension-requested',
      dueAt: state.extension.requestedAt,
      recipients: ['supervisors'],
    });
  }
  if (state.status === 'failed' && state.followUp) {
    wanted.push({ key: `${state.id}.failed`, kind: 'case-failed', dueAt: state.followUp.recordedAt, recipients: [kindergarten] });
  }
  if (isOpenStatus(state.status) && state.deadlineReset) {
    wanted.push({
      key: `${state.id}.deadline-reset.${instantKey(state.deadlineReset.resetAt)}`,
      kind: 'deadline-reset',
      dueAt: state.deadlineReset.resetAt,
      recipients: [kindergarten],
    });
  }
  if (state.withdrawal) {
    wanted.push({ key: `${state.id}.withdrawn`, kind: 'notice-withdrawn', dueAt: state.withdrawal.withdrawnAt, recipients: [kindergarten] });
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
  const caseLine = state.documentNo ? `整改通知文号：${state.documentNo}\n整改事项编号：${state.id}` : `整改事项编号：${state.id}`;
  const titled = state.documentNo ? `（${state.documentNo}）` : '';
  switch (notification.kind) {
    case 'notice-issued':
      return {
        subject: `【限期整改通知】${kindergartenName}${titled}：请于${deadline}前完成整改`,
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
    case 'report-submitted': {
      const report = state.reports.find((candidate) => candidate.reportNo === notification.reportNo);
      return {
        subject: `【整改报告待审核】${kindergartenName}：已报送第${notification.reportNo ?? ''}次整改报告`,
        body: `${kindergartenName}已报送第${notification.reportNo ?? ''}次整改报告${report?.late ? '（逾期报送）' : ''}，请及时审核。\n报告摘要：${report?.summary ?? ''}\n${caseLine}`,
        refs,
      };
    }
    case 'extension-requested':
      return {
        subject: `【延期申请待审批】${kindergartenName}：申请延期至${wallTime(state.extension?.requestedDueAt ?? state.dueAt)}`,
        body: `${kindergartenName}申请将整改期限由${deadline}延至${wallTime(state.extension?.requestedDueAt ?? state.dueAt)}，请及时审批。\n理由：${state.extension?.reason ?? ''}\n${caseLine}`,
        refs,
      };
    case 'case-failed':
      return {
        subject: `【复查不合格】${kindergartenName}：整改后仍不达标`,
        body: `${kindergartenName}：经复查，你园整改后仍不达标，整改事项记为不合格。教育行政部门将依规作出处理。待整改问题：\n${findingList(state)}\n${caseLine}`,
        refs,
      };
    case 'deadline-reset':
      return {
        subject: `【整改期限调整】${kindergartenName}：新的整改期限为${deadline}`,
        body: `${kindergartenName}：你园的整改期限已由${wallTime(state.deadlineReset?.previousDueAt ?? state.dueAt)}调整为${deadline}，请按期完成整改并报送整改报告。\n说明：${state.deadlineReset?.reason ?? ''}\n${caseLine}`,
        refs,
      };
    case 'notice-withdrawn':
      return {
        subject: `【整改通知撤销】${kindergartenName}${titled}：整改通知已撤销`,
        body: `${kindergartenName}：你园的整改通知${state.documentNo ?? ''}已撤销，无需再报送整改报告。\n撤销理由：${state.withdrawal?.reason ?? ''}\n${caseLine}`,
        refs,
      };
    default:
      return { subject: kindergartenName, body: caseLine, refs };
  }
};
