import { citeAttachment, type AttachedEvidence, type AttachmentState } from '@app/attachments/domain';
import { ConflictError, RuleViolationError, unchanged, unknownCommand, type DecisionContext } from '@app/event-sourcing';
import { formatShanghai } from '@app/calendar/domain';
import { inboxDeliveries, unitRecipient, withDeliveries, type Delivering, type RecordDelivery, type ReminderSent } from '@app/notifications/domain';
import type { MonthlyReportCommand } from './monthly-report.commands.js';
import type { MonthlyReportEvent, MonthlyReportItem } from './monthly-report.events.js';
import { monthlyReminderContent, monthlyReminderRound } from './plan-notifications.js';
import { monthlyReportDueAt, periodEnd, PLAN_FIRST_PERIOD } from './plan-periods.js';

/**
 * A unit's report for one month: pending until submitted (the stream may hold reminders by then), missed once the
 * engine has recorded it missing after the due day, submitted (on time or late) once the unit has reported.
 */
export type MonthlyReportState = Delivering<Report>;
type Report =
  | { readonly status: 'pending' }
  | { readonly status: 'missed'; readonly unitId: string; readonly period: string; readonly dueAt: string; readonly missedAt: string }
  | {
      readonly status: 'submitted';
      readonly unitId: string;
      readonly period: string;
      readonly dueAt: string;
      readonly items: readonly MonthlyReportItem[];
      /** The uploads the report cites now (the last version's); absent in a state stored before v1.1. */
      readonly evidence?: readonly AttachedEvidence[];
      readonly submittedAt: string;
      readonly late: boolean;
      readonly missedAt: string | null;
      /** Every version filed, the first one first; `items` is the last. */
      readonly versions?: readonly ReportVersion[];
    };

/** One version of a report as filed. */
export interface ReportVersion {
  readonly items: readonly MonthlyReportItem[];
  readonly evidence?: readonly AttachedEvidence[];
  readonly filedAt: string;
}

export interface MonthlyReportContext extends DecisionContext {
  /** MONTHLY_REPORT_DUE_DAY: the day of the following month by which a report is due. */
  readonly dueDay: number;
  /** SubmitMonthlyReport: whether the caller's unit is registered, the plan's task numbers, and those the unit leads or shares. */
  readonly unitRegistered?: boolean;
  readonly knownTasks?: readonly number[];
  readonly unitTasks?: readonly number[];
  /** Submit and amend: every upload the report cites, as recorded now. */
  readonly attachments?: Readonly<Record<string, AttachmentState>>;
  /** Notify: the unit's name, for the text. */
  readonly unitName?: string;
}

/** Every task number known, each one the unit's own (it leads or shares it), and every task of the unit's reported. */
const checkItems = (unitId: string, items: readonly MonthlyReportItem[], context: MonthlyReportContext): void => {
  const reported = [...new Set(items.map((item) => item.taskNo))];
  const known = context.knownTasks ?? [];
  const unknown = reported.filter((taskNo) => !known.includes(taskNo));
  if (unknown.length > 0) throw new RuleViolationError('unknown-task', `The plan has no task ${unknown.join(', ')}`, { taskNos: unknown });
  // a unit reports on the tasks it leads (牵头) or shares (责任), not on another unit's
  const own = context.unitTasks ?? [];
  const others = reported.filter((taskNo) => !own.includes(taskNo));
  if (others.length > 0)
    throw new RuleViolationError('task-not-assigned', `Unit ${unitId} is neither lead nor responsible unit of task ${others.join(', ')}`, {
      taskNos: others,
    });
  const missing = own.filter((taskNo) => !reported.includes(taskNo));
  if (missing.length > 0)
    throw new RuleViolationError('task-not-reported', `Unit ${unitId} must report on every task it leads or shares: ${missing.join(', ')} missing`, {
      taskNos: missing,
    });
};

/** The uploads a report cites, each one the unit's own (422 `unknown-attachment`); a report may cite none. */
const citedEvidence = (
  command: { data: { evidence?: readonly { attachmentId: string; caption?: string }[] } },
  context: MonthlyReportContext,
): AttachedEvidence[] => (command.data.evidence ?? []).map((item) => citeAttachment(context.actor, item, context.attachments, 'this monthly report'));

export const monthlyReportDecider = withDeliveries<
  Exclude<MonthlyReportCommand, RecordDelivery>,
  Exclude<MonthlyReportEvent, ReminderSent>,
  Report,
  MonthlyReportContext
>({
  initialState: () => ({ status: 'pending' }),

  decide(command, state, context) {
    const { now, dueDay } = context;
    const at = formatShanghai(now);
    switch (command.type) {
      case 'SubmitMonthlyReport': {
        const { unitId, period, items } = command.data;
        if (!context.unitRegistered) throw new RuleViolationError('unknown-unit', `No responsible unit ${unitId}`);
        if (state.status === 'submitted')
          throw new ConflictError('report-exists', `Unit ${unitId} has already reported for ${period}`, { submittedAt: state.submittedAt });
        if (period < PLAN_FIRST_PERIOD)
          throw new RuleViolationError('period-outside-plan', `The plan's reporting starts with ${PLAN_FIRST_PERIOD}`, {
            firstPeriod: PLAN_FIRST_PERIOD,
          });
        if (now.getTime() < periodEnd(period).getTime())
          throw new RuleViolationError('period-not-ended', `${period} has not ended yet: report from ${formatShanghai(periodEnd(period))} on`);
        checkItems(unitId, items, context);
        const evidence = citedEvidence(command, context);
        const dueAt = monthlyReportDueAt(period, dueDay);
        return [
          {
            type: 'MonthlyReportSubmitted',
            data: {
              unitId,
              period,
              items,
              ...(evidence.length > 0 ? { evidence } : {}),
              dueAt,
              submittedAt: at,
              late: now.getTime() > Date.parse(dueAt),
            },
          },
        ];
      }

      case 'AmendMonthlyReport': {
        const { unitId, period, items } = command.data;
        if (state.status !== 'submitted')
          throw new ConflictError('invalid-transition', `Unit ${unitId} has no report for ${period} to amend`, { reportStatus: state.status });
        checkItems(unitId, items, context);
        const evidence = citedEvidence(command, context);
        return [{ type: 'MonthlyReportAmended', data: { unitId, period, items, ...(evidence.length > 0 ? { evidence } : {}), amendedAt: at } }];
      }

      case 'MarkMonthlyReportMissed': {
        const { unitId, period } = command.data;
        const dueAt = monthlyReportDueAt(period, dueDay);
        // reported, already recorded, or not yet due: nothing to record
        if (state.status !== 'pending' || now.getTime() <= Date.parse(dueAt)) return [];
        return [{ type: 'MonthlyReportMissed', data: { unitId, period, dueAt, recordedAt: at } }];
      }

      case 'Notify': {
        const { unitId, period, key } = command.data;
        const round = monthlyReminderRound(key, unitId, period);
        const recipient = unitRecipient(unitId);
        const dueAt = monthlyReportDueAt(period, dueDay);
        // a reminder applies between the month's end and the deadline, to a unit that has not reported, once
        if (!round || state.status === 'submitted' || now < periodEnd(period) || now.getTime() > Date.parse(dueAt)) return [];
        const content = monthlyReminderContent(round, unitId, context.unitName ?? unitId, period, dueAt);
        return inboxDeliveries(state, { key, kind: 'monthly-report-reminder', recipients: [recipient] }, content, at);
      }

      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MonthlyReportSubmitted': {
        const { unitId, period, items, dueAt, submittedAt, late } = event.data;
        const evidence = event.data.evidence ?? [];
        const missedAt = state.status === 'missed' ? state.missedAt : null;
        return {
          status: 'submitted',
          unitId,
          period,
          dueAt,
          items,
          evidence,
          submittedAt,
          late,
          missedAt,
          versions: [{ items, evidence, filedAt: submittedAt }],
        };
      }
      case 'MonthlyReportAmended': {
        if (state.status !== 'submitted') return state;
        const { items, amendedAt } = event.data;
        const evidence = event.data.evidence ?? [];
        const versions = state.versions ?? [{ items: state.items, evidence: state.evidence ?? [], filedAt: state.submittedAt }];
        return { ...state, items, evidence, versions: [...versions, { items, evidence, filedAt: amendedAt }] };
      }
      case 'MonthlyReportMissed':
        if (state.status !== 'pending') return state;
        return {
          status: 'missed',
          unitId: event.data.unitId,
          period: event.data.period,
          dueAt: event.data.dueAt,
          missedAt: event.data.recordedAt,
        };
      default:
        return unchanged(event, state);
    }
  },
});
