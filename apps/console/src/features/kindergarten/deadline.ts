import { COUNTY_ZONE, dayjs } from '../../lib/time';

/** What the director must still do on a case, and how close its deadline is, in calendar days (Asia/Shanghai). */
export interface Countdown {
  readonly text: string;
  readonly overdue: boolean;
}

const AWAITING_REPORT = new Set(['issued', 'acknowledged', 'returned']);

export const countdown = (notice: { dueAt: string; status: string; overdue: boolean }, now = dayjs()): Countdown | null => {
  if (!AWAITING_REPORT.has(notice.status)) return null;
  const due = dayjs(notice.dueAt);
  if (notice.overdue || !due.isAfter(now)) {
    const days = now.tz(COUNTY_ZONE).startOf('day').diff(due.tz(COUNTY_ZONE).startOf('day'), 'day');
    return { text: days > 0 ? `已逾期 ${days} 天` : '已逾期', overdue: true };
  }
  const days = due.tz(COUNTY_ZONE).startOf('day').diff(now.tz(COUNTY_ZONE).startOf('day'), 'day');
  return { text: days === 0 ? '今天截止' : `剩余 ${days} 天`, overdue: false };
};

/** The case's deadline is still ahead (an extension may be asked only before it). */
export const beforeDeadline = (dueAt: string, now = dayjs()): boolean => dayjs(dueAt).isAfter(now);

/** A proposal the kindergarten may still answer: no statement, not waived, its period not over, not yet decided. */
/** The part of a kindergarten's state that says whether a statement is still open. */
export interface EnrolmentState {
  readonly enrolment: {
    readonly status: 'open' | 'suspended';
    readonly proposal?: { readonly statementDueAt: string; readonly statement?: unknown; readonly waived?: true };
  };
}

export const statementOpen = (kindergarten: EnrolmentState, now = dayjs()): boolean => {
  const proposal = kindergarten.enrolment.proposal;
  return (
    kindergarten.enrolment.status === 'open' &&
    proposal !== undefined &&
    proposal.statement === undefined &&
    !proposal.waived &&
    dayjs(proposal.statementDueAt).isAfter(now)
  );
};
