import type { DueNotification as Due, NotificationContent } from '@app/notifications/domain';
import { instantKey, kindergartenRecipient, wallDate, wallTime, wasDelivered, type Delivered } from '@app/notifications/domain';
import type { EnrolmentCaseState } from './enrolment.decider.js';

/** A notification a kindergarten's enrolment should have. */
export interface DueNotification extends Due {
  readonly kindergartenId: string;
}

/**
 * Every notification the due process should have (api.md, Notifications v1.1): the proposal to the kindergarten at once;
 * a reminder one working day before the statement's deadline while it has neither spoken nor waived; the statement (or
 * waiver) to the supervisors; the end of the period to the supervisors if the kindergarten stayed silent; the decision and
 * a reinstatement after it to the kindergarten. Keys are numbered by proposal, so a new proposal's are new.
 */
export const enrolmentNotifications = (state: EnrolmentCaseState & Delivered, kindergartenId: string, now: Date): DueNotification[] => {
  const kindergarten = kindergartenRecipient(kindergartenId);
  const stream = `enrolment-${kindergartenId}`;
  const wanted: DueNotification[] = [];
  const proposal = state.proposal;
  if (proposal) {
    const key = `${stream}.p${proposal.proposalNo}`;
    const pending = state.status === 'open';
    const spoke = proposal.statement !== undefined || proposal.waivedAt !== undefined;
    if (pending)
      wanted.push({ key: `${key}.proposed`, kind: 'suspension-proposed', dueAt: proposal.proposedAt, recipients: [kindergarten], kindergartenId });
    if (pending && !spoke && now.getTime() < Date.parse(proposal.statementDueAt))
      wanted.push({
        key: `${key}.statement-reminder`,
        kind: 'statement-reminder',
        dueAt: proposal.reminderAt,
        recipients: [kindergarten],
        kindergartenId,
      });
    if (spoke) {
      const dueAt = proposal.statement?.submittedAt ?? proposal.waivedAt!;
      wanted.push({ key: `${key}.statement`, kind: 'statement-submitted', dueAt, recipients: ['supervisors'], kindergartenId });
    } else if (pending) {
      wanted.push({
        key: `${key}.period-ended`,
        kind: 'statement-period-ended',
        dueAt: proposal.statementDueAt,
        recipients: ['supervisors'],
        kindergartenId,
      });
    }
  }
  const decision = state.lastDecision;
  if (decision && (state.status === 'suspended' || decision.decision === 'withdraw'))
    wanted.push({
      key: `${stream}.p${decision.proposalNo}.decided`,
      kind: 'suspension-decided',
      dueAt: decision.decidedAt,
      recipients: [kindergarten],
      kindergartenId,
    });
  if (state.status === 'open' && state.lastReinstatedAt && state.reinstatedAfterProposal && !proposal)
    wanted.push({
      key: `${stream}.reinstated.${instantKey(state.lastReinstatedAt)}`,
      kind: 'enrolment-reinstated',
      dueAt: state.lastReinstatedAt,
      recipients: [kindergarten],
      kindergartenId,
    });
  return wanted.flatMap((notification) => {
    const recipients = notification.recipients.filter((recipient) => !wasDelivered(state, notification.key, recipient));
    return recipients.length > 0 ? [{ ...notification, recipients }] : [];
  });
};

/** What a notification says, in Chinese (times in Asia/Shanghai). */
export const enrolmentNotificationContent = (
  notification: Pick<DueNotification, 'kind' | 'kindergartenId'>,
  state: EnrolmentCaseState,
  kindergartenName: string,
): NotificationContent => {
  const refs = { kindergartenId: notification.kindergartenId };
  const proposal = state.proposal;
  switch (notification.kind) {
    case 'suspension-proposed':
      return {
        subject: `【暂停招生告知】${kindergartenName}：请于${wallTime(proposal!.statementDueAt)}前进行陈述申辩`,
        body: `${kindergartenName}：\n本局拟自${wallDate(proposal!.proposedFrom)}起暂停你园招生。\n事实和理由：${proposal!.facts}\n依据：${proposal!.basis}\n你园有权进行陈述和申辩，请于${wallTime(proposal!.statementDueAt)}前在系统中提交陈述申辩意见，或声明放弃陈述申辩。逾期未提交的，视为放弃。`,
        refs: { ...refs, rectificationId: proposal!.rectificationId },
      };
    case 'statement-reminder':
      return {
        subject: `【陈述申辩提醒】${kindergartenName}：陈述申辩期限为${wallTime(proposal!.statementDueAt)}`,
        body: `${kindergartenName}：\n你园对拟暂停招生的陈述申辩期限为${wallTime(proposal!.statementDueAt)}，目前尚未提交陈述申辩意见。逾期未提交的，视为放弃陈述申辩。`,
        refs,
      };
    case 'statement-submitted':
      return proposal?.statement
        ? {
            subject: `【陈述申辩】${kindergartenName}已提交陈述申辩意见`,
            body: `${kindergartenName}对拟暂停招生提交了陈述申辩意见：\n${proposal.statement.text}\n请审查后作出决定，决定理由应回应其陈述申辩。`,
            refs,
          }
        : {
            subject: `【陈述申辩】${kindergartenName}声明放弃陈述申辩`,
            body: `${kindergartenName}声明放弃对拟暂停招生的陈述申辩，可以作出决定。`,
            refs,
          };
    case 'statement-period-ended':
      return {
        subject: `【陈述申辩期满】${kindergartenName}：陈述申辩期限已届满`,
        body: `${kindergartenName}的陈述申辩期限已于${wallTime(proposal!.statementDueAt)}届满，未提交陈述申辩意见。请作出暂停招生或撤回告知的决定。`,
        refs,
      };
    case 'suspension-decided': {
      const decision = state.lastDecision;
      return state.status === 'suspended'
        ? {
            subject: `【暂停招生决定】${kindergartenName}：自${wallDate(state.effectiveFrom)}起暂停招生`,
            body: `${kindergartenName}：\n经审查，决定自${wallDate(state.effectiveFrom)}起暂停你园招生。\n理由：${decision?.reason ?? state.reason}\n如不服本决定，可在收到之日起60日内申请行政复议，或在6个月内提起行政诉讼。`,
            refs,
          }
        : {
            subject: `【撤回暂停招生告知】${kindergartenName}`,
            body: `${kindergartenName}：\n经审查，决定不暂停你园招生，撤回暂停招生告知。\n理由：${decision?.reason ?? ''}`,
            refs,
          };
    }
    case 'enrolment-reinstated':
      return {
        subject: `【恢复招生】${kindergartenName}：已恢复招生`,
        body: `${kindergartenName}：\n经复查合格，你园已恢复招生。`,
        refs,
      };
    default:
      return { subject: kindergartenName, body: kindergartenName, refs };
  }
};
