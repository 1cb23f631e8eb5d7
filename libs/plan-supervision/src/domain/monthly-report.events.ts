import type { AttachedEvidence } from '@app/attachments/domain';
import type { Event } from '@app/event-sourcing';
import type { ReminderSent } from '@app/notifications/domain';

export const TASK_STATUSES = ['on-track', 'at-risk', 'done'] as const;
/** How a task stands in a unit's report: on track (正常推进), at risk (存在风险) or done (已完成). */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** One task's progress in a monthly report. */
export interface MonthlyReportItem {
  readonly taskNo: number;
  readonly status: TaskStatus;
  readonly progress: string;
}

/** A unit's progress report (月报告) for a month; `late` when submitted after `dueAt`; `evidence`: the uploads it cites (v1.1). */
export type MonthlyReportSubmitted = Event<
  'MonthlyReportSubmitted',
  { unitId: string; period: string; items: MonthlyReportItem[]; evidence?: AttachedEvidence[]; dueAt: string; submittedAt: string; late: boolean }
>;

/** Recorded by the engine when a unit's report was still missing after its due day. */
export type MonthlyReportMissed = Event<'MonthlyReportMissed', { unitId: string; period: string; dueAt: string; recordedAt: string }>;

/** The unit's corrected report; the one first filed stays in the record, and `late` stays as first filed. */
export type MonthlyReportAmended = Event<
  'MonthlyReportAmended',
  { unitId: string; period: string; items: MonthlyReportItem[]; evidence?: AttachedEvidence[]; amendedAt: string }
>;

export type MonthlyReportEvent = MonthlyReportSubmitted | MonthlyReportAmended | MonthlyReportMissed | ReminderSent;
