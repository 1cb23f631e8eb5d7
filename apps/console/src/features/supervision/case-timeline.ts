import type { Case } from './api';

/** One step of a case, as a person reads it. */
export interface TimelineStep {
  readonly at: string;
  readonly text: string;
  readonly tone: 'info' | 'success' | 'warning' | 'danger' | 'neutral';
}

/**
 * The case's history told in Chinese from its own record (supervisors may not read the audit timeline): the notice,
 * its publication, acknowledgement, reports and reviews, the latest extension and new deadline, a missed deadline,
 * the follow-up, the withdrawal; oldest first.
 */
export const caseTimeline = (notice: Case, formatTime: (at: string) => string): TimelineStep[] => {
  const steps: TimelineStep[] = [
    {
      at: notice.issuedAt,
      text: `下发整改通知${notice.documentNo ? `（${notice.documentNo}）` : ''}${notice.publish && !notice.publishedAt ? '，公开通报' : '，暂不公开'}`,
      tone: 'info',
    },
  ];
  if (notice.publishedAt) steps.push({ at: notice.publishedAt, text: '公开通报整改通知', tone: 'info' });
  if (notice.acknowledgedAt) steps.push({ at: notice.acknowledgedAt, text: '幼儿园签收整改通知', tone: 'info' });
  for (const report of notice.reports) {
    steps.push({
      at: report.submittedAt,
      text: `幼儿园提交第 ${report.reportNo} 次整改报告${report.late ? '（逾期提交）' : ''}`,
      tone: report.late ? 'warning' : 'info',
    });
    if (report.review) {
      steps.push({
        at: report.review.reviewedAt,
        text: report.review.decision === 'accept' ? `审核通过，整改通知办结：${report.review.comment}` : `退回重新整改：${report.review.comment}`,
        tone: report.review.decision === 'accept' ? 'success' : 'warning',
      });
    }
  }
  const { extension } = notice;
  if (extension) {
    steps.push({ at: extension.requestedAt, text: `幼儿园申请延期至 ${formatTime(extension.requestedDueAt)}：${extension.reason}`, tone: 'info' });
    if (extension.decidedAt) {
      steps.push({
        at: extension.decidedAt,
        text: `${extension.status === 'granted' ? '同意延期' : '不同意延期'}：${extension.decisionReason ?? ''}`,
        tone: extension.status === 'granted' ? 'success' : 'warning',
      });
    }
  }
  const reset = notice.deadlineReset;
  if (reset) {
    steps.push({
      at: reset.resetAt,
      text: `重新设定整改期限：由 ${formatTime(reset.previousDueAt)} 改为 ${formatTime(reset.dueAt)}，理由：${reset.reason}`,
      tone: 'info',
    });
  }
  if (notice.overdue) steps.push({ at: notice.dueAt, text: '整改期限届满，幼儿园未提交整改报告，已逾期', tone: 'danger' });
  const followUp = notice.followUp as { outcome: 'passed' | 'failed'; recordedAt: string } | null;
  if (followUp) {
    steps.push(
      followUp.outcome === 'passed'
        ? { at: followUp.recordedAt, text: '复查合格，整改通知办结', tone: 'success' }
        : { at: followUp.recordedAt, text: '复查不合格：整改后仍不达标', tone: 'danger' },
    );
  }
  if (notice.withdrawal) steps.push({ at: notice.withdrawal.withdrawnAt, text: `撤销整改通知：${notice.withdrawal.reason}`, tone: 'neutral' });
  return steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
};
